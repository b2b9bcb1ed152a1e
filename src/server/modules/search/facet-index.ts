import type { FacetName } from '../../../shared/schemas/register';
import { addSlots, allBits, and, type Bits, count, has, slotsOf, wordsFor } from './facet-bits';
import { crossTally, type Postings, rowsOf, tally, top, transpose } from './facet-tally';
import type { TextIndex } from './text-index';

/**
 * The register's facet values held in memory, one slot per recommendation, so that a search
 * counts all eleven facets in one pass over its matches instead of eleven SQL aggregates over
 * hundreds of thousands of rows (decision 008). The text index built with it (same slots,
 * decision 013) hands `evaluate` the slots matching the search words. Filters are combined as
 * bitsets from per-value postings, and a facet is counted over whichever reads fewer rows: its
 * rows, or a superset with known counts less the rows it has beyond them (decision 014). An index
 * answers for one register generation; after writes it is patched in place up to the next one
 * (facet-index.patch.ts, decision 025).
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

  /** Room for `slots` slots, with a quarter more to spare for the rows that follow. */
  reserve(slots: number): void {
    const room = (length: number) => Math.max(slots, Math.ceil(length * 1.25));
    if (!this.offsets) {
      if (this.codes.length >= slots) return;
      const grown = new Int32Array(room(this.codes.length)).fill(-1);
      grown.set(this.codes);
      this.codes = grown;
    } else if (this.offsets.length < slots + 1) {
      const grown = new Int32Array(room(this.offsets.length) + 1);
      grown.set(this.offsets);
      this.offsets = grown;
    }
  }

  /** The codes of one slot's values. */
  codesAt(slot: number): number[] {
    if (!this.offsets) {
      const code = this.codes[slot] as number;
      return code >= 0 ? [code] : [];
    }
    return Array.from(this.codes.subarray(this.offsets[slot], this.offsets[slot + 1]));
  }

  /**
   * Multi-valued: new codes for some of the first `size` slots (those from `before` on are new
   * and all given). New slots alone are appended; otherwise the column is rewritten once.
   */
  replace(before: number, size: number, replaced: ReadonlyMap<number, readonly number[]>): void {
    const offsets = this.offsets as Int32Array;
    if ([...replaced.keys()].every((slot) => slot >= before)) {
      for (let slot = before; slot < size; slot++) {
        const codes = replaced.get(slot) ?? [];
        if (this.used + codes.length > this.codes.length) {
          const grown = new Int32Array(Math.max(Math.ceil(this.codes.length * 1.25), this.used + codes.length));
          grown.set(this.codes);
          this.codes = grown;
        }
        for (const code of codes) this.codes[this.used++] = code;
        offsets[slot + 1] = this.used;
      }
      return;
    }
    let total = 0;
    for (let slot = 0; slot < size; slot++)
      total +=
        replaced.get(slot)?.length ?? (slot < before ? (offsets[slot + 1] as number) - (offsets[slot] as number) : 0);
    const codes = new Int32Array(total);
    const fresh = new Int32Array(offsets.length);
    let used = 0;
    for (let slot = 0; slot < size; slot++) {
      const values = replaced.get(slot);
      if (values) for (const code of values) codes[used++] = code;
      else if (slot < before)
        for (let k = offsets[slot] as number; k < (offsets[slot + 1] as number); k++)
          codes[used++] = this.codes[k] as number;
      fresh[slot + 1] = used;
    }
    this.codes = codes;
    this.offsets = fresh;
    this.used = used;
  }

  /** Drops the unused capacity of a multi-valued column once every row is in (up to half of it). */
  trim(): void {
    if (this.multi && this.used < this.codes.length) this.codes = this.codes.slice(0, this.used);
  }
}

export interface IndexRow {
  seq: number;
  single: Record<'mechanism' | 'body' | 'review' | 'cycle' | 'position' | 'status', string | null>;
  multi: Record<'theme' | 'affected' | 'sdgGoal' | 'sdgTarget' | 'state', readonly string[]>;
  /** the LRG levels the recommendation concerns (`local_levels`): no filter, the dashboards count by it */
  levels?: readonly string[];
}

