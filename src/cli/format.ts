/** Terminal and file output helpers shared by the commands. */

import { cell, formatCsv, type Row } from '../export/csv.js';

export { formatCsv, type Row };

/**
 * A plain aligned table. Hand-written: it is a dozen lines, and table libraries bring box-drawing and
 * ANSI handling we do not want in piped output.
 */
export function formatTable(rows: Row[], columns: string[], maxWidth = 60): string {
  const clip = (text: string): string => (text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text);
  const cells = rows.map((row) => columns.map((column) => clip(cell(row[column]).replace(/\s+/g, ' '))));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => line[index]!.length)),
  );
  const line = (values: string[]): string =>
    values
      .map((value, index) => value.padEnd(widths[index]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

export type OutputFormat = 'table' | 'json' | 'csv';

export function formatRows(rows: Row[], columns: string[], format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'csv') return formatCsv(rows, columns);
  return rows.length === 0 ? '(no results)' : formatTable(rows, columns);
}
