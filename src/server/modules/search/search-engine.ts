import type { Database } from '../../db/database';
import { type Bits, has } from './facet-bits';
import type { Evaluation, FacetIndex, Filters, Sort } from './facet-index';
import { select } from './quickselect';
import { evaluationOf, textMatchOf } from './search-index.store';
import type { TextMatch } from './text-index';

/** A search as the indexes answer it: the register's query in the engine's terms. */
export interface IndexedSearch {
  q?: string;
  /** values as strings, per dimension */
  filters: Filters;
  /** the entity ids whose assigned (or delegated) rows the reader may see, null for everything */
  scope: readonly string[] | null;
  sort: 'relevance' | Sort;
  offset: number;
  limit: number;
}

export interface IndexedResult {
  total: number;
  facets: Evaluation['facets'];
  /** the words searched instead, when those asked for matched nothing and `correct` found others */
  correctedQuery: string | null;
  /** the page's recommendations (seq), in order */
  seqs: number[];
}

/**
 * Through the in-memory indexes: the text index matches the words, the facet index filters and
 * counts, and the page is picked. `correct` proposes other words (the register's "did you mean").
 */
export async function searchIndexed(
  db: Database,
  index: FacetIndex,
  search: IndexedSearch,
  correct: (q: string) => Promise<string | null>,
): Promise<IndexedResult> {
  const ranked = search.sort === 'relevance';
  // The index is patched in place between awaits: a text match taken before a patch is matched
  // again, so that the words, the filters and the page see one generation.
  const run = async (q: string | undefined) => {
    for (;;) {
      const generation = index.generation;
      const match = q ? await textMatchOf(db, index, q, ranked) : undefined;
      if (index.generation === generation)
        return { match, evaluation: evaluationOf(db, index, search.filters, q, match, search.scope) };
    }
  };
  let correctedQuery: string | null = null;
  let { match, evaluation } = await run(search.q);
  // Only words that match nothing at all are corrected: when filters leave nothing, the words
  // are not misspelt (and the trigram look-up costs more than the whole indexed search).
  if (search.q && match?.slots.length === 0) {
    correctedQuery = await correct(search.q);
    if (correctedQuery) ({ match, evaluation } = await run(correctedQuery));
  }
  const { offset, limit } = search;
  const seqs =
    match?.ranks && ranked
      ? pageByRank(index, match, evaluation.matches, offset, limit)
      : index.page(evaluation.matches, search.sort === 'relevance' ? 'number' : search.sort, offset, limit);
  return { total: evaluation.total, facets: evaluation.facets, correctedQuery, seqs };
}

/**
 * One page of matches ordered by rank, ties in slot (seq) order. Only the rows that can reach
 * the page are sorted: the cut-off score is the page end's score, selected in linear time, so a
 * word in 300,000 rows does not cost a sort of all of them.
 */
function pageByRank(index: FacetIndex, match: TextMatch, matches: Bits, offset: number, limit: number): number[] {
  const ranks = match.ranks as Float64Array;
  const { slots } = match;
  const kept = new Int32Array(slots.length);
  let n = 0;
  for (let i = 0; i < slots.length; i++) if (has(matches, slots[i] as number)) kept[n++] = i;
  const wanted = offset + limit;
  let cutoff = Number.NEGATIVE_INFINITY;
  if (n > wanted * 4) {
    const scores = new Float64Array(n);
    for (let k = 0; k < n; k++) scores[k] = ranks[kept[k] as number] as number;
    cutoff = select(scores, n - wanted);
  }
  const candidates: number[] = [];
  for (let k = 0; k < n; k++) if ((ranks[kept[k] as number] as number) >= cutoff) candidates.push(kept[k] as number);
  // Ties in seq order: new rows take slots after the others, not always in seq order.
  const seqOf = index.seqOf;
  candidates.sort(
    (a, b) =>
      (ranks[b] as number) - (ranks[a] as number) ||
      (seqOf[slots[a] as number] as number) - (seqOf[slots[b] as number] as number),
  );
  return candidates.slice(offset, wanted).map((i) => index.seqOf[slots[i] as number] as number);
}

/** What the indexes hold, for the benchmark's memory line. */
export function memoryOf(index: FacetIndex) {
  return {
    rows: index.rows,
    slots: index.size,
    facetBytes: index.bytes,
    text: index.text ? { bytes: index.text.bytes, lexemes: index.text.lexemes } : null,
  };
}
