import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import type { Actor } from '../src/server/http/context';
import { findBySeqs } from '../src/server/modules/register/search.repo';
import { searchRecommendations } from '../src/server/modules/register/search.service';
import {
  matchText,
  memoryOf,
  parsedQueries,
  readRegisterGeneration,
  searchIndexFor,
  warmSearchIndex,
} from '../src/server/modules/search';
import { type RecommendationSearch, recommendationSearchSchema } from '../src/shared/schemas/register';
import type { Sources } from './corpus';
import type { BenchDatabase } from './databases';
import { distribution, int, mb, ms, type Table, timed } from './table';
import { type BenchQuery, buildWorkload, queryClasses } from './workload';

interface Measured extends BenchQuery {
  query: RecommendationSearch;
  ms: number;
  total: number;
  corrected: string | null;
}

/** A new user of `role` (a viewer unless told) for the benchmarks to act as. */
export async function benchActor(bench: BenchDatabase, role: 'viewer' | 'coordinator' = 'viewer'): Promise<Actor> {
  const user = await bench.db
    .insertInto('users')
    .values({ email: `bench-${role}-${Date.now()}@example.org`, name: `Benchmark ${role}`, role, status: 'active' })
    .returning(['id', 'email', 'name'])
    .executeTakeFirstOrThrow();
  return {
    user: { ...user, role, locale: 'en', organisation: null, version: 1 },
    sessionId: null,
    requestId: `bench-${role}`,
    ip: null,
    locale: 'en',
  };
}

/** Part 2: the real search service over the workload, after a warm-up pass. */
export async function runSearchBench(
  bench: BenchDatabase,
  sources: Sources,
  size: number,
  options: { warmup: number },
  log: (line: string) => void,
) {
  const actor = await benchActor(bench);
  const buffers = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(bench.db);
  // The in-memory facet and text indexes, as the server builds them at start-up and after writes.
  // Typed arrays live outside the JS heap (`arrayBuffers`), so both are counted, each after a
  // full garbage collection (the build's garbage would otherwise blur the difference).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage();
  const built = await timed(() => warmSearchIndex(bench.db));
  gc();
  const after = process.memoryUsage();
  const heapMb = mb(after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers);
  const memory = built.result ? memoryOf(built.result) : null;
  const text = memory?.text;
  const textNote = text
    ? `text index: ${int(text.lexemes)} lexemes, ${mb(text.bytes)} MB of typed arrays (postings, counts, positions) plus its lexicon maps`
    : 'no text index';
  const facetNote = `facet index: ${mb(memory?.facetBytes ?? 0)} MB of typed arrays (columns, postings, counts, sort orders)`;
  log(
    `  search: indexes of ${int(memory?.rows ?? 0)} rows built in ${Math.round(built.ms)} ms, ~${heapMb} MB (${facetNote}; ${textNote})`,
  );
  const workload = buildWorkload(sources).map((entry) => ({
    ...entry,
    query: recommendationSearchSchema.parse(entry.input),
  }));
  // Warm up with other queries (another seed): the service caches counts per query, and the
  // measured queries must not be in that cache beforehand.
  const warmup = buildWorkload(sources, 99)
    .slice(0, options.warmup)
    .map((entry) => recommendationSearchSchema.parse(entry.input));
  const warmed = await timed(async () => {
    for (const query of warmup) await searchRecommendations(bench.db, actor, query);
  });
  log(`  search: warm-up of ${warmup.length} queries in ${Math.round(warmed.ms)} ms`);
  const measured: Measured[] = [];
  for (const entry of workload) {
    const run = await timed(() => searchRecommendations(bench.db, actor, entry.query));
    measured.push({ ...entry, ms: run.ms, total: run.result.total, corrected: run.result.correctedQuery });
    if (measured.length % 50 === 0) log(`  search: ${measured.length}/${workload.length} queries`);
  }
  const target = bench.kind === 'postgres' ? 50 : 150;
  const row = (name: string, group: Measured[]) => {
    const s = distribution(group.map((entry) => entry.ms));
    const mean = group.reduce((sum, entry) => sum + entry.total, 0) / group.length;
    return [name, group.length, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), int(mean)];
  };
  const overall = distribution(measured.map((entry) => entry.ms));
  const corrected = measured.filter((entry) => entry.kind === 'typo' && entry.corrected).length;
  const summary: Table = {
    title: `Search at ${int(size)} recommendations — ${bench.kind}`,
    headers: ['query class', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean hits'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: [
      ...queryClasses.map((kind) =>
        row(
          kind,
          measured.filter((entry) => entry.kind === kind),
        ),
      ),
      row('**all**', measured),
    ],
    notes: [
      `p95 overall: **${ms(overall.p95)} ms** (target ≤ ${target} ms: ${overall.p95 <= target ? 'met' : '**missed**'}). ` +
        `Wall time of searchRecommendations() per call (the query parsed per language by PostgreSQL in one round trip, ` +
        `matched and BM25-ranked in the in-memory text index, filters and 11 facet counts in the in-memory facet index, ` +
        `the page's rows with snippets, labels), pageSize 25, one call at a time, each query's first run, after a ` +
        `warm-up of ${warmup.length} other queries; ${corrected}/15 typo queries were corrected. Load average (1, 5, 15 min) ` +
        `at the end: ${loadavg()
          .map((load) => load.toFixed(1))
          .join(', ')} on ${cpus().length} cores.`,
      `Facet + text index: ${int(memory?.rows ?? 0)} rows read in ${ms(built.ms)} ms (chunks of 20,000), ~${heapMb} MB ` +
        `(growth of JS heap + array buffers after a full GC, the database client's buffers included; ${facetNote}; ${textNote}). ` +
        `Patched from the change log after each write (decision 025; the writes part measures it); while one is built from scratch, searches go through SQL alone (the design before decision 008: p95 ${bench.kind === 'postgres' ? '1,175' : '2,606'} ms here on 2026-11-23; ` +
        `with the facet index but text matched in SQL, before decision 013: ${bench.kind === 'postgres' ? '345' : '536'} ms on 2026-11-29; ` +
        `with both indexes but each filter and facet read row by row, before decision 014: ${bench.kind === 'postgres' ? '39.0 ms on this machine (50–64 ms on the previous one)' : '102 ms on the previous machine'}). ` +
        `shared_buffers = ${buffers.rows[0]?.shared_buffers}.`,
    ],
  };
  const slowest = [...measured].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return { tables: [summary, await breakdown(bench, slowest)] };
}

