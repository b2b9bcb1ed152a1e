/** Plain-text tables with aligned columns that are also valid Markdown (pipe tables). */
export interface Table {
  title: string;
  headers: string[];
  /** 'r' right-aligns a column (numbers); default left. */
  align?: ('l' | 'r')[];
  rows: (string | number)[][];
  notes?: string[];
}

export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => row.map((cell) => String(cell)));
  const widths = table.headers.map((header, index) =>
    Math.max(3, header.length, ...cells.map((row) => (row[index] ?? '').length)),
  );
  const right = (index: number) => table.align?.[index] === 'r';
  const line = (row: string[]) =>
    `| ${row.map((cell, index) => (right(index) ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (right(index) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  const notes = (table.notes ?? []).map((note) => `\n${note}`).join('');
  return (
    [`### ${table.title}`, '', line(table.headers), rule, ...cells.map(line)].join('\n') + (notes ? `\n${notes}` : '')
  );
}

/** Milliseconds with one decimal below 100 ms, whole above. */
export function ms(value: number): string {
  return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
}

export function int(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Count, percentiles and maximum of unsorted values. */
export function distribution(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Whole mebibytes. */
export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Elapsed wall time of `run` in milliseconds, with its result. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}