export type Filters = Partial<Record<Dimension, readonly string[]>>;
export type Sort = 'number' | 'newest' | 'updated';

export interface Evaluation {
  total: number;
  facets: Record<FacetName, { value: string; count: number }[]>;
  /** the slots matching every filter, one bit each (facet-bits.ts) */
  matches: Bits;
}

/**
 * How the index counts a facet over a set of rows: `cheapest` picks, per set, between tallying
 * the rows themselves and subtracting the rows a known superset has more (the tests force each).
 */
export type Strategy = 'cheapest' | 'direct' | 'whole' | 'filter';

/** Fills an index row by row (slots in arrival order), then seals it with the sort orders. */
export class FacetIndexBuilder {
  readonly columns: Record<Dimension, Column>;
  private readonly levels: Column;
  private readonly seqs: number[] = [];

  /** `joined`: the clusters and the assigned entities of each seq, read from their own tables. */
  constructor(
    capacity: number,
    private readonly joined: Record<'cluster' | 'entity', ReadonlyMap<number, readonly string[]>>,
  ) {
    this.columns = Object.fromEntries(
      filterDimensions.map((dimension) => [dimension, new Column(!singleValued.has(dimension), capacity)]),
    ) as Record<Dimension, Column>;
    this.levels = new Column(true, capacity);
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
    this.levels.append(slot, row.levels ?? []);
  }

  /** `orders` lists seqs in each sort order; `text` was filled with the same rows, in the same order. */
  build(generation: number, orders: Record<Sort, Int32Array>, text: TextIndex | null = null): FacetIndex {
    for (const column of [...Object.values(this.columns), this.levels]) column.trim();
    return new FacetIndex(generation, this.columns, Int32Array.from(this.seqs), orders, text, this.levels);
  }
}

/**
 * Single-valued dimensions with at most this many values (mechanism, body, cycle, position,
 * status) get every facet's counts per value at build: under 1 MB at 500,000 rows.
 */
const precountedBelow = 256;

/** A set of rows whose counts of every facet are known: the whole register, or one filter's rows. */
interface Superset {
  bits: Bits | null;
  size: number;
  counts: (facet: FacetName) => Int32Array;
  /** the index of the filter it stands for in `evaluate`'s active list, -1 for the whole register */
  filter: number;
}

export class FacetIndex {
  /** slots, deleted rows' included (they hold no value and are in no posting, order or `live`) */
  size: number;
  /** slot of each `seq` (-1 where none) */
  slotOfSeq: Int32Array;
  orders: Record<Sort, Int32Array>;
  /** per dimension, the slots of each value: a filter's rows without reading every row */
  readonly postings: Record<Dimension, Postings>;
  /** per dimension, the values whose slots changed since the build (facet-index.patch.ts) */
  readonly patched: Record<Dimension, Map<number, Int32Array>>;
  /** every facet's counts over the whole register */
  readonly whole: Record<FacetName, Int32Array>;
  /** per small single-valued dimension and facet, counts by (value, facet value): [value * facet values + code] */
  readonly precounts: Partial<Record<Dimension, Record<FacetName, Int32Array>>> = {};
  words: number;
  /** the slots holding a row, once some were deleted (null: every slot) */
  live: Bits | null = null;
  /** rows held: `size` less the deleted slots */
  rows: number;

