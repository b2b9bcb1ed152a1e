import type { FacetName } from '../../../shared/schemas/register';
import type { TextIndex } from './text-index';

/**
 * The register's facet values held in memory, one slot per recommendation, so that a search
 * counts all eleven facets in one pass over its matches instead of eleven SQL aggregates over
 * hundreds of thousands of rows (decision 008). The text index built with it (same slots,
 * decision 013) hands `evaluate` the slots matching the search words. An index belongs to one
 * register generation and is never mutated; the service builds a new one after writes and uses
 * SQL meanwhile.
 */
export const filterDimensions = [
  'mechanism',
  'body',
  'review',
  'cycle',
  'position',
  'status',
  'theme',
  'affected',
  'sdgGoal',
  'sdgTarget',
  'state',
  'entity',
  'cluster',
] as const;
export type Dimension = (typeof filterDimensions)[number];
const singleValued = new Set<Dimension>(['mechanism', 'body', 'review', 'cycle', 'position', 'status']);

/** How many values each facet returns, most frequent first. */
export const facetLimits: Record<FacetName, number> = {
  mechanism: 100,
  body: 50,
  review: 30,
  cycle: 10,
  theme: 40,
  affected: 40,
  sdgGoal: 17,
  sdgTarget: 40,
  position: 10,
  status: 20,
  state: 40,
  entity: 40,
};

/** One column of the index: a dictionary of values and, per slot, the codes of its values. */
export class Column {
  readonly values: string[] = [];
  private readonly codeOf = new Map<string, number>();
  /** Single-valued: one code per slot (-1 for none). Multi-valued: codes[offsets[p]..offsets[p+1]). */
  codes: Int32Array;
  offsets: Int32Array | null;
  private used = 0;

  constructor(
    readonly multi: boolean,
    capacity: number,
  ) {
    this.codes = new Int32Array(multi ? capacity * 2 : capacity).fill(-1);
    this.offsets = multi ? new Int32Array(capacity + 1) : null;
  }

  code(value: string): number {
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codeOf.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codeOf.get(value);
  }

  setOne(slot: number, value: string | null): void {
    this.codes[slot] = value === null ? -1 : this.code(value);
  }

  /** Multi-valued slots are appended in slot order (0, 1, 2 …). */
  append(slot: number, values: readonly string[]): void {
    const offsets = this.offsets as Int32Array;
    if (this.used + values.length > this.codes.length) {
      const grown = new Int32Array(Math.max(this.codes.length * 2, this.used + values.length));
      grown.set(this.codes);
      this.codes = grown;
    }
    for (const value of values) this.codes[this.used++] = this.code(value);
    offsets[slot + 1] = this.used;
  }
}

export interface IndexRow {
  seq: number;
  single: Record<'mechanism' | 'body' | 'review' | 'cycle' | 'position' | 'status', string | null>;
  multi: Record<'theme' | 'affected' | 'sdgGoal' | 'sdgTarget' | 'state', readonly string[]>;
}

export type Filters = Partial<Record<Dimension, readonly string[]>>;
export type Sort = 'number' | 'newest' | 'updated';

export interface Evaluation {
  total: number;
  facets: Record<FacetName, { value: string; count: number }[]>;
  /** 1 for each slot matching every filter */
  matches: Uint8Array;
}

/** Fills an index row by row (slots in arrival order), then seals it with the sort orders. */
export class FacetIndexBuilder {
  readonly columns: Record<Dimension, Column>;
  private readonly seqs: number[] = [];

  /** `joined`: the clusters and the assigned entities of each seq, read from their own tables. */
  constructor(
    capacity: number,
    private readonly joined: Record<'cluster' | 'entity', ReadonlyMap<number, readonly string[]>>,
  ) {
    this.columns = Object.fromEntries(
      filterDimensions.map((dimension) => [dimension, new Column(!singleValued.has(dimension), capacity)]),
    ) as Record<Dimension, Column>;
  }

