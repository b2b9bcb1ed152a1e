import type { FacetName } from '../../../shared/schemas/register';
import { allBits, wordsFor } from './facet-bits';
import { type Dimension, type FacetIndex, filterDimensions, type IndexRow, type Sort } from './facet-index';
import { patchText, type TextChange } from './text-index.patch';

/** A recommendation as it now is (null: deleted), with its clusters and assigned entities. */
export interface RowChange {
  seq: number;
  row: (IndexRow & { cluster: readonly string[]; entity: readonly string[] }) | null;
  /** its six `tsvector`s as text when its texts changed or it is new, else undefined */
  tsv?: readonly (string | null)[];
}

/**
 * For each sort order, the seq of the row that follows each changed row in the register (null:
 * it comes last), as PostgreSQL orders them: a changed row goes back in before the first
 * unchanged row after it.
 */
export type Successors = Record<Sort, ReadonlyMap<number, number | null>>;

const sorts: Sort[] = ['number', 'newest', 'updated'];
const countedFacets = filterDimensions.filter((dimension) => dimension !== 'cluster') as FacetName[];

/**
 * Applies changed rows to the indexes in place, so that they answer exactly as a rebuild at
 * `generation` would (decision 025). The work grows with the rows changed and the postings of the
 * values they leave or join, beside flat copies of arrays the size of the register (each sort
 * order; a multi-valued column in which an existing row changed). A changed row keeps its slot; a
 * new one takes the next slot; a deleted one leaves an empty slot (no value, no posting, outside
 * `live`) until the next rebuild. Throws if the successors do not fit together (the caller then
 * rebuilds).
 */
