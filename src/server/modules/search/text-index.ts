import {
  andSets,
  complement,
  intersect,
  orSets,
  parseTsquery,
  type QueryNode,
  type SlotSet,
  Unsupported,
  union,
} from './text-index.query';

/**
 * The register's text in memory (decision 013): per language, each lexeme of the stored
 * `tsvector`s with the sorted slots holding it, how often (for ranking) and where (for phrases).
 * PostgreSQL still stems the query (`websearch_to_tsquery`, the same configurations as the
 * generated columns); the index evaluates the parsed query without visiting any row, which was
 * the cost left after the facet index (300–600 ms for words in 60,000–300,000 rows). Built with
 * the facet index, for the same register generation and slots; patched with it after writes
 * (text-index.patch.ts, decision 025).
 */
export const textLanguageCount = 6; // ar, zh, en, fr, ru, es: the order of `searchLangs`

/** A typed array that grows by doubling while the index is read, then is cut to its length. */
class Growing<T extends Int32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const int32s = (size: number) => new Growing(new Int32Array(size), (n) => new Int32Array(n));
const uint16s = (size: number) => new Growing(new Uint16Array(size), (n) => new Uint16Array(n));

/**
 * Reads `tsvector::text` (`'lexeme':1,5A 'other':3`): each lexeme's positions are pushed to
 * `positions`, then `lexeme(text, count)` is called. Returns the number of positions.
 */
export function scanTsvector(
  text: string,
  positions: { push(position: number): unknown },
  lexemeFound: (lexeme: string, count: number) => void,
): number {
  let length = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.charCodeAt(i) !== 39) throw new Error(`tsvector: expected a quote at ${i} of ${text.slice(0, 80)}`);
    i++;
    // A quote or backslash inside a lexeme is doubled / escaped by tsvectorout.
    let start = i;
    let escaped = '';
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 39 && text.charCodeAt(i + 1) === 39) {
        escaped += text.slice(start, i + 1);
        i += 2;
        start = i;
      } else if (c === 39) break;
      else if (c === 92) {
        escaped += text.slice(start, i);
        start = i + 1;
        i += 2;
      } else if (Number.isNaN(c)) throw new Error('tsvector: unterminated lexeme');
      else i++;
    }
    const lexeme = escaped + text.slice(start, i);
    i++;
    let count = 0;
    if (text.charCodeAt(i) === 58) {
      i++;
      for (;;) {
        let position = 0;
        for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i))
          position = position * 10 + c - 48;
        // Weights (A, B, C) follow the position; the generated columns never set them.
        for (let c = text.charCodeAt(i); c >= 65 && c <= 68; c = text.charCodeAt(++i));
        positions.push(position);
        count++;
        if (text.charCodeAt(i) !== 44) break;
        i++;
      }
    }
    lexemeFound(lexeme, count);
    length += count;
    if (text.charCodeAt(i) === 32) i++;
  }
  return length;
}

/**
 * Reads `tsvector::text` (`'lexeme':1,5A 'other':3`) row by row. Occurrences are kept in row
 * order first (term, count, positions) and regrouped per term once at the end: one counting
 * sort instead of a growing array per lexeme.
 */
export class TextIndexBuilder {
  private readonly lexicons = Array.from({ length: textLanguageCount }, () => new Map<string, number>());
  private readonly occurrenceTerm = int32s(1 << 16);
  private readonly occurrenceCount = uint16s(1 << 16);
  private readonly positions = uint16s(1 << 16);
  private readonly slotStart = int32s(1 << 12);
  /** positions per (slot, language), for BM25's length normalisation */
  private readonly lengths = uint16s(1 << 12);
  private terms = 0;

  /** One row's six `tsvector`s as text (ar, zh, en, fr, ru, es), in slot order. */
  add(texts: readonly (string | null)[]): void {
    this.slotStart.push(this.occurrenceTerm.length);
    for (let lang = 0; lang < textLanguageCount; lang++) {
      const text = texts[lang];
      this.lengths.push(text ? Math.min(65_535, this.parse(lang, text)) : 0);
    }
  }

