import { sql } from 'kysely';
import { countFacet, countMatches, findPage } from '../src/server/modules/register/search.repo';
import { facetNames, type RecommendationSearch } from '../src/shared/schemas/register';
import type { BenchDatabase } from './databases';
import {
  activeFacets,
  type FacetCounts,
  oneScanFacets,
  relativeError,
  sameCounts,
  sampledFacets,
} from './facet-variants';
import { dropProposal, prepareProposal, proposedSearch } from './proposed-search';
import type { Measured } from './search-bench';
import { ms, percentile, type Table, timed } from './table';
import { tsvAllExperiment } from './tsv-all';

const sortedStats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
};
const cells = (values: number[]) => {
  const s = sortedStats(values);
  return [ms(s.p50), ms(s.p95), ms(s.max)];
};

async function current(bench: BenchDatabase, query: RecommendationSearch): Promise<FacetCounts> {
  const counts = await Promise.all(facetNames.map((facet) => countFacet(bench.db, query, facet)));
  return Object.fromEntries(facetNames.map((facet, index) => [facet, counts[index] ?? []])) as FacetCounts;
}

/**
 * Proposals measured on the loaded corpus with the workload's queries: facet counting variants,
 * caching of counts, an index on sdg_goals, and (PostgreSQL) a single combined tsvector column.
 */
export async function runExperiments(
  bench: BenchDatabase,
  measured: Measured[],
  tableRows: number,
  log: (line: string) => void,
  onlyProposal = false,
): Promise<Table[]> {
  if (onlyProposal) return [await proposedTable(bench, measured, tableRows)];
  // Every other workload query (all classes), to keep the run within minutes.
  const queries = measured
    .filter((_, index) => index % 2 === 0)
    .map((entry) => ({
      ...entry,
      query: entry.corrected ? { ...entry.query, q: entry.corrected } : entry.query,
    }));
  const rows = { now: [] as number[], one: [] as number[], mixed: [] as number[], page: [] as number[] };
  const errors: number[] = [];
  let identical = 0;
  let sampled = 0;
  const threshold = 20_000;
  for (const entry of queries) {
    const total = await countMatches(bench.db, entry.query);
    const now = await timed(() => current(bench, entry.query));
    const one = await timed(() => oneScanFacets(bench.db, entry.query));
    if (sameCounts(now.result, one.result) && sameCounts(one.result, now.result)) identical++;
    let mixed = one.ms;
    if (total > threshold) {
      const approx = await timed(() => sampledFacets(bench.db, entry.query, total));
      errors.push(relativeError(now.result, approx.result));
      mixed = approx.ms;
      sampled++;
    }
    const page = await timed(() => findPage(bench.db, entry.query, 'en'));
    rows.now.push(now.ms);
    rows.one.push(one.ms);
    rows.mixed.push(mixed);
    rows.page.push(page.ms);
    if (rows.now.length % 50 === 0) log(`  experiments: ${rows.now.length}/${queries.length} queries`);
  }
  const meanError = errors.length ? (100 * errors.reduce((sum, error) => sum + error, 0)) / errors.length : 0;
  const facetTable: Table = {
    title: `Facet counting alternatives — ${bench.kind}, ${queries.length} workload queries`,
    headers: ['facet counts computed as', 'p50 ms', 'p95 ms', 'max ms', 'note'],
    align: ['l', 'r', 'r', 'r', 'l'],
    rows: [
      ['now: 11 queries (Promise.all)', ...cells(rows.now), 'search.repo countFacet × 11'],
      [
        '1 scan for unfiltered facets + 1 per active filter',
        ...cells(rows.one),
        `exact; identical counts on ${identical}/${queries.length}`,
      ],
      [
        `same, sampled when hits > ${threshold.toLocaleString('en-US')}`,
        ...cells(rows.mixed),
        `${sampled} queries sampled, mean error ${meanError.toFixed(1)}% on top-5 values`,
      ],
      ['page only (findPage with snippets)', ...cells(rows.page), 'what a cache hit costs'],
    ],
    notes: [
      'Facet rows time the facet counts alone (no count, page or labels). "Sampled": one scan of ' +
        '`tablesample system (p) repeatable (42)` sized for ~5,000 matching rows, scaled by the exact total. ' +
        `Active filters in the workload: ${queries.filter((entry) => activeFacets(entry.query).length).length} queries.`,
    ],
  };
  const tables = [facetTable, await sdgGoalIndex(bench, queries), await proposedTable(bench, measured, tableRows)];
  if (bench.kind === 'postgres') tables.push(await tsvAllExperiment(bench, queries, tableRows, log));
  return tables;
}