  add(row: IndexRow): void {
    const slot = this.seqs.length;
    if (this.columns.body.codes.length <= slot) throw new Error('FacetIndexBuilder: more rows than its capacity');
    this.seqs.push(row.seq);
    for (const [dimension, value] of Object.entries(row.single))
      this.columns[dimension as Dimension].setOne(slot, value);
    for (const [dimension, values] of Object.entries(row.multi))
      this.columns[dimension as Dimension].append(slot, values);
    this.columns.cluster.append(slot, this.joined.cluster.get(row.seq) ?? []);
    this.columns.entity.append(slot, this.joined.entity.get(row.seq) ?? []);
  }

  /** `orders` lists seqs in each sort order; `text` was filled with the same rows, in the same order. */
  build(generation: number, orders: Record<Sort, Int32Array>, text: TextIndex | null = null): FacetIndex {
    return new FacetIndex(generation, this.columns, Int32Array.from(this.seqs), orders, text);
  }
}

export class FacetIndex {
  readonly size: number;
  /** slot of each `seq` (-1 where none) */
  private readonly slotOfSeq: Int32Array;
  private readonly orders: Record<Sort, Int32Array>;

  constructor(
    readonly generation: number,
    readonly columns: Record<Dimension, Column>,
    readonly seqOf: Int32Array,
    ordersBySeq: Record<Sort, Int32Array>,
    /** the register's words by slot, when built with the index */
    readonly text: TextIndex | null = null,
  ) {
    this.size = seqOf.length;
    this.slotOfSeq = new Int32Array((seqOf.reduce((max, seq) => Math.max(max, seq), 0) as number) + 1).fill(-1);
    seqOf.forEach((seq, slot) => {
      this.slotOfSeq[seq] = slot;
    });
    const toSlots = (seqs: Int32Array) => seqs.map((seq) => this.slotOf(seq)).filter((slot) => slot >= 0);
    this.orders = {
      number: toSlots(ordersBySeq.number),
      newest: toSlots(ordersBySeq.newest),
      updated: toSlots(ordersBySeq.updated),
    };
  }

  slotOf(seq: number): number {
    return seq < this.slotOfSeq.length ? (this.slotOfSeq[seq] as number) : -1;
  }

  /**
   * Counts over `candidates` (slots matching the text, or every slot) within `scope` (entity ids,
   * when the person may see only what is assigned to them): the total of rows matching every
   * filter, and per facet the counts over rows matching every filter but the facet's own.
   */
  evaluate(filters: Filters, candidates?: Int32Array, scope?: readonly string[]): Evaluation {
    // The register's front page (no words, no filter) is asked for most: counted once per index.
    if (!candidates && !scope && filterDimensions.every((dimension) => !filters[dimension]?.length)) {
      this.unfiltered ??= this.count(filters);
      return this.unfiltered;
    }
    return this.count(filters, candidates, scope);
  }

  private unfiltered?: Evaluation;

