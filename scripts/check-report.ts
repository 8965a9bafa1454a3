/**
 * What the data-file checkers (check-dictionaries.ts, check-themes.ts) share: one list of errors and warnings,
 * each naming `file:line`, a reader of a TSV file's data lines, and the closing summary with its exit code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Location {
  file: string;
  line: number;
}

export interface DataLine {
  text: string;
  loc: Location;
}

export const errors: string[] = [];
export const warnings: string[] = [];

export const where = (loc: Location): string =>
  `${path.relative(process.cwd(), loc.file) || loc.file}:${loc.line}`;
export const error = (loc: Location, message: string): void => void errors.push(`${where(loc)}: ${message}`);
export const warn = (loc: Location, message: string): void => void warnings.push(`${where(loc)}: ${message}`);

/** Data lines with their 1-based line numbers; `#` comment lines and empty lines are skipped. */
export function dataLines(file: string): DataLine[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (cause) {
    errors.push(`${file}: cannot read (${cause instanceof Error ? cause.message : String(cause)})`);
    return [];
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  const lines: DataLine[] = [];
  content.split('\n').forEach((raw, index) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const loc = { file, line: index + 1 };
    if (text.startsWith('#') || text === '') return;
    if (text.trim() === '') error(loc, 'line holds only whitespace (leave it empty or start it with #)');
    else if (text.includes('\uFFFD')) error(loc, 'line is not valid UTF-8');
    else lines.push({ text, loc });
  });
  return lines;
}

/** Prints every warning and error, then `ok` or the error count; a failed check sets exit code 1. */
export function report(): void {
  for (const message of warnings) console.warn(`warning: ${message}`);
  for (const message of errors) console.error(`error: ${message}`);
  if (errors.length > 0) {
    console.error(`${errors.length} error(s), ${warnings.length} warning(s)`);
    process.exitCode = 1;
  } else console.log(`ok (${warnings.length} warning(s))`);
}