export function patchIndex(index: FacetIndex, generation: number, changes: readonly RowChange[], next: Successors) {
  const before = index.size;
  const widths = Object.fromEntries(filterDimensions.map((d) => [d, index.columns[d].values.length])) as Record<
    Dimension,
    number
  >;
  // Slots: changed rows keep theirs, new rows follow the last one in seq order.
  const slotOf = new Map<number, number>();
  let size = before;
  for (const change of [...changes].sort((a, b) => a.seq - b.seq)) {
    const slot = index.slotOf(change.seq);
    if (slot >= 0) slotOf.set(change.seq, slot);
    else if (change.row) slotOf.set(change.seq, size++);
  }
  const present = changes.filter((change) => slotOf.has(change.seq));
  grow(index, size, Math.max(0, ...present.map((change) => change.seq)));

  // Old values out of the counts, then the new values in the columns, then into the counts.
  const oldCodes = new Map<number, Record<Dimension, number[]>>();
  const oldLevels = new Map<number, number[]>();
  for (const { seq } of present) {
    const slot = slotOf.get(seq) as number;
    if (slot >= before) continue;
    oldCodes.set(slot, codesOf(index, slot));
    oldLevels.set(slot, index.levels.codesAt(slot));
    count(index, slot, -1, widths);
  }
  const multi = new Map<Dimension, Map<number, number[]>>();
  for (const { seq, row } of present) {
    const slot = slotOf.get(seq) as number;
    for (const dimension of filterDimensions) {
      const column = index.columns[dimension];
      const values = row ? valuesOf(row, dimension) : [];
      if (!column.multi) column.setOne(slot, values[0] ?? null);
      else {
        const codes = values.map((value) => column.code(value));
        const was = oldCodes.get(slot)?.[dimension];
        // An existing row whose values in this column are the same leaves the column as it is.
        if (was && was.length === codes.length && was.every((code, i) => code === codes[i])) continue;
        const replaced = multi.get(dimension) ?? new Map<number, number[]>();
        replaced.set(slot, codes);
        multi.set(dimension, replaced);
      }
    }
  }
  for (const dimension of filterDimensions) {
    const column = index.columns[dimension];
    if (column.multi && (multi.has(dimension) || size > before))
      column.replace(before, size, multi.get(dimension) ?? new Map());
  }
  // The LRG levels: a column without postings or counts, which only the dashboards read.
  const levels = new Map<number, number[]>();
  for (const { seq, row } of present) {
    const slot = slotOf.get(seq) as number;
    const codes = (row?.levels ?? []).map((value) => index.levels.code(value));
    const was = oldLevels.get(slot);
    if (!(was && was.length === codes.length && was.every((code, i) => code === codes[i]))) levels.set(slot, codes);
  }
  if (levels.size > 0 || size > before) index.levels.replace(before, size, levels);
  relayout(index, widths);
  for (const { seq, row } of present) if (row) count(index, slotOf.get(seq) as number, 1);

  // Postings: per value, the slots that left it and those that joined it.
  for (const dimension of filterDimensions) {
    const left = new Map<number, Set<number>>();
    const joined = new Map<number, number[]>();
    for (const { seq } of present) {
      const slot = slotOf.get(seq) as number;
      const was = oldCodes.get(slot)?.[dimension] ?? [];
      const now = index.columns[dimension].codesAt(slot);
      for (const code of was) if (!now.includes(code)) left.set(code, (left.get(code) ?? new Set()).add(slot));
      for (const code of now)
        if (!was.includes(code)) {
          const slots = joined.get(code);
          if (slots) slots.push(slot);
          else joined.set(code, [slot]);
        }
    }
    for (const code of new Set([...left.keys(), ...joined.keys()])) {
      const current = index.slotsWith(dimension, code);
      const gone = Int32Array.from(left.get(code) ?? []).sort();
      const added = Int32Array.from(joined.get(code) ?? []).sort();
      index.patched[dimension].set(code, replaceSorted(current, gone, added));
    }
  }

  // Which slots hold a row, and which seq each holds.
  const deleted = present.filter((change) => !change.row).map((change) => slotOf.get(change.seq) as number);
  if (deleted.length > 0 || (index.live && size > before)) {
    const live = allBits(size);
    if (index.live) {
      // The old last word has no bits past the old slots; the new slots after them are live.
      live.set(index.live.subarray(0, wordsFor(before)));
      for (let slot = before; slot < Math.min(size, wordsFor(before) * 32); slot++)
        live[slot >>> 5] = (live[slot >>> 5] as number) | (1 << (slot & 31));
    }
    for (const slot of deleted) live[slot >>> 5] = (live[slot >>> 5] as number) & ~(1 << (slot & 31));
    index.live = live;
  }
  for (const { seq, row } of present) {
    const slot = slotOf.get(seq) as number;
    index.seqOf[slot] = seq;
    index.slotOfSeq[seq] = row ? slot : -1;
  }
  index.rows += present.filter((change) => change.row && (slotOf.get(change.seq) as number) >= before).length;
  index.rows -= deleted.length;
  index.size = size;
  index.words = wordsFor(size);
  reorder(index, present, slotOf, next);

  if (index.text) {
    const texts: TextChange[] = [];
    for (const change of present) {
      const slot = slotOf.get(change.seq) as number;
      if (!change.row) texts.push({ slot, tsv: null });
      else if (change.tsv) texts.push({ slot, tsv: change.tsv });
      else if (slot >= before) throw new Error('patchIndex: a new row without its text');
    }
    patchText(index.text, size, texts);
  }
  index.generation = generation;
}

function valuesOf(row: NonNullable<RowChange['row']>, dimension: Dimension): readonly string[] {
  if (dimension === 'cluster' || dimension === 'entity') return row[dimension];
  if (dimension in row.single) {
    const value = row.single[dimension as keyof IndexRow['single']];
    return value === null ? [] : [value];
  }
  return row.multi[dimension as keyof IndexRow['multi']];
}

function codesOf(index: FacetIndex, slot: number): Record<Dimension, number[]> {
  return Object.fromEntries(
    filterDimensions.map((dimension) => [dimension, index.columns[dimension].codesAt(slot)]),
  ) as Record<Dimension, number[]>;
}

/** Adds `delta` for one slot's values to the whole register's counts and the precounted tables. */
function count(index: FacetIndex, slot: number, delta: 1 | -1, widths?: Record<Dimension, number>): void {
  const codes = codesOf(index, slot);
  for (const facet of countedFacets) {
    const counts = index.whole[facet];
    for (const code of codes[facet]) counts[code] = (counts[code] as number) + delta;
  }
  for (const [dimension, tables] of Object.entries(index.precounts) as [Dimension, Record<FacetName, Int32Array>][]) {
    const by = codes[dimension][0];
    if (by === undefined) continue;
    for (const facet of countedFacets) {
      const width = widths ? widths[facet] : index.columns[facet].values.length;
      const table = tables[facet];
      for (const code of codes[facet]) table[by * width + code] = (table[by * width + code] as number) + delta;
    }
  }
}

