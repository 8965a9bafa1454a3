/** CSV output, for the CLI's `--format csv` and `export --format csv` and the API's `/api/export?format=csv`. */

export type Row = Record<string, string | number | boolean | null | undefined>;

export const cell = (value: Row[string]): string =>
  value === null || value === undefined ? '' : String(value);

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function formatCsv(rows: readonly object[], columns: readonly string[]): string {
  const escape = (value: string): string =>
    /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => escape(cell((row as Row)[column]))).join(',')),
  ].join('\n');
}

/** Who did what to whom: the columns every event export starts with, in this order. */
export const EVENT_CSV_COLUMNS = [
  'date',
  'sourceCode',
  'sourceText',
  'code',
  'targetCode',
  'targetText',
  'quadClass',
  'goldstein',
  'plover',
] as const;
