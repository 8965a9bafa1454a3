/**
 * Header fields as WARC records and HTTP responses both write them: `Name: value` lines, names
 * case-insensitive (kept lowercased), a line starting with a space or tab continuing the one before,
 * and a repeated name joined to its earlier value with ", " (RFC 9110, section 5.3).
 */
export function parseHeaderFields(
  lines: readonly string[],
  { strict }: { strict: boolean },
): Map<string, string> | { badLine: string } {
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      // A WARC header must be well formed; servers send stray lines that browsers ignore, and so do we.
      if (strict) return { badLine: line };
      continue;
    }
    last = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(last);
    headers.set(last, previous === undefined ? value : `${previous}, ${value}`);
  }
  return headers;
}
