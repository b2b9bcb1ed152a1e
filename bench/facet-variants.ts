import { CompiledQuery, sql } from 'kysely';
import type { Database } from '../src/server/db/database';
import { applyFilters, countFacet } from '../src/server/modules/register/search.repo';
import { type FacetName, facetNames, type RecommendationSearch } from '../src/shared/schemas/register';

/**
 * Alternative facet counting, run from the bench as plain SQL (nothing in src/ changes), to
 * measure what a change to search.repo.ts would bring. Same per-facet limits as facetColumns.
 */
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
};
export type FacetCounts = Record<FacetName, { value: string; count: number }[]>;

/** The facets whose own filter is set: they need their own query (counted without that filter). */
export function activeFacets(query: RecommendationSearch): FacetName[] {
  return facetNames.filter(
    (facet) => ((query as unknown as Record<string, unknown[] | undefined>)[facet]?.length ?? 0) > 0,
  );
}

/** One row per (facet, value) of a filtered row: a single scan feeds every facet. */
const lateral = sql`cross join lateral (
  select 'body' as facet, f.body_code as value
  union all select 'review', f.review_id::text
  union all select 'cycle', f.cycle::text
  union all select 'position', f.position
  union all select 'status', f.status
  union all select 'theme', unnest(f.theme_ids)::text
  union all select 'affected', unnest(f.affected_ids)::text
  union all select 'sdgGoal', unnest(f.sdg_goals)::text
  union all select 'sdgTarget', unnest(f.sdg_targets)
  union all select 'state', unnest(f.recommending_states)
  union all select '_rows', '') x`;

const facetColumns = [
  'body_code',
  'review_id',
  'cycle',
  'position',
  'status',
  'theme_ids',
  'affected_ids',
  'sdg_goals',
  'sdg_targets',
  'recommending_states',
] as const;

export function topOf(rows: { facet: string; value: string; count: number }[], facets: FacetName[], scale = 1) {
  const out = {} as FacetCounts;
  for (const facet of facets) {
    const source = facet === 'mechanism' ? 'body' : facet;
    out[facet] = rows
      .filter((row) => row.facet === source && row.value !== null)
      .map((row) => ({ value: row.value, count: Math.round(row.count * scale) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, facetLimits[facet]);
  }
  return out;
}

/** The filtered rows' facet columns, as SQL text and parameters, optionally over a block sample. */
function filteredSql(db: Database, query: RecommendationSearch, except: FacetName | undefined, samplePercent?: number) {
  const compiled = applyFilters(db.selectFrom('recommendations'), query, except)
    .select([...facetColumns])
    .compile();
  const from = samplePercent
    ? `from "recommendations" tablesample system (${samplePercent.toFixed(3)}) repeatable (42)`
    : 'from "recommendations"';
  return { text: compiled.sql.replace('from "recommendations"', from), parameters: compiled.parameters };
}

export async function scan(
  db: Database,
  query: RecommendationSearch,
  except: FacetName | undefined,
  samplePercent?: number,
) {
  const filtered = filteredSql(db, query, except, samplePercent);
  const outer = sql`select x.facet, x.value, count(*)::int as count from (${sql.raw('__F__')}) f ${lateral}
    where x.value is not null group by 1, 2`.compile(db);
  const text = outer.sql.replace('__F__', filtered.text);
  const result = await db.executeQuery<{ facet: string; value: string; count: number }>(
    CompiledQuery.raw(text, [...filtered.parameters]),
  );
  return result.rows;
}

/**
 * Exact counts in 1 + k scans instead of 11: every facet without a filter of its own shares
 * the fully filtered row set (one scan); each facet with a filter gets its usual query.
 */
export async function oneScanFacets(db: Database, query: RecommendationSearch): Promise<FacetCounts> {
  const active = activeFacets(query);
  const shared = facetNames.filter((facet) => !active.includes(facet));
  const [rows, ...own] = await Promise.all([
    shared.length ? scan(db, query, undefined) : Promise.resolve([]),
    ...active.map((facet) => countFacet(db, query, facet)),
  ]);
  const out = topOf(rows, shared);
  active.forEach((facet, index) => {
    out[facet] = own[index] ?? [];
  });
  return out;
}

/**
 * Approximate counts for big result sets: the same single scan over a block sample
 * (TABLESAMPLE SYSTEM) sized for ~`target` matching rows, scaled by total / sampled matches.
 */
export async function sampledFacets(
  db: Database,
  query: RecommendationSearch,
  total: number,
  target = 5000,
): Promise<FacetCounts> {
  const percent = Math.min(100, Math.max(0.2, (100 * target) / Math.max(1, total)));
  const active = activeFacets(query);
  const shared = facetNames.filter((facet) => !active.includes(facet));
  const [rows, ...own] = await Promise.all([
    scan(db, query, undefined, percent),
    ...active.map((facet) => scan(db, query, facet, percent)),
  ]);
  const matched = rows.find((row) => row.facet === '_rows')?.count ?? 0;
  const out = topOf(rows, shared, matched ? total / matched : 0);
  active.forEach((facet, index) => {
    out[facet] = topOf(own[index] ?? [], [facet], 100 / percent)[facet];
  });
  return out;
}

/**
 * Mean relative error of the approximate counts on the exact top-5 values of each facet; the
 * review facet is left out (a review's rows sit together, so a block sample cannot estimate it:
 * an approximate answer should not show it).
 */
export function relativeError(exact: FacetCounts, approx: FacetCounts): number {
  const errors: number[] = [];
  for (const facet of facetNames.filter((name) => name !== 'review')) {
    const guess = new Map((approx[facet] ?? []).map((entry) => [entry.value, entry.count]));
    for (const entry of (exact[facet] ?? []).slice(0, 5))
      if (entry.count > 0) errors.push(Math.abs((guess.get(entry.value) ?? 0) - entry.count) / entry.count);
  }
  return errors.length ? errors.reduce((sum, error) => sum + error, 0) / errors.length : 0;
}

/** Whether two exact facet results agree on every value both list. */
export function sameCounts(a: FacetCounts, b: FacetCounts): boolean {
  return facetNames.every((facet) => {
    const other = new Map((b[facet] ?? []).map((entry) => [entry.value, entry.count]));
    return (a[facet] ?? []).every((entry) => !other.has(entry.value) || other.get(entry.value) === entry.count);
  });
}
