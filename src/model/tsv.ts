/**
 * Reads Parley's human-editable dictionary files: tab-separated rows, `#` comments, blank lines allowed.
 * Hand-written because the format is deliberately trivial and every dictionary shares it.
 */
import { readFileSync } from 'node:fs';

export interface TsvRow {
  cells: string[];
  /** 1-based line number, for error messages that name the line. */
  line: number;
}

export function readTsvRows(file: string): TsvRow[] {
  const rows: TsvRow[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || line.startsWith('#')) return;
      rows.push({ cells: line.split('\t').map((cell) => cell.trim()), line: index + 1 });
    });
  return rows;
}

/** Splits a `|`-separated list cell, dropping empty items. */
export function listCell(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