  private termOf(lang: number, lexeme: string): number {
    const lexicon = this.lexicons[lang] as Map<string, number>;
    let term = lexicon.get(lexeme);
    if (term === undefined) {
      term = this.terms++;
      lexicon.set(lexeme, term);
    }
    return term;
  }

  /** Parses one tsvector's text; returns its number of positions. */
  private parse(lang: number, text: string): number {
    return scanTsvector(text, this.positions, (lexeme, count) => {
      this.occurrenceTerm.push(this.termOf(lang, lexeme));
      this.occurrenceCount.push(count);
    });
  }

  build(): TextIndex {
    const size = this.slotStart.length;
    const terms = this.terms;
    const occurrenceTerm = this.occurrenceTerm.data;
    const occurrenceCount = this.occurrenceCount.data;
    const occurrences = this.occurrenceTerm.length;
    const termStart = new Int32Array(terms + 1);
    const positionStart = new Int32Array(terms + 1);
    for (let k = 0; k < occurrences; k++) {
      const term = occurrenceTerm[k] as number;
      termStart[term + 1] = (termStart[term + 1] as number) + 1;
      positionStart[term + 1] = (positionStart[term + 1] as number) + (occurrenceCount[k] as number);
    }
    for (let t = 0; t < terms; t++) {
      termStart[t + 1] = (termStart[t + 1] as number) + (termStart[t] as number);
      positionStart[t + 1] = (positionStart[t + 1] as number) + (positionStart[t] as number);
    }
    const slots = new Int32Array(occurrences);
    const counts = new Uint16Array(occurrences);
    const positions = new Uint16Array(this.positions.length);
    const source = this.positions.data;
    const next = termStart.slice(0, terms);
    const nextPosition = positionStart.slice(0, terms);
    const slotStart = this.slotStart.data;
    let k = 0;
    let from = 0;
    // Rows were read in slot order, so each term's slots come out sorted.
    for (let slot = 0; slot < size; slot++) {
      const end = slot + 1 < size ? (slotStart[slot + 1] as number) : occurrences;
      for (; k < end; k++) {
        const term = occurrenceTerm[k] as number;
        const count = occurrenceCount[k] as number;
        const at = next[term] as number;
        next[term] = at + 1;
        slots[at] = slot;
        counts[at] = count;
        let to = nextPosition[term] as number;
        for (let p = 0; p < count; p++) positions[to++] = source[from++] as number;
        nextPosition[term] = to;
      }
    }
    return new TextIndex(size, this.lexicons, termStart, slots, counts, positionStart, positions, this.lengths.done());
  }
}

export interface TextMatch {
  /** sorted slots matching the text, and their scores when asked for */
  slots: Int32Array;
  ranks: Float64Array | null;
}

// BM25's usual constants: term frequency saturates (k1), length normalised by half (b).
const k1 = 1.2;
const b = 0.75;

/** One term's occurrences: its sorted slots, the positions in each, and those positions in slot order. */
export interface TermList {
  slots: Int32Array;
  counts: Uint16Array;
  positions: Uint16Array;
}

export class TextIndex {
  /** rows held (slots less the deleted ones), BM25's number of documents */
  live: number;
  /** per language, the positions of every row and the rows with any: the average length */
  readonly lengthSum = new Float64Array(textLanguageCount);
  readonly lengthRows = new Float64Array(textLanguageCount);
  /** terms whose occurrences changed since the build (text-index.patch.ts), in place of the base arrays */
  readonly overrides = new Map<number, TermList>();

  constructor(
    /** slots, deleted ones included (they hold no term) */
    public size: number,
    readonly lexicons: Map<string, number>[],
    /** slots[termStart[t]..termStart[t+1]) hold term t, with counts[] at the same places */
    private readonly termStart: Int32Array,
    private readonly slots: Int32Array,
    private readonly counts: Uint16Array,
    /** positions of term t's occurrences, in slot order: positions[positionStart[t]..) */
    private readonly positionStart: Int32Array,
    private readonly positions: Uint16Array,
    /** positions per slot and language: lengths[slot * 6 + lang] (capacity may exceed the slots) */
    public lengths: Uint16Array,
  ) {
    this.live = size;
    for (let slot = 0; slot < size; slot++)
      for (let lang = 0; lang < textLanguageCount; lang++) {
        const length = lengths[slot * textLanguageCount + lang] as number;
        this.lengthSum[lang] = (this.lengthSum[lang] as number) + length;
        if (length > 0) this.lengthRows[lang] = (this.lengthRows[lang] as number) + 1;
      }
  }