/** Counts tables widened for values the changed rows brought (`widths`: the dictionaries' sizes before). */
function relayout(index: FacetIndex, widths: Record<Dimension, number>): void {
  for (const facet of countedFacets) {
    const now = index.columns[facet].values.length;
    if (now === widths[facet]) continue;
    const grown = new Int32Array(now);
    grown.set(index.whole[facet]);
    index.whole[facet] = grown;
  }
  for (const [dimension, tables] of Object.entries(index.precounts) as [Dimension, Record<FacetName, Int32Array>][]) {
    const byValues = index.columns[dimension].values.length;
    for (const facet of countedFacets) {
      const width = widths[facet];
      const now = index.columns[facet].values.length;
      const table = tables[facet];
      if (now === width && table.length === byValues * now) continue;
      const grown = new Int32Array(byValues * now);
      for (let by = 0; by < widths[dimension]; by++) grown.set(table.subarray(by * width, (by + 1) * width), by * now);
      tables[facet] = grown;
    }
  }
}

/** Room for `size` slots and seqs up to `maxSeq`. */
function grow(index: FacetIndex, size: number, maxSeq: number): void {
  for (const dimension of filterDimensions) index.columns[dimension].reserve(size);
  index.levels.reserve(size);
  if (index.seqOf.length < size) {
    const grown = new Int32Array(Math.max(size, Math.ceil(index.seqOf.length * 1.25)));
    grown.set(index.seqOf);
    index.seqOf = grown;
  }
  if (index.slotOfSeq.length <= maxSeq) {
    const grown = new Int32Array(Math.max(maxSeq + 1, Math.ceil(index.slotOfSeq.length * 1.25))).fill(-1);
    grown.set(index.slotOfSeq);
    index.slotOfSeq = grown;
  }
}

/**
 * Each sort order without the changed and deleted rows, the changed rows put back before their
 * successor. The rows following one another among the changed ones form chains; a chain goes in
 * whole before the unchanged row it ends at (or at the end).
 */
function reorder(
  index: FacetIndex,
  present: readonly RowChange[],
  slotOf: ReadonlyMap<number, number>,
  next: Successors,
) {
  const moved = new Set(present.map((change) => slotOf.get(change.seq) as number));
  const changed = new Set(present.filter((change) => change.row).map((change) => change.seq));
  for (const sort of sorts) {
    const successor = next[sort];
    if (inPlace(index, present, slotOf, successor, sort)) continue;
    const followers = new Set<number>();
    for (const seq of changed) {
      const after = successor.get(seq);
      if (after !== undefined && after !== null && changed.has(after)) followers.add(after);
    }
    const before = new Map<number, number[]>();
    let placed = 0;
    for (const head of changed) {
      if (followers.has(head)) continue;
      const chain: number[] = [];
      let seq: number | null | undefined = head;
      while (seq !== null && seq !== undefined && changed.has(seq) && chain.length <= changed.size) {
        chain.push(slotOf.get(seq) as number);
        seq = successor.get(seq);
      }
      if (seq === undefined) throw new Error(`patchIndex: no successor for a changed row in the ${sort} order`);
      const at = seq === null ? -1 : index.slotOf(seq);
      if (seq !== null && (at < 0 || moved.has(at))) throw new Error(`patchIndex: the ${sort} order does not fit`);
      before.set(at, [...(before.get(at) ?? []), ...chain]);
      placed += chain.length;
    }
    if (placed !== changed.size) throw new Error(`patchIndex: the ${sort} order does not fit`);
    if (moved.size === changed.size && index.orders[sort].length === index.rows && moved.size <= fewMoves) {
      moveFew(index.orders[sort], moved, before);
      continue;
    }
    // One pass over the order with a mark per slot: 1 moved, 2 rows go in before it.
    const marks = new Uint8Array(index.size);
    for (const slot of moved) marks[slot] = 1;
    for (const slot of before.keys()) if (slot >= 0) marks[slot] = 2;
    const old = index.orders[sort];
    const order = new Int32Array(index.rows);
    let k = 0;
    for (let i = 0; i < old.length; i++) {
      const slot = old[i] as number;
      const mark = marks[slot];
      if (mark === 1) continue;
      if (mark === 2) for (const inserted of before.get(slot) ?? []) order[k++] = inserted;
      order[k++] = slot;
    }
    for (const inserted of before.get(-1) ?? []) order[k++] = inserted;
    if (k !== order.length) throw new Error(`patchIndex: the ${sort} order has ${k} rows, not ${order.length}`);
    index.orders[sort] = order;
  }
}