/** Where the time of the slowest queries goes: each part of the service timed on its own. */
async function breakdown(bench: BenchDatabase, slowest: Measured[]): Promise<Table> {
  const index = await searchIndexFor(bench.db, await readRegisterGeneration(bench.db));
  const rows: (string | number)[][] = [];
  for (const entry of slowest) {
    const query = entry.corrected ? { ...entry.query, q: entry.corrected } : entry.query;
    const { q } = query;
    const ranked = query.sort === 'relevance';
    const text = q
      ? await timed(async () => index?.text?.match(await parsedQueries(bench.db, q), ranked) ?? null)
      : undefined;
    const viaSql = q ? await timed(() => matchText(bench.db, q, ranked)) : undefined;
    const slots =
      text?.result?.slots ??
      (viaSql && index ? Int32Array.from(viaSql.result.seqs, (seq) => index.slotOf(seq)) : undefined);
    const { q: _q, page: _p, pageSize: _s, sort: _o, lang: _l, ...filters } = query;
    const strings = Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, values?.map(String)]));
    const evaluated = await timed(async () => index?.evaluate(strings, slots));
    const seqs = index && evaluated.result ? index.page(evaluated.result.matches, 'number', 0, 25) : [];
    const page = await timed(() => findBySeqs(bench.db, seqs, 'en', q));
    const label = entry.label.length > 60 ? `${entry.label.slice(0, 57)}…` : entry.label;
    rows.push([
      entry.kind,
      label,
      int(entry.total),
      ms(entry.ms),
      text ? `${ms(text.ms)}${text.result ? '' : ' (SQL)'}` : '',
      viaSql ? ms(viaSql.ms) : '',
      ms(evaluated.ms),
      ms(page.ms),
    ]);
  }
  return {
    title: `Slowest queries and where their time goes — ${bench.kind}`,
    headers: [
      'class',
      'query',
      'hits',
      'search ms',
      'text index ms',
      'same in SQL ms',
      'index filters + 11 facets ms',
      'page rows ms',
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows,
    notes: [
      'Parts re-run one by one after the measured pass: the text match in the text index (query parsed by PostgreSQL, ' +
        'evaluated and ranked in memory), the same match in PostgreSQL for comparison (seqs and ts_rank of every match, ' +
        'the path before decision 013), the facet index evaluation, and fetching the 25 rows of the page with snippets.',
    ],
  };
}