  /** Bytes held in typed arrays (the lexicon maps come on top). */
  get bytes(): number {
    let bytes = [this.termStart, this.slots, this.counts, this.positionStart, this.positions, this.lengths].reduce(
      (sum, array) => sum + array.byteLength,
      0,
    );
    for (const list of this.overrides.values())
      bytes += list.slots.byteLength + list.counts.byteLength + list.positions.byteLength;
    return bytes;
  }

  get lexemes(): number {
    return this.lexicons.reduce((sum, lexicon) => sum + lexicon.size, 0);
  }

  /** Term t's occurrences: its patched list, or views into the base arrays. */
  list(term: number): TermList {
    const patched = this.overrides.get(term);
    if (patched) return patched;
    if (term + 1 >= this.termStart.length) return emptyList;
    const from = this.termStart[term] as number;
    const to = this.termStart[term + 1] as number;
    return {
      slots: this.slots.subarray(from, to),
      counts: this.counts.subarray(from, to),
      positions: this.positions.subarray(this.positionStart[term], this.positionStart[term + 1]),
    };
  }

  private postings(term: number | undefined): Int32Array {
    return term === undefined ? emptyList.slots : this.list(term).slots;
  }

  /**
   * Slots matching `queries` (one `tsquery` text per language, as PostgreSQL parsed the search
   * words) in any language, as the SQL `tsv_ar @@ … or tsv_zh @@ … or …` does; with BM25 scores
   * when `withRank`. Null when a query uses what the index does not evaluate.
   */
  match(queries: readonly (string | null)[], withRank: boolean): TextMatch | null {
    const trees: (QueryNode | null)[] = [];
    try {
      for (let lang = 0; lang < textLanguageCount; lang++) trees.push(parseTsquery(queries[lang] ?? ''));
      let found: Int32Array = new Int32Array(0);
      for (let lang = 0; lang < textLanguageCount; lang++) {
        const tree = trees[lang];
        if (!tree) continue;
        const set = this.evaluate(lang, tree);
        found = union(found, set.negated ? complement(set.slots, this.size) : set.slots);
      }
      return { slots: found, ranks: withRank ? this.score(trees, found) : null };
    } catch (error) {
      if (error instanceof Unsupported) return null;
      throw error;
    }
  }

  private evaluate(lang: number, node: QueryNode): SlotSet {
    switch (node.op) {
      case 'term':
        return { slots: this.postings(this.lexicons[lang]?.get(node.lexeme)), negated: false };
      case 'not': {
        const inner = this.evaluate(lang, node.arg);
        return { slots: inner.slots, negated: !inner.negated };
      }
      case 'and':
        return andSets(this.evaluate(lang, node.left), this.evaluate(lang, node.right));
      case 'or':
        return orSets(this.evaluate(lang, node.left), this.evaluate(lang, node.right));
      case 'phrase':
        return { slots: this.phrase(lang, node), negated: false };
    }
  }