/**
 * Up to this many changed rows (none new, none deleted) move within an order in place: a status
 * change moves one row in one order (the last updated) and leaves the others as they are, and a
 * copy of the whole order (500,000 slots, three orders) cost more than the rest of the patch.
 */
const fewMoves = 32;

/**
 * Moves the `moved` slots of `order` to go in before their successors (`before`: successor slot,
 * or -1 for the end, → the chain of slots that goes in before it), in place, with a native search
 * and two memmoves each (an order they do not move was skipped by `inPlace`).
 */
function moveFew(order: Int32Array, moved: ReadonlySet<number>, before: ReadonlyMap<number, readonly number[]>) {
  let length = order.length;
  for (const slot of moved) {
    const position = order.subarray(0, length).indexOf(slot);
    order.copyWithin(position, position + 1, length);
    length--;
  }
  for (const [at, chain] of before) {
    const position = at < 0 ? length : order.subarray(0, length).indexOf(at);
    order.copyWithin(position + chain.length, position, length);
    order.set(chain, position);
    length += chain.length;
  }
}

/**
 * Sorted `current` without the sorted `gone` (all in it) and with the sorted `added` (none in
 * it). A few changes are found by binary search and the runs between them copied whole: a row
 * leaving "not started" for "in progress" copies two postings of 200,000 slots, it does not
 * compare each slot.
 */
export function replaceSorted(current: Int32Array, gone: Int32Array, added: Int32Array): Int32Array {
  if (gone.length + added.length > fewMoves) {
    const drop = new Set(gone);
    return mergeSorted(gone.length ? current.filter((slot) => !drop.has(slot)) : current, added);
  }
  const out = new Int32Array(current.length - gone.length + added.length);
  // Cuts in `current`: where each gone slot is (skipped) and where each added slot goes in.
  const cuts = [
    ...Array.from(gone, (slot) => ({ at: lowerBound(current, slot), slot, add: false })),
    ...Array.from(added, (slot) => ({ at: lowerBound(current, slot), slot, add: true })),
  ].sort((a, b) => a.at - b.at || a.slot - b.slot);
  let from = 0;
  let k = 0;
  for (const cut of cuts) {
    out.set(current.subarray(from, cut.at), k);
    k += cut.at - from;
    from = cut.at;
    if (cut.add) out[k++] = cut.slot;
    else from++; // the gone slot sits at `at`
  }
  out.set(current.subarray(from), k);
  return out;
}

/** The first position in sorted `values` whose value is not below `value`. */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Whether each of a few changed rows is still followed by the row that follows it in the stored
 * order (a status change leaves the number and newest orders as they are): the order is then
 * unchanged, and the pass over it that would rewrite it is skipped. New or deleted rows, or more
 * than a handful, always take that pass.
 */
function inPlace(
  index: FacetIndex,
  present: readonly RowChange[],
  slotOf: ReadonlyMap<number, number>,
  successor: ReadonlyMap<number, number | null>,
  sort: Sort,
): boolean {
  if (present.length > 8) return false;
  const order = index.orders[sort];
  for (const { seq, row } of present) {
    const at = row ? order.indexOf(slotOf.get(seq) as number) : -1;
    if (at < 0) return false;
    const after = successor.get(seq);
    const was = at + 1 < order.length ? (index.seqOf[order[at + 1] as number] as number) : null;
    if (after === undefined || after !== was) return false;
  }
  return true;
}

function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  if (a.length === 0 || b.length === 0 || (b[0] as number) > (a[a.length - 1] as number)) {
    // New rows after every slot held (an import): two copies, no comparison.
    out.set(a);
    out.set(b, a.length);
    return out;
  }
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = (a[i] as number) <= (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}
