import { CompiledQuery, sql } from 'kysely';
import type { Database } from '../src/server/db/database';
import * as labels from '../src/server/modules/register/labels.repo';
import { applyFilters, correctWords, findPage, rankExpression } from '../src/server/modules/register/search.repo';
import { type FacetName, facetNames, type RecommendationSearch } from '../src/shared/schemas/register';
import { activeFacets, type FacetCounts, oneScanFacets, scan, topOf } from './facet-variants';

/**
 * The search service as it could be (measured from the bench, nothing in src/ changes):
 * - the unfiltered register's total and facets come from a cache (rebuilt after writes; the service
 *   now caches every query's counts per register generation, but the first search after a write
 *   still counts everything);
 * - the total is counted up to `cap`; up to there everything stays exact, as now;
 * - beyond `cap`, the total and the facets are estimated from one block sample of the table
 *   (TABLESAMPLE SYSTEM, `samplePercent`), and relevance ranks the first `cap` matches only;
 * - two indexes: GIN on sdg_goals, btree on the number order (body_code, review_id, number_sort, id);
 * - the facets without a filter of their own are counted in one scan of the matching rows; a facet
 *   with its own filter counts its own set, sampled when the planner expects more than `cap` rows.
 */
export interface Proposal {
  cap: number;
  samplePercent: number;
  unfiltered: { total: number; facets: FacetCounts };
  cache: Map<string, { total: number; facets: FacetCounts; approximate: boolean; query: RecommendationSearch }>;
}

export const proposalIndexes = [
  'create index if not exists bench_sdg_goals_idx on recommendations using gin (sdg_goals)',
  'create index if not exists bench_number_order_idx on recommendations (body_code, review_id, number_sort, id)',
];

export async function prepareProposal(db: Database, tableRows: number): Promise<Proposal> {
  const sdgIndexed = await sql<{ n: number }>`select count(*)::int as n from pg_indexes
    where tablename = 'recommendations' and indexdef like '%(sdg_goals)%'`.execute(db);
  for (const statement of proposalIndexes.slice(sdgIndexed.rows[0]?.n ? 1 : 0)) await sql.raw(statement).execute(db);
  await sql`analyze recommendations`.execute(db);
  const all = { page: 1, pageSize: 25, sort: 'number' } as RecommendationSearch;
  const facets = await oneScanFacets(db, all);
  return {
    cap: 10_000,
    samplePercent: Math.min(100, (100 * 50_000) / tableRows),
    unfiltered: { total: tableRows, facets },
    cache: new Map(),
  };
}

export async function dropProposal(db: Database): Promise<void> {
  await sql`drop index if exists bench_sdg_goals_idx, bench_number_order_idx`.execute(db);
}

const isUnfiltered = (query: RecommendationSearch) =>
  !query.q && activeFacets(query).length === 0 && !query.cluster?.length;

