/** Terminal and file output helpers shared by the commands. */

export type Row = Record<string, string | number | boolean | null | undefined>;

const cell = (value: Row[string]): string => (value === null || value === undefined ? '' : String(value));

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

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function formatCsv(rows: Row[], columns: string[]): string {
  const escape = (value: string): string =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => escape(cell(row[column]))).join(',')),
  ].join('\n');
}

export type OutputFormat = 'table' | 'json' | 'csv';

export function formatRows(rows: Row[], columns: string[], format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'csv') return formatCsv(rows, columns);
  return rows.length === 0 ? '(no results)' : formatTable(rows, columns);
}