  constructor(
    /** the register generation the index answers for; patches move it forward */
    public generation: number,
    readonly columns: Record<Dimension, Column>,
    /** seq of each slot (capacity may exceed the slots) */
    public seqOf: Int32Array,
    ordersBySeq: Record<Sort, Int32Array>,
    /** the register's words by slot, when built with the index */
    readonly text: TextIndex | null = null,
    /** each slot's LRG levels (`local_levels`): counted by the dashboards, never filtered on */
    readonly levels: Column = new Column(true, seqOf.length),
  ) {
    this.size = seqOf.length;
    this.rows = this.size;
    this.patched = Object.fromEntries(filterDimensions.map((dimension) => [dimension, new Map()])) as Record<
      Dimension,
      Map<number, Int32Array>
    >;
    this.words = wordsFor(this.size);
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
    this.postings = Object.fromEntries(
      filterDimensions.map((dimension) => [dimension, transpose(columns[dimension], this.size)]),
    ) as Record<Dimension, Postings>;
    const every = Int32Array.from({ length: this.size }, (_, slot) => slot);
    this.whole = Object.fromEntries(
      countedFacets.map((facet) => {
        const counts = new Int32Array(columns[facet].values.length);
        tally(columns[facet], every, every.length, counts, 1);
        return [facet, counts];
      }),
    ) as Record<FacetName, Int32Array>;
    for (const dimension of filterDimensions) {
      const column = columns[dimension];
      if (column.multi || column.values.length > precountedBelow) continue;
      this.precounts[dimension] = Object.fromEntries(
        countedFacets.map((facet) => [facet, crossTally(column, columns[facet], this.size)]),
      ) as Record<FacetName, Int32Array>;
    }
  }

  /** Bytes of typed arrays held (columns, postings, counts, orders), for the benchmark's memory line. */
  get bytes(): number {
    const arrays: ArrayLike<number>[] = [this.slotOfSeq, this.seqOf, ...Object.values(this.orders)];
    for (const column of [...Object.values(this.columns), this.levels]) arrays.push(column.codes, column.offsets ?? []);
    for (const { start, slots } of Object.values(this.postings)) arrays.push(start, slots);
    for (const lists of Object.values(this.patched)) arrays.push(...lists.values());
    for (const table of [this.whole, ...Object.values(this.precounts)]) arrays.push(...Object.values(table ?? {}));
    return arrays.reduce((sum, array) => sum + (ArrayBuffer.isView(array) ? array.byteLength : 0), 0);
  }

  slotOf(seq: number): number {
    return seq < this.slotOfSeq.length ? (this.slotOfSeq[seq] as number) : -1;
  }

  /**
   * Counts over `candidates` (slots matching the text, or every slot) within `scope` (entity ids,
   * when the person may see only what is assigned to them): the total of rows matching every
   * filter, and per facet the counts over rows matching every filter but the facet's own.
   */
  evaluate(
    filters: Filters,
    candidates?: Int32Array,
    scope?: readonly string[],
    strategy: Strategy = 'cheapest',
  ): Evaluation {
    // Each filter is a bitset built from the postings of its values; the base is what the words
    // and the scope leave (null: every slot).
    let base: Bits | null = candidates ? addSlots(new Uint32Array(this.words), candidates) : null;
    if (this.live) base = and(base, this.live);
    if (scope) base = and(base, this.rowsWith('entity', scope));
    const active = filterDimensions.filter((dimension) => filters[dimension]?.length);
    const sets = active.map((dimension) => this.rowsWith(dimension, filters[dimension] ?? []));
    // A facet counts the rows passing every filter but its own: base ∧ the sets before it ∧ the
    // sets after it, from running intersections in both directions.
    const before: (Bits | null)[] = [base];
    for (let i = 0; i < sets.length; i++) before.push(and(before[i] ?? null, sets[i] ?? null));
    const after: (Bits | null)[] = new Array(sets.length + 1).fill(null);
    for (let i = sets.length - 1; i >= 0; i--) after[i] = and(sets[i] ?? null, after[i + 1] ?? null);
    const matched = before[sets.length] ?? null;
    const total = matched ? count(matched) : this.rows;
    const supersets: Superset[] = [
      { bits: null, size: this.size, counts: (facet) => this.whole[facet], filter: -1 },
      ...active.flatMap((dimension, i) => {
        const table = this.precounts[dimension];
        const set = sets[i] as Bits;
        if (!table) return [];
        const codes = [...new Set(filters[dimension])].flatMap((value) => this.columns[dimension].find(value) ?? []);
        return [
          {
            bits: set,
            size: count(set),
            counts: (facet: FacetName) => rowsOf(table[facet], this.columns[facet].values.length, codes),
            filter: i,
          },
        ];
      }),
    ];
    // The facets without a filter share one set of rows (the matches), read once for all of them.
    const counts = this.countOver(
      countedFacets.filter((facet) => !active.includes(facet)),
      matched,
      total,
      supersets,
      strategy,
    );
    active.forEach((dimension, own) => {
      if (dimension === 'cluster') return;
      const rows = and(before[own] ?? null, after[own + 1] ?? null);
      const usable = supersets.filter((superset) => superset.filter !== own);
      Object.assign(counts, this.countOver([dimension], rows, rows ? count(rows) : this.size, usable, strategy));
    });
    const facets = Object.fromEntries(
      countedFacets.map((facet) => [facet, top(this.columns[facet], counts[facet] as Int32Array, facetLimits[facet])]),
    ) as Evaluation['facets'];
    return { total, facets, matches: matched ?? allBits(this.size) };
  }

