import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { FacetName, RecommendationSearch } from '../../../shared/schemas/register';
import type { DB } from '../../db/schema';
import type { Executor } from '../../http/context';
import { localizedText } from '../../lib/language';
import { everything, inScope, type Scope } from '../assignments/scope';
import { facetLimits, rankExpression, type SearchLang, searchLangs, textConfigs, textMatch } from '../search';

type RecQuery = SelectQueryBuilder<DB, 'recommendations', object>;

/** Applies the query's text and every facet filter except `except` (facets count without their own filter). */
export function applyFilters(
  base: RecQuery,
  query: RecommendationSearch,
  except?: FacetName,
  mechanismBodies?: string[],
  scope: Scope = everything,
): RecQuery {
  let qb = scope.all ? base : base.where(inScope(scope, 'recommendations.id'));
  if (query.q) qb = qb.where(textMatch(query.q));
  const overlap =
    (column: string, values: readonly (string | number)[], type: string) =>
    (eb: ExpressionBuilder<DB, 'recommendations'>) =>
      eb(sql.ref(column), '&&', sql`${sql.val(values)}::${sql.raw(type)}[]`);
  if (except !== 'mechanism' && mechanismBodies)
    qb = qb.where('body_code', 'in', mechanismBodies.length ? mechanismBodies : ['']);
  if (except !== 'body' && query.body?.length) qb = qb.where('body_code', 'in', query.body);
  if (except !== 'review' && query.review?.length) qb = qb.where('review_id', 'in', query.review);
  if (except !== 'cycle' && query.cycle?.length) qb = qb.where('cycle', 'in', query.cycle);
  if (except !== 'position' && query.position?.length) qb = qb.where('position', 'in', query.position);
  if (except !== 'status' && query.status?.length) qb = qb.where('status', 'in', query.status);
  if (except !== 'theme' && query.theme?.length) qb = qb.where(overlap('theme_ids', query.theme, 'int'));
  if (except !== 'affected' && query.affected?.length) qb = qb.where(overlap('affected_ids', query.affected, 'int'));
  if (except !== 'sdgGoal' && query.sdgGoal?.length) qb = qb.where(overlap('sdg_goals', query.sdgGoal, 'smallint'));
  if (except !== 'sdgTarget' && query.sdgTarget?.length) qb = qb.where(overlap('sdg_targets', query.sdgTarget, 'text'));
  if (except !== 'state' && query.state?.length) qb = qb.where(overlap('recommending_states', query.state, 'text'));
  if (except !== 'entity' && query.entity?.length) {
    const entities = query.entity;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as a')
          .select(sql`1`.as('one'))
          .whereRef('a.recommendation_id', '=', 'recommendations.id')
          .where('a.entity_id', 'in', entities),
      ),
    );
  }
  if (query.cluster?.length) {
    const clusters = query.cluster;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cluster_members as cm')
          .select(sql`1`.as('one'))
          .whereRef('cm.recommendation_id', '=', 'recommendations.id')
          .where('cm.cluster_id', 'in', clusters),
      ),
    );
  }
  return qb;
}

const unnest = (column: string) => sql`unnest(${sql.ref(column)})`;
/** The value(s) each facet counts, one row per value. */
const facetValues: Record<FacetName, RawBuilder<unknown>> = {
  mechanism: sql.ref('body_code'),
  body: sql.ref('body_code'),
  review: sql.ref('review_id'),
  cycle: sql.ref('cycle'),
  theme: unnest('theme_ids'),
  affected: unnest('affected_ids'),
  sdgGoal: unnest('sdg_goals'),
  sdgTarget: unnest('sdg_targets'),
  position: sql.ref('position'),
  status: sql.ref('status'),
  state: unnest('recommending_states'),
  entity: sql`unnest(array(select a.entity_id from assignments a where a.recommendation_id = recommendations.id))`,
};

/** Counts per value of one facet over the rows matching every other filter. */
export async function countFacet(
  db: Executor,
  query: RecommendationSearch,
  facet: FacetName,
  mechanismBodies?: string[],
  scope: Scope = everything,
): Promise<{ value: string; count: number }[]> {
  const filtered = applyFilters(db.selectFrom('recommendations'), query, facet, mechanismBodies, scope);
  const rows = await db
    .selectFrom(filtered.select(facetValues[facet].as('value')).as('f'))
    .select([sql<string>`f.value::text`.as('value'), (eb) => eb.fn.countAll<number>().as('count')])
    .where(sql.ref('f.value'), 'is not', null)
    .groupBy('f.value')
    .orderBy('count', 'desc')
    .limit(facetLimits[facet])
    .execute();
  return rows.map((row) => ({ value: row.value, count: Number(row.count) }));
}

