/** The data behind a chart, shared by its canvas, its table view and its CSV export. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** Uncertainty bounds where the source gives them (e.g. WHO's lower and upper estimates). */
  lower?: (number | null)[];
  upper?: (number | null)[];
}

export interface ChartColumn {
  label: string;
  values: (number | null)[];
}

/** Series flattened into table columns: each series, then its bounds when it has them. */
export function chartColumns(series: ChartSeries[], boundLabel: (series: string, bound: 'lower' | 'upper') => string) {
  const columns: ChartColumn[] = [];
  for (const one of series) {
    columns.push({ label: one.label, values: one.values });
    if (one.lower) columns.push({ label: boundLabel(one.label, 'lower'), values: one.lower });
    if (one.upper) columns.push({ label: boundLabel(one.label, 'upper'), values: one.upper });
  }
  return columns;
}

/**
 * A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula (=, +, -,
 * @, tab, CR) prefixed with an apostrophe, since labels come from what people typed.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The chart as CSV (RFC 4180, CRLF), with a byte-order mark so Excel reads UTF-8 (Arabic, Chinese). */
export function chartCsv(categoryLabel: string, categories: string[], columns: ChartColumn[]): string {
  const lines = [[categoryLabel, ...columns.map((column) => column.label)].map(cell).join(',')];
  categories.forEach((category, row) => {
    lines.push([category, ...columns.map((column) => column.values[row] ?? null)].map(cell).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
