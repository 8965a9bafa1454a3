/** Durations as people write them on a command line. Kept apart from the watcher so that parsing an
 * option loads no fetching code. */
/** "90s", "15m", "1h" → milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2]!.toLowerCase() as 'ms'];
  return Math.round(Number(match[1]) * unit);
}
