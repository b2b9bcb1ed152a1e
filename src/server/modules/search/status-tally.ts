import { count, slotsOf } from './facet-bits';
import type { Dimension, FacetIndex, Filters } from './facet-index';

/** What the dashboards group recommendations by: a column of the index, or its LRG levels. */
export type TallyColumn = Dimension | 'lrgLevel';

export interface StatusTally {
  /** rows matching the filters within the scope */
  total: number;
  /** per value (null: a row with none) and status, the rows; a multi-valued row counts once per value */
  cells: { key: string | null; status: string; n: number }[];
}

/**
 * Recommendations per (value of `by`, status) among the rows matching `filters` within `scope`,
 * read from the index's columns in one pass over the matching slots: the dashboards' status
 * breakdowns without a GROUP BY over the register (issue 15). `keep` narrows the values counted
 * (the LRGs among assigned entities); a row left with none of them counts under null, as the
 * SQL's left join does. Filters and scope as in `FacetIndex.rowsMatching`.
 */
export function tallyByStatus(
  index: FacetIndex,
  filters: Filters,
  scope: readonly string[] | undefined,
  by: TallyColumn,
  keep?: (value: string) => boolean,
): StatusTally {
  const column = by === 'lrgLevel' ? index.levels : index.columns[by];
  const status = index.columns.status;
  const width = status.values.length;
  const kept = keep ? Uint8Array.from(column.values, (value) => (keep(value) ? 1 : 0)) : null;
  // Row 0 of the table is "no value", row code + 1 the value `code`.
  const table = new Int32Array((column.values.length + 1) * width);
  const rows = index.rowsMatching(filters, scope);
  const slots = rows ? slotsOf(rows, null, count(rows)) : null;
  const n = slots ? slots.length : index.size;
  const { codes, offsets } = column;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const slot = slots ? (slots[i] as number) : i;
    const s = status.codes[slot] as number;
    if (s < 0) continue; // a deleted slot (every row has a status)
    total++;
    if (!offsets) {
      const code = codes[slot] as number;
      const at = (code + 1) * width + s;
      table[at] = (table[at] as number) + 1;
      continue;
    }
    let counted = false;
    for (let k = offsets[slot] as number; k < (offsets[slot + 1] as number); k++) {
      const code = codes[k] as number;
      if (kept && !kept[code]) continue;
      const at = (code + 1) * width + s;
      table[at] = (table[at] as number) + 1;
      counted = true;
    }
    if (!counted) table[s] = (table[s] as number) + 1;
  }
  const cells: StatusTally['cells'] = [];
  for (let row = 0; row <= column.values.length; row++)
    for (let s = 0; s < width; s++) {
      const found = table[row * width + s] as number;
      if (found > 0)
        cells.push({
          key: row === 0 ? null : (column.values[row - 1] as string),
          status: status.values[s] as string,
          n: found,
        });
    }
  return { total, cells };
}
