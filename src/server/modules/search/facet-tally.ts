import type { Column } from './facet-index';

/**
 * The counting loops of the facet index (facet-index.ts): typed arrays only, no objects per row,
 * since every search runs them over up to hundreds of thousands of rows.
 */

/** A column transposed: the slots of value `code` are slots[start[code]..start[code + 1]), ascending. */
export interface Postings {
  start: Int32Array;
  slots: Int32Array;
}

export function transpose(column: Column, size: number): Postings {
  const { codes, offsets } = column;
  const start = new Int32Array(column.values.length + 1);
  const each = (visit: (slot: number, code: number) => void) => {
    for (let slot = 0; slot < size; slot++) {
      if (!offsets) {
        if ((codes[slot] as number) >= 0) visit(slot, codes[slot] as number);
        continue;
      }
      for (let k = offsets[slot] as number; k < (offsets[slot + 1] as number); k++) visit(slot, codes[k] as number);
    }
  };
  each((_, code) => {
    start[code + 1] = (start[code + 1] as number) + 1;
  });
  for (let code = 0; code < column.values.length; code++)
    start[code + 1] = (start[code + 1] as number) + (start[code] as number);
  const slots = new Int32Array(start[column.values.length] as number);
  const cursor = start.slice(0, column.values.length);
  each((slot, code) => {
    slots[cursor[code] as number] = slot;
    cursor[code] = (cursor[code] as number) + 1;
  });
  return { start, slots };
}

/** Counts of `facet`'s values among the rows of each value of the single-valued `by`. */
export function crossTally(by: Column, facet: Column, size: number): Int32Array {
  const width = facet.values.length;
  const table = new Int32Array(by.values.length * width);
  const { codes, offsets } = facet;
  for (let slot = 0; slot < size; slot++) {
    const row = by.codes[slot] as number;
    if (row < 0) continue;
    const at = row * width;
    if (!offsets) {
      const code = codes[slot] as number;
      if (code >= 0) table[at + code] = (table[at + code] as number) + 1;
      continue;
    }
    for (let k = offsets[slot] as number; k < (offsets[slot + 1] as number); k++)
      table[at + (codes[k] as number)] = (table[at + (codes[k] as number)] as number) + 1;
  }
  return table;
}

/** The sum of a precounted table's rows for the values `codes`. */
export function rowsOf(table: Int32Array, width: number, codes: number[]): Int32Array {
  const sum = new Int32Array(width);
  for (const code of codes)
    for (let c = 0; c < width; c++) sum[c] = (sum[c] as number) + (table[code * width + c] as number);
  return sum;
}

/** Adds `delta` for the values of the first `n` of `slots` to `counts`. */
export function tally(column: Column, slots: Int32Array, n: number, counts: Int32Array, delta: 1 | -1): void {
  const { codes, offsets } = column;
  if (offsets) {
    for (let i = 0; i < n; i++) {
      const slot = slots[i] as number;
      const end = offsets[slot + 1] as number;
      for (let k = offsets[slot] as number; k < end; k++) {
        const code = codes[k] as number;
        counts[code] = (counts[code] as number) + delta;
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const code = codes[slots[i] as number] as number;
    if (code >= 0) counts[code] = (counts[code] as number) + delta;
  }
}

/**
 * The most frequent values, ties by value, as SQL's `order by count desc` would list them. With
 * thousands of values (reviews), only those at or above the `limit`-th count are sorted.
 */
export function top(column: Column, counts: Int32Array, limit: number): { value: string; count: number }[] {
  let cutoff = 1;
  if (counts.length > limit * 4) cutoff = Math.max(1, counts.slice().sort()[counts.length - limit] as number);
  const found: { value: string; count: number }[] = [];
  counts.forEach((n, code) => {
    if (n >= cutoff) found.push({ value: column.values[code] as string, count: n });
  });
  found.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return found.slice(0, limit);
}