export async function countMatches(
  db: Executor,
  query: RecommendationSearch,
  mechanismBodies?: string[],
  scope: Scope = everything,
): Promise<number> {
  const row = await applyFilters(db.selectFrom('recommendations'), query, undefined, mechanismBodies, scope)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export interface SearchRow {
  id: string;
  seq: number;
  number: string | null;
  review_id: string;
  symbol: string | null;
  body_code: string;
  cycle: number | null;
  text: string;
  text_lang: string;
  snippet: string | null;
  recommending_states: string[];
  position: string | null;
  status: string;
  sdg_targets: string[];
  theme_ids: number[];
}

type RecQueryOf = SelectQueryBuilder<DB, 'recommendations', object>;

function selectSummary(qb: RecQueryOf, lang: SearchLang) {
  return qb.select([
    'id',
    'seq',
    'number',
    'review_id',
    'body_code',
    'cycle',
    'recommending_states',
    'position',
    'status',
    'sdg_targets',
    'theme_ids',
    ...localizedText(lang, ''),
  ]);
}

/** One page of matches, ordered by SQL; texts in `lang` where the register has them. */
export async function findPage(
  db: Executor,
  query: RecommendationSearch,
  lang: SearchLang,
  mechanismBodies?: string[],
  scope: Scope = everything,
): Promise<SearchRow[]> {
  let qb = applyFilters(db.selectFrom('recommendations'), query, undefined, mechanismBodies, scope);
  const q = query.q;
  if (q && query.sort === 'relevance') qb = qb.orderBy(rankExpression(q), 'desc');
  else if (query.sort === 'newest') qb = qb.orderBy('created_at', 'desc');
  else if (query.sort === 'updated') qb = qb.orderBy('updated_at', 'desc');
  else qb = qb.orderBy('body_code').orderBy('review_id').orderBy('number_sort');
  const found = await selectSummary(qb.orderBy('id'), lang)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return withSymbolsAndSnippets(db, found, q);
}

/** The rows of a page chosen by the facet index, in the order given. */
export async function findBySeqs(db: Executor, seqs: number[], lang: SearchLang, q?: string): Promise<SearchRow[]> {
  if (seqs.length === 0) return [];
  const found = await selectSummary(db.selectFrom('recommendations'), lang).where('seq', 'in', seqs).execute();
  const bySeq = new Map(found.map((row) => [row.seq, row]));
  const ordered = seqs.flatMap((seq) => bySeq.get(seq) ?? []);
  return withSymbolsAndSnippets(db, ordered, q);
}

/** Whether the words match any row at all, whatever the filters (then they are not corrected). */
export async function matchesAnything(db: Executor, q: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from recommendations where ${textMatch(q)}) as found`.execute(db);
  return rows[0]?.found === true;
}

type FoundRow = Omit<SearchRow, 'symbol' | 'snippet'>;

async function withSymbolsAndSnippets(db: Executor, found: FoundRow[], q?: string): Promise<SearchRow[]> {
  const reviewIds = [...new Set(found.map((row) => row.review_id))];
  // The symbols and the snippets are independent: asked side by side.
  const [symbols, snippets] = await Promise.all([
    reviewIds.length
      ? db.selectFrom('reviews').select(['id', 'symbol']).where('id', 'in', reviewIds).execute()
      : Promise.resolve([]),
    q ? snippetsOf(db, found, q) : Promise.resolve(new Map<number, string>()),
  ]);
  const symbolOf = new Map(symbols.map((review) => [review.id, review.symbol]));
  return found.map((row, index) => ({
    ...row,
    symbol: symbolOf.get(row.review_id) ?? null,
    snippet: q ? (snippets.get(index) ?? null) : null,
  }));
}

/**
 * Highlights only the page's rows (ts_headline is costly), in one round trip, each row in its
 * own language. Hits are wrapped in U+0002 and U+0003, never HTML: the client marks them up.
 */
async function snippetsOf(db: Executor, rows: FoundRow[], q: string): Promise<Map<number, string>> {
  if (rows.length === 0) return new Map();
  const values = rows.map((row, index) => {
    const { config, unaccent } =
      textConfigs[(searchLangs.includes(row.text_lang as SearchLang) ? row.text_lang : 'en') as SearchLang];
    return sql`(${index}::int, ${config}::regconfig, ${unaccent}::boolean, ${row.text}::text)`;
  });
  const snippets = await sql<{ ord: number; snippet: string }>`
    select ord, ts_headline(cfg, txt,
      case when una then websearch_to_tsquery(cfg, im_unaccent(${q})) else websearch_to_tsquery(cfg, ${q}) end,
      'StartSel=, StopSel=, MaxWords=45, MinWords=20, MaxFragments=2, HighlightAll=false') as snippet
    from (values ${sql.join(values)}) as v(ord, cfg, una, txt)`.execute(db);
  return new Map(snippets.rows.map((row) => [row.ord, row.snippet]));
}

/**
 * Closest known word for each word of the query, for the "did you mean" fallback: the most
 * similar by pg_trgm (`<->` is one minus the similarity, walked nearest first in the GiST index).
 */
export async function correctWords(db: Executor, words: string[]): Promise<Map<string, string>> {
  const corrections = new Map<string, string>();
  if (words.length === 0) return corrections;
  // A word the register holds is its own closest word: one look-up by key spares its trigram scan
  // (a quoted phrase of real words that matches nothing would otherwise scan once per word).
  const known = await db.selectFrom('search_words').select('word').where('word', 'in', words).execute();
  const knownWords = new Set(known.map((row) => row.word));
  for (const word of words) {
    if (knownWords.has(word)) continue;
    const found = await sql<{ word: string }>`
      select word from search_words where word % ${word} order by word <-> ${word}, word limit 1`.execute(db);
    const best = found.rows[0]?.word;
    if (best && best !== word) corrections.set(word, best);
  }
  return corrections;
}