  private count(filters: Filters, candidates?: Int32Array, scope?: readonly string[]): Evaluation {
    const slots = scope ? this.within(scope, candidates ?? this.allSlots()) : (candidates ?? this.allSlots());
    // One filter over the whole register (no words, no scope): that facet counts every row, which
    // is the front page's count of it, already known; tallying the rows it excludes (most of the
    // register) would cost more than all the other facets together.
    const active = filterDimensions.filter((dimension) => filters[dimension]?.length);
    const sole = !candidates && !scope && active.length === 1 ? countedFacets.indexOf(active[0] as FacetName) : -1;
    const whole = sole >= 0 ? this.evaluate({}).facets : undefined;
    // Column by column (tight loops, one array each), not row by row: first how many filters each
    // candidate fails and which, then each facet tallies the candidates that fail none or only its own.
    const failures = new Uint8Array(this.size);
    const failedFacet = new Int8Array(this.size).fill(-1);
    for (const dimension of filterDimensions) {
      const wanted = filters[dimension];
      if (!wanted?.length) continue;
      const column = this.columns[dimension];
      const allowed = new Uint8Array(column.values.length);
      for (const value of wanted) {
        const code = column.find(value);
        if (code !== undefined) allowed[code] = 1;
      }
      const facet = countedFacets.indexOf(dimension as FacetName);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] as number;
        if (!passes(column, allowed, slot)) {
          failures[slot] = Math.min(2, (failures[slot] as number) + 1);
          failedFacet[slot] = facet;
        }
      }
    }
    // Each facet counts the rows failing no filter plus those failing only its own: listed once
    // here, so a facet without a filter reads only the matches, not every candidate again.
    const matches = new Uint8Array(this.size);
    const passing = new Int32Array(slots.length);
    const aloneCount = new Int32Array(countedFacets.length);
    let total = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      const failed = failures[slot] as number;
      if (failed === 0) {
        matches[slot] = 1;
        passing[total++] = slot;
      } else if (failed === 1 && (failedFacet[slot] as number) >= 0 && failedFacet[slot] !== sole) {
        const f = failedFacet[slot] as number;
        aloneCount[f] = (aloneCount[f] as number) + 1;
      }
    }
    const alone = Array.from(aloneCount, (count) => new Int32Array(count));
    const filled = new Int32Array(countedFacets.length);
    if (aloneCount.some((count) => count > 0))
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] as number;
        const f = failedFacet[slot] as number;
        if (failures[slot] !== 1 || f < 0 || f === sole) continue;
        (alone[f] as Int32Array)[filled[f] as number] = slot;
        filled[f] = (filled[f] as number) + 1;
      }
    const facets = Object.fromEntries(
      countedFacets.map((facet, f) => {
        if (f === sole && whole) return [facet, whole[facet]];
        const column = this.columns[facet];
        const counts = new Int32Array(column.values.length);
        tally(column, passing, total, counts);
        const own = alone[f] as Int32Array;
        tally(column, own, own.length, counts);
        return [facet, top(column, counts, facetLimits[facet])];
      }),
    ) as Evaluation['facets'];
    return { total, facets, matches };
  }

  /** The slots assigned to one of `entities`: what a person acting for them may see at all. */
  private within(entities: readonly string[], slots: Int32Array): Int32Array {
    const column = this.columns.entity;
    const allowed = new Uint8Array(column.values.length);
    for (const entity of entities) {
      const code = column.find(entity);
      if (code !== undefined) allowed[code] = 1;
    }
    return slots.filter((slot) => passes(column, allowed, slot));
  }

  private everySlot?: Int32Array;
  private allSlots(): Int32Array {
    this.everySlot ??= Int32Array.from({ length: this.size }, (_, slot) => slot);
    return this.everySlot;
  }

  /** The seqs of one page of matches in a stored order. */
  page(matches: Uint8Array, sort: Sort, offset: number, limit: number): number[] {
    const seqs: number[] = [];
    let skipped = 0;
    for (const slot of this.orders[sort]) {
      if (!matches[slot]) continue;
      if (skipped++ < offset) continue;
      seqs.push(this.seqOf[slot] as number);
      if (seqs.length === limit) break;
    }
    return seqs;
  }
}

const countedFacets = filterDimensions.filter((dimension) => dimension !== 'cluster') as FacetName[];

/** Adds the values of the first `n` of `slots` to `counts`. */
function tally(column: Column, slots: Int32Array, n: number, counts: Int32Array): void {
  const { codes, offsets } = column;
  if (offsets) {
    for (let i = 0; i < n; i++) {
      const slot = slots[i] as number;
      const end = offsets[slot + 1] as number;
      for (let k = offsets[slot] as number; k < end; k++) {
        const code = codes[k] as number;
        counts[code] = (counts[code] as number) + 1;
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const code = codes[slots[i] as number] as number;
    if (code >= 0) counts[code] = (counts[code] as number) + 1;
  }
}

function passes(column: Column, allowed: Uint8Array, slot: number): boolean {
  const { codes, offsets } = column;
  if (!offsets) {
    const code = codes[slot] as number;
    return code >= 0 && allowed[code] === 1;
  }
  for (let k = offsets[slot] as number; k < (offsets[slot + 1] as number); k++)
    if (allowed[codes[k] as number] === 1) return true;
  return false;
}

/** The most frequent values, ties by value, as SQL's `order by count desc` would list them. */
function top(column: Column, counts: Int32Array, limit: number): { value: string; count: number }[] {
  const found: { value: string; count: number }[] = [];
  counts.forEach((count, code) => {
    if (count > 0) found.push({ value: column.values[code] as string, count });
  });
  found.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return found.slice(0, limit);
}