async function cappedCount(db: Database, query: RecommendationSearch, cap: number): Promise<number> {
  const inner = applyFilters(db.selectFrom('recommendations'), query)
    .select(sql`1`.as('one'))
    .limit(cap + 1);
  const row = await db
    .selectFrom(inner.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The planner's row estimate for the filtered set (EXPLAIN, no execution: well under a millisecond). */
async function estimateRows(db: Database, query: RecommendationSearch, except: FacetName): Promise<number> {
  const compiled = applyFilters(db.selectFrom('recommendations'), query, except).select(sql`1`.as('one')).compile();
  const result = await db.executeQuery<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
    CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
  );
  return result.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

/**
 * Facet counts with bounded work: the facets without a filter of their own share one scan of the
 * matching rows (exact when there are at most `cap`, else over the sample); each facet with a
 * filter of its own counts its own set, exactly when the planner expects at most `cap` rows.
 */
async function boundedFacets(db: Database, proposal: Proposal, query: RecommendationSearch, big: boolean) {
  const active = activeFacets(query);
  const percent = proposal.samplePercent;
  const [rows, ...own] = await Promise.all([
    scan(db, query, undefined, big ? percent : undefined),
    ...active.map(async (facet) => {
      const sample = (await estimateRows(db, query, facet)) > proposal.cap;
      return { rows: await scan(db, query, facet, sample ? percent : undefined), scale: sample ? 100 / percent : 1 };
    }),
  ]);
  const scale = big ? 100 / percent : 1;
  const facets = topOf(
    rows,
    facetNames.filter((facet) => !active.includes(facet)),
    scale,
  );
  active.forEach((facet, index) => {
    const counted = own[index];
    facets[facet] = counted ? topOf(counted.rows, [facet], counted.scale)[facet] : [];
  });
  return { total: Math.round((rows.find((row) => row.facet === '_rows')?.count ?? 0) * scale), facets };
}

/** The ranked page among the first `cap` matches, with snippets as findPage makes them. */
async function cappedRankedPage(db: Database, query: RecommendationSearch, cap: number) {
  const q = query.q as string;
  const candidates = applyFilters(db.selectFrom('recommendations'), query).selectAll().limit(cap);
  const rows = await db
    .selectFrom(candidates.as('recommendations'))
    .select(['id', 'text_en', 'original_lang'])
    .orderBy(rankExpression(q), 'desc')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  if (!rows.length) return rows;
  const values = rows.map((row, index) => sql`(${index}::int, ${row.text_en ?? ''}::text)`);
  await sql`select ord, ts_headline('english', txt, websearch_to_tsquery('english', im_unaccent(${q})),
      'StartSel=, StopSel=, MaxWords=45, MinWords=20, MaxFragments=2, HighlightAll=false')
    from (values ${sql.join(values)}) as v(ord, txt)`.execute(db);
  return rows;
}

/** The label lookups the service makes for every answer (bodies, terms, statuses, reviews, States, SDGs). */
async function labelLookups(db: Database, facets: FacetCounts) {
  await Promise.all([
    labels.findTermsById(
      db,
      [...(facets.theme ?? []), ...(facets.affected ?? [])].map((entry) => Number(entry.value)),
    ),
    labels.findTermsOf(db, 'status'),
    labels.findReviewSymbols(
      db,
      (facets.review ?? []).map((entry) => entry.value),
    ),
    labels.findCountryNames(
      db,
      (facets.state ?? []).map((entry) => entry.value).filter((value) => /^[A-Z]{2}$/.test(value)),
    ),
    labels.findTermsOf(db, 'sdg'),
  ]);
}

type Counted = { total: number; facets: FacetCounts; approximate: boolean; query: RecommendationSearch };

/** Like the service: counts cached per query (without paging) for the register generation. */
export async function proposedSearch(db: Database, proposal: Proposal, input: RecommendationSearch) {
  await labels.findBodies(db);
  const { page: _page, pageSize: _size, ...filters } = input;
  const key = JSON.stringify(filters);
  const hit = proposal.cache.get(key);
  const pageOf = (counted: Counted) => {
    const query = { ...counted.query, page: input.page, pageSize: input.pageSize };
    return counted.approximate && query.q && query.sort === 'relevance'
      ? cappedRankedPage(db, query, proposal.cap)
      : findPage(db, query, 'en');
  };
  if (hit) {
    await pageOf(hit);
    return hit;
  }
  let result: Counted;
  if (isUnfiltered(input)) {
    result = { ...proposal.unfiltered, approximate: false, query: input };
    await pageOf(result);
  } else {
    let query = input;
    let total = await cappedCount(db, query, proposal.cap);
    if (total === 0 && query.q) {
      const words = query.q.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [];
      const corrections = await correctWords(db, [...new Set(words)]);
      if (corrections.size) {
        query = { ...query, q: query.q.replace(/[\p{L}]{4,}/gu, (w) => corrections.get(w.toLowerCase()) ?? w) };
        total = await cappedCount(db, query, proposal.cap);
      }
    }
    const big = total > proposal.cap;
    const draft = { total, facets: {} as FacetCounts, approximate: big, query };
    const [, counted] = await Promise.all([pageOf(draft), boundedFacets(db, proposal, query, big)]);
    result = { ...draft, total: big ? counted.total : total, facets: counted.facets };
  }
  await labelLookups(db, result.facets);
  proposal.cache.set(key, result);
  return result;
}