  /**
   * Counts of `facets` over `rows` (null: every slot), of which there are `n`: tallied directly,
   * or as a superset's known counts minus a tally of the rows it has beyond `rows`, whichever
   * reads fewer rows. A lone filter over the whole register, or `body=UPR` within cycle 2, then
   * reads next to nothing instead of hundreds of thousands of rows.
   */
  private countOver(
    facets: FacetName[],
    rows: Bits | null,
    n: number,
    supersets: Superset[],
    strategy: Strategy,
  ): Partial<Record<FacetName, Int32Array>> {
    let superset: Superset | null = null;
    if (strategy === 'cheapest') {
      let cost = n;
      for (const candidate of supersets)
        if (candidate.size - n < cost) {
          cost = candidate.size - n;
          superset = candidate;
        }
    } else if (strategy !== 'direct')
      superset = (strategy === 'filter' && supersets.find((candidate) => candidate.bits)) || (supersets[0] as Superset);
    let slots: Int32Array;
    if (!superset) slots = slotsOf(rows ?? allBits(this.size), null, n);
    else slots = rows ? slotsOf(superset.bits ?? allBits(this.size), rows, superset.size - n) : new Int32Array(0);
    return Object.fromEntries(
      facets.map((facet) => {
        const column = this.columns[facet];
        const counts = superset ? superset.counts(facet).slice() : new Int32Array(column.values.length);
        tally(column, slots, slots.length, counts, superset ? -1 : 1);
        return [facet, counts];
      }),
    );
  }

  /**
   * The rows matching every filter within `scope` (null: every slot, none deleted). Unlike in
   * `evaluate`, a filter given with no values matches no row (the dashboards' review dates that
   * no review has). The result may be the index's own `live` set: read it, never write it.
   */
  rowsMatching(filters: Filters, scope?: readonly string[]): Bits | null {
    let rows: Bits | null = this.live;
    if (scope) rows = and(rows, this.rowsWith('entity', scope));
    for (const dimension of filterDimensions) {
      const values = filters[dimension];
      if (values) rows = and(rows, this.rowsWith(dimension, values));
    }
    return rows;
  }

  /** The rows having one of `values` in `dimension`, from its postings. */
  private rowsWith(dimension: Dimension, values: readonly string[]): Bits {
    const bits = new Uint32Array(this.words);
    for (const value of values) {
      const code = this.columns[dimension].find(value);
      if (code !== undefined) addSlots(bits, this.slotsWith(dimension, code));
    }
    return bits;
  }

  /** The ascending slots holding value `code` of `dimension`. */
  slotsWith(dimension: Dimension, code: number): Int32Array {
    const patched = this.patched[dimension].get(code);
    if (patched) return patched;
    const { start, slots } = this.postings[dimension];
    return code + 1 < start.length ? slots.subarray(start[code], start[code + 1]) : new Int32Array(0);
  }

  /** The seqs of one page of matches in a stored order. */
  page(matches: Bits, sort: Sort, offset: number, limit: number): number[] {
    const seqs: number[] = [];
    let skipped = 0;
    for (const slot of this.orders[sort]) {
      if (!has(matches, slot)) continue;
      if (skipped++ < offset) continue;
      seqs.push(this.seqOf[slot] as number);
      if (seqs.length === limit) break;
    }
    return seqs;
  }
}

const countedFacets = filterDimensions.filter((dimension) => dimension !== 'cluster') as FacetName[];