  /**
   * A phrase: rows holding every word (or one of each alternative) first, then their positions
   * checked as PostgreSQL does (`a <N> b`: b at a's position + N + b's own width).
   */
  private phrase(lang: number, node: QueryNode): Int32Array {
    const leaves: { list: TermList; at: number; position: number; end: number }[] = [];
    const leafOf = new Map<QueryNode, number>();
    const candidates = (part: QueryNode): Int32Array => {
      if (part.op === 'term') {
        const term = this.lexicons[lang]?.get(part.lexeme);
        const list = term === undefined ? emptyList : this.list(term);
        leafOf.set(part, leaves.length);
        leaves.push({ list, at: 0, position: 0, end: 0 });
        return list.slots;
      }
      if (part.op === 'phrase') return intersect(candidates(part.left), candidates(part.right));
      if (part.op === 'or') return union(candidates(part.left), candidates(part.right));
      // `!` or `&` inside a phrase: PostgreSQL's rules for those are subtle; SQL answers them.
      throw new Unsupported('negation or conjunction inside a phrase');
    };
    const rows = candidates(node);
    const found = new Int32Array(rows.length);
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      const slot = rows[i] as number;
      // Move each word's cursor to this row, counting the positions it passes.
      for (const leaf of leaves) {
        const { slots, counts } = leaf.list;
        while (leaf.at < slots.length && (slots[leaf.at] as number) < slot)
          leaf.position += counts[leaf.at++] as number;
        leaf.end = leaf.position;
        if (leaf.at < slots.length && slots[leaf.at] === slot) leaf.end = leaf.position + (counts[leaf.at] as number);
      }
      if (this.positionsOf(node, leaves, leafOf).positions.length > 0) found[n++] = slot;
    }
    return found.slice(0, n);
  }

  private positionsOf(
    node: QueryNode,
    leaves: { list: TermList; position: number; end: number }[],
    leafOf: Map<QueryNode, number>,
  ): { positions: ArrayLike<number>; width: number } {
    if (node.op === 'term') {
      const leaf = leaves[leafOf.get(node) as number] as { list: TermList; position: number; end: number };
      return { positions: leaf.list.positions.subarray(leaf.position, leaf.end), width: 0 };
    }
    const left = this.positionsOf((node as { left: QueryNode }).left, leaves, leafOf);
    const right = this.positionsOf((node as { right: QueryNode }).right, leaves, leafOf);
    const out: number[] = [];
    if (node.op === 'or') {
      for (const p of mergeSorted(left.positions, right.positions)) out.push(p);
      return { positions: out, width: Math.max(left.width, right.width) };
    }
    const { distance } = node as { distance: number };
    const offset = distance + right.width;
    let i = 0;
    for (let j = 0; j < right.positions.length; j++) {
      const want = (right.positions[j] as number) - offset;
      while (i < left.positions.length && (left.positions[i] as number) < want) i++;
      if (left.positions[i] === want) out.push(right.positions[j] as number);
    }
    return { positions: out, width: distance + left.width + right.width };
  }

  /**
   * BM25 over the query's words (those not under `!`) in every language, summed: PostgreSQL's
   * ts_rank reads each row's tsvector, which is the cost the index exists to avoid.
   */
  private score(trees: readonly (QueryNode | null)[], found: Int32Array): Float64Array {
    const scores = new Float64Array(found.length);
    trees.forEach((tree, lang) => {
      if (!tree) return;
      const terms = new Set<number>();
      positiveTerms(tree, (lexeme) => {
        const term = this.lexicons[lang]?.get(lexeme);
        if (term !== undefined) terms.add(term);
      });
      const rows = this.lengthRows[lang] as number;
      const average = rows ? (this.lengthSum[lang] as number) / rows : 1;
      for (const term of terms) {
        const { slots, counts } = this.list(term);
        const df = slots.length;
        const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
        let i = 0;
        for (let p = 0; p < slots.length && i < found.length; p++) {
          const slot = slots[p] as number;
          while (i < found.length && (found[i] as number) < slot) i++;
          if (found[i] !== slot) continue;
          const tf = Math.max(1, counts[p] as number);
          const length = this.lengths[slot * textLanguageCount + lang] as number;
          scores[i] = (scores[i] as number) + (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / average));
        }
      }
    });
    return scores;
  }
}

const emptyList: TermList = { slots: new Int32Array(0), counts: new Uint16Array(0), positions: new Uint16Array(0) };

function positiveTerms(node: QueryNode, visit: (lexeme: string) => void): void {
  if (node.op === 'term') visit(node.lexeme);
  else if (node.op !== 'not') {
    positiveTerms(node.left, visit);
    positiveTerms(node.right, visit);
  }
}

function* mergeSorted(a: ArrayLike<number>, b: ArrayLike<number>): Generator<number> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x <= y) i++;
    if (y <= x) j++;
    yield Math.min(x, y);
  }
}