/** An index on sdg_goals (migration 0004 adds one): the sdgGoal-filtered queries with it and without it. */
async function sdgGoalIndex(bench: BenchDatabase, queries: (Measured & { query: RecommendationSearch })[]) {
  const affected = queries.filter((entry) => entry.query.sdgGoal?.length);
  const time = async () => {
    const out: number[] = [];
    for (const entry of affected)
      out.push(
        (await timed(() => countMatches(bench.db, entry.query))).ms +
          (await timed(() => current(bench, entry.query))).ms,
      );
    return out;
  };
  const found = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
    where tablename = 'recommendations' and indexdef like '%(sdg_goals)%'`.execute(bench.db);
  const existing = found.rows[0];
  const withIndex = existing ? await time() : [];
  if (existing) await sql`drop index ${sql.id(existing.name)}`.execute(bench.db);
  await sql`analyze recommendations`.execute(bench.db);
  const without = await time();
  const build = await timed(() =>
    sql
      .raw(existing?.def ?? 'create index bench_sdg_goals_idx on recommendations using gin (sdg_goals)')
      .execute(bench.db),
  );
  await sql`analyze recommendations`.execute(bench.db);
  const after = existing ? withIndex : await time();
  if (!existing) await sql`drop index bench_sdg_goals_idx`.execute(bench.db);
  return {
    title: `GIN index on sdg_goals — ${bench.kind}, ${affected.length} queries with an sdgGoal filter`,
    headers: ['', 'p50 ms', 'p95 ms', 'max ms'],
    align: ['l', 'r', 'r', 'r'],
    rows: [
      ['count + 11 facets without the index', ...cells(without)],
      [`same with the index (built in ${ms(build.ms)} ms)${existing ? ', as migrated' : ''}`, ...cells(after)],
    ],
  } satisfies Table;
}

/** The whole workload through the proposed search (see proposed-search.ts), against the measured pass. */
async function proposedTable(bench: BenchDatabase, measured: Measured[], tableRows: number): Promise<Table> {
  const proposal = await prepareProposal(bench.db, tableRows);
  // Warm up, then start with an empty per-query cache.
  for (const entry of measured.slice(0, 20)) await proposedSearch(bench.db, proposal, entry.query);
  proposal.cache.clear();
  const runs: { kind: string; ms: number; approximate: boolean; error: number }[] = [];
  const facetErrors: number[] = [];
  for (const entry of measured) {
    const run = await timed(() => proposedSearch(bench.db, proposal, entry.query));
    const error = entry.total ? Math.abs(run.result.total - entry.total) / entry.total : 0;
    runs.push({ kind: entry.kind, ms: run.ms, approximate: run.result.approximate, error });
    // Every other approximate answer against the exact counts of today's service.
    if (run.result.approximate && runs.filter((r) => r.approximate).length % 2 === 1) {
      const exact = await current(bench, entry.corrected ? { ...entry.query, q: entry.corrected } : entry.query);
      facetErrors.push(relativeError(exact, run.result.facets));
    }
  }
  await dropProposal(bench.db);
  const kinds = ['text-only', 'text+facets', 'facets-only', 'browse-all', 'typo', '**all**'];
  const of = (kind: string) => (kind === '**all**' ? runs : runs.filter((run) => run.kind === kind));
  const nowOf = (kind: string) => (kind === '**all**' ? measured : measured.filter((entry) => entry.kind === kind));
  const approx = runs.filter((run) => run.approximate);
  const meanError = approx.length ? (100 * approx.reduce((sum, run) => sum + run.error, 0)) / approx.length : 0;
  const checked = facetErrors.length;
  const facetError = checked ? (100 * facetErrors.reduce((sum, error) => sum + error, 0)) / checked : 0;
  return {
    title: `Proposed search, whole workload — ${bench.kind}, ${measured.length} queries`,
    headers: ['query class', 'now p50', 'now p95', 'proposed p50', 'proposed p95', 'proposed max', 'approximate'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: kinds.map((kind) => {
      const now = sortedStats(nowOf(kind).map((entry) => entry.ms));
      const after = sortedStats(of(kind).map((run) => run.ms));
      return [
        kind,
        ms(now.p50),
        ms(now.p95),
        ms(after.p50),
        ms(after.p95),
        ms(after.max),
        of(kind).filter((run) => run.approximate).length,
      ];
    }),
    notes: [
      `Exact up to ${proposal.cap.toLocaleString('en-US')} hits; above, total and facets estimated from a ` +
        `${proposal.samplePercent.toFixed(1)}% block sample (mean error of the estimated totals ${meanError.toFixed(1)}%) ` +
        'and relevance ranks the first 10,000 matches; facets without their own filter in one scan, with their own ' +
        'filter sampled when the planner expects > 10,000 rows; unfiltered counts cached; indexes on sdg_goals and ' +
        `the number order. Facet error on the exact top-5 values (${checked} approximate answers checked): ` +
        `${facetError.toFixed(1)}%.`,
    ],
  };
}
