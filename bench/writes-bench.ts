import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { systemActor } from '../src/server/http/context';
import { statusBreakdown } from '../src/server/modules/dashboards/dashboards.service';
import { importTrustedFile } from '../src/server/modules/imports/imports.service';
import { batchEdit, updateRecommendation } from '../src/server/modules/register/recommendations.service';
import { searchRecommendations } from '../src/server/modules/register/search.service';
import { type MaintenanceStats, maintenanceOf, warmSearchIndex } from '../src/server/modules/search';
import countries from '../src/server/seed/data/countries.json' with { type: 'json' };
import { statusBreakdownQuerySchema } from '../src/shared/schemas/dashboards';
import { type RecommendationSearch, recommendationSearchSchema } from '../src/shared/schemas/register';
import { mulberry32, pick, pickSome, type Random, type Sources, textOf } from './corpus';
import type { BenchDatabase } from './databases';
import { benchActor } from './search-bench';
import { distribution, int, mb, ms, type Table } from './table';
import { buildWorkload } from './workload';

/**
 * Issue 15, part 2: search while the register changes. For `durationS` seconds, searches arrive
 * at `searchRate` per second (open loop: each starts on time whether or not the previous one
 * finished, as people's requests do), while one status change per second, a batch edit of 1,000
 * recommendations every minute and an 8,000-row import every five minutes go through the same
 * services the routes call. Every status change is followed by searches for it until they see
 * it: the time from its commit to its visibility.
 */
export interface WritesOptions {
  durationS: number;
  searchRate: number;
  batchEveryS: number;
  batchSize: number;
  importEveryS: number;
  importRows: number;
}
export const defaultWritesOptions: WritesOptions = {
  durationS: 600,
  searchRate: 20,
  batchEveryS: 60,
  batchSize: 1000,
  importEveryS: 300,
  importRows: 8000,
};

/** At most this many searches in flight: beyond, an arrival is counted as dropped (the server would queue it). */
const maxInFlight = 40;
const sleep = (delay: number) => new Promise((done) => setTimeout(done, Math.max(0, delay)));

interface Sample {
  at: number;
  rss: number;
  heap: number;
  arrays: number;
  rowsRead: number;
  maintenance: MaintenanceStats;
}

/** Rows read by the database so far (all backends of this database): the load every write and search puts on it. */
async function rowsRead(bench: BenchDatabase): Promise<number> {
  const result = await sql<{ n: string }>`select (tup_returned + tup_fetched)::text as n
    from pg_stat_database where datname = current_database()`.execute(bench.db);
  return Number(result.rows[0]?.n ?? Number.NaN);
}

/**
 * An 8,000-row UPR Info file of a session no real file has (51 onwards), States and texts
 * recombined from the real rows as the corpus is: what an import day brings.
 */
function uprInfoCsv(random: Random, sources: Sources, rows: number, session: number): string {
  const names = countries.map((country) => country.name.en);
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const lines = ['To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session'];
  let made = 0;
  while (made < rows) {
    const under = pick(random, names);
    const size = Math.min(rows - made, 80 + Math.floor(random() * 120));
    for (let i = 0; i < size; i++) {
      const from = pickSome(random, names, 1)[0] as string;
      const response = random() < 0.7 ? 'Accepted' : 'Noted';
      lines.push(
        [
          under,
          '',
          '',
          quote(textOf(random, sources, 'en')),
          from,
          '',
          '',
          response,
          String(1 + Math.floor(random() * 5)),
          quote('Justice'),
          String(session),
        ].join(','),
      );
    }
    made += size;
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function runWritesBench(
  bench: BenchDatabase,
  sources: Sources,
  size: number,
  options: WritesOptions,
  log: (line: string) => void,
) {
  const reader = await benchActor(bench);
  const writer = await benchActor(bench, 'coordinator');
  const random = mulberry32(20261207);
  await warmSearchIndex(bench.db);
  const queries = buildWorkload(sources, 11).map((entry) => recommendationSearchSchema.parse(entry.input));
  // Disjoint targets: status changes in the first pool, batches in the second, so that a status
  // change's expected count is not moved by a batch (batches classify: they add a theme).
  const pool = await sql<{ id: string; review_id: string }>`select id, review_id from recommendations
    where seq % 41 = 7 order by seq limit ${options.durationS * 2 + options.batchSize * 12}`.execute(bench.db);
  const statusPool = pool.rows.slice(0, options.durationS * 2);
  const batchPool = pool.rows.slice(options.durationS * 2).map((row) => row.id);
  const statuses = sources.statuses;
  // A batch adds a theme of the theme taxonomy: batchEdit refuses UPR Info's issues (not themes).
  const issues = new Set(sources.issueIds);
  const themes = sources.themeIds.filter((id) => !issues.has(id));

  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const end = started + options.durationS * 1000;
  const reads: { at: number; ms: number }[] = [];
  const visibility: number[] = [];
  const statusWrites: number[] = [];
  const batches: { at: number; ms: number; updated: number }[] = [];
  const imports: { at: number; ms: number; rows: number }[] = [];
  const dashboards: { at: number; ms: number }[] = [];
  const samples: Sample[] = [];
  const failures: string[] = [];
  let dropped = 0;
  let inFlight = 0;

  const search = async (query: RecommendationSearch) => {
    const begun = performance.now();
    const result = await searchRecommendations(bench.db, reader, query);
    reads.push({ at: elapsed(), ms: performance.now() - begun });
    return result;
  };
  const fail = (what: string) => (error: unknown) => {
    failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  };

  const searches = (async () => {
    for (let n = 0; ; n++) {
      const due = started + (n * 1000) / options.searchRate;
      if (due >= end) break;
      await sleep(due - performance.now());
      if (inFlight >= maxInFlight) {
        dropped++;
        continue;
      }
      inFlight++;
      search(queries[n % queries.length] as RecommendationSearch)
        .catch(fail('search'))
        .finally(() => inFlight--);
    }
  })();

  const statusChanges = (async () => {
    for (let n = 0; ; n++) {
      const due = started + n * 1000;
      if (due >= end) break;
      await sleep(due - performance.now());
      const target = statusPool[n % statusPool.length];
      if (!target) break;
      try {
        const row = await bench.db
          .selectFrom('recommendations')
          .select(['status', 'version'])
          .where('id', '=', target.id)
          .executeTakeFirstOrThrow();
        const next = pick(
          random,
          statuses.filter((status) => status !== row.status),
        );
        const probe = recommendationSearchSchema.parse({
          review: [target.review_id],
          status: [next],
          pageSize: 1,
          sort: 'number',
        });
        const before = (await searchRecommendations(bench.db, reader, probe)).total;
        const writing = performance.now();
        await updateRecommendation(bench.db, writer, target.id, { status: next, version: row.version });
        const committed = performance.now();
        statusWrites.push(committed - writing);
        // Searched again until it shows: the reader's view of the change.
        while (performance.now() - committed < 10_000) {
          if ((await search(probe)).total === before + 1) break;
          await sleep(10);
        }
        visibility.push(performance.now() - committed);
      } catch (error) {
        fail('status change')(error);
      }
    }
  })();

  const batchEdits = (async () => {
    for (let n = 1; ; n++) {
      const due = started + n * options.batchEveryS * 1000;
      if (due >= end) break;
      await sleep(due - performance.now());
      const ids = batchPool.slice(((n - 1) * options.batchSize) % batchPool.length).slice(0, options.batchSize);
      const begun = performance.now();
      try {
        const result = await batchEdit(bench.db, writer, {
          ids,
          addThemeIds: [pick(random, themes)],
          removeThemeIds: [],
          addSdgTargets: [],
          removeSdgTargets: [],
        });
        batches.push({ at: elapsed(), ms: performance.now() - begun, updated: result.updated });
      } catch (error) {
        fail('batch edit')(error);
      }
    }
  })();

  const importRuns = (async () => {
    const offset = Math.min(options.importEveryS / 2, options.durationS / 3);
    for (let n = 0; ; n++) {
      const due = started + (offset + n * options.importEveryS) * 1000;
      if (due >= end) break;
      await sleep(due - performance.now());
      const file = Buffer.from(uprInfoCsv(random, sources, options.importRows, 51 + n), 'utf8');
      const begun = performance.now();
      try {
        await importTrustedFile(bench.db, systemActor('bench'), `upr-info-bench-session-${51 + n}.csv`, file);
        imports.push({ at: elapsed(), ms: performance.now() - begun, rows: options.importRows });
      } catch (error) {
        fail('import')(error);
      }
    }
  })();

  // The coordinator's dashboard opened every 5 s: each view is the first after some write.
  const dashboardViews = (async () => {
    const query = statusBreakdownQuerySchema.parse({ dimension: 'mechanism' });
    for (let n = 1; ; n++) {
      const due = started + n * 5000;
      if (due >= end) break;
      await sleep(due - performance.now());
      const begun = performance.now();
      try {
        await statusBreakdown(bench.db, writer, query);
        dashboards.push({ at: elapsed(), ms: performance.now() - begun });
      } catch (error) {
        fail('dashboard')(error);
      }
    }
  })();

  const sampling = (async () => {
    for (let n = 0; ; n++) {
      const due = started + n * 10_000;
      if (due > end) break;
      await sleep(due - performance.now());
      const memory = process.memoryUsage();
      samples.push({
        at: elapsed(),
        rss: memory.rss,
        heap: memory.heapUsed,
        arrays: memory.arrayBuffers,
        rowsRead: await rowsRead(bench),
        maintenance: maintenanceOf(bench.db),
      });
    }
  })();

  let lastReport = 0;
  const progress = setInterval(() => {
    if (elapsed() - lastReport < 60) return;
    lastReport = elapsed();
    const recent = distribution(reads.filter((read) => read.at > lastReport - 60).map((read) => read.ms));
    log(`  writes: ${Math.round(lastReport)} s, ${recent.n} searches in the last minute, p95 ${ms(recent.p95)} ms`);
  }, 1000);
  await Promise.all([searches, statusChanges, batchEdits, importRuns, dashboardViews, sampling]);
  clearInterval(progress);
  while (inFlight > 0) await sleep(20);
  return {
    tables: tablesOf(bench, size, options, {
      reads,
      visibility,
      statusWrites,
      batches,
      imports,
      dashboards,
      samples,
      failures,
      dropped,
    }),
  };
}

interface Measured {
  reads: { at: number; ms: number }[];
  visibility: number[];
  statusWrites: number[];
  batches: { at: number; ms: number; updated: number }[];
  imports: { at: number; ms: number; rows: number }[];
  dashboards: { at: number; ms: number }[];
  samples: Sample[];
  failures: string[];
  dropped: number;
}

/** What keeping the indexes current cost between two samples. */
function maintenanceBetween(from: MaintenanceStats, to: MaintenanceStats) {
  return {
    patchedRows: to.patchedRows - from.patchedRows,
    readMs: to.readMs - from.readMs,
    patchMs: to.patchMs - from.patchMs,
    rebuilds: to.rebuilds - from.rebuilds,
  };
}

function tablesOf(bench: BenchDatabase, size: number, options: WritesOptions, m: Measured): Table[] {
  const minutes = Math.ceil(options.durationS / 60);
  const perMinute: (string | number)[][] = [];
  for (let minute = 0; minute < minutes; minute++) {
    const within = (at: number) => at >= minute * 60 && at < (minute + 1) * 60;
    const s = distribution(m.reads.filter((read) => within(read.at)).map((read) => read.ms));
    const sample = [...m.samples].reverse().find((entry) => entry.at <= (minute + 1) * 60 + 1);
    const first = m.samples.find((entry) => entry.at >= minute * 60 - 1);
    const rowsPerS =
      sample && first && sample.at > first.at
        ? (sample.rowsRead - first.rowsRead) / (sample.at - first.at)
        : Number.NaN;
    const events = [
      ...m.batches
        .filter((batch) => within(batch.at))
        .map((batch) => `batch ${int(batch.updated)} (${ms(batch.ms)} ms)`),
      ...m.imports.filter((run) => within(run.at)).map((run) => `import ${int(run.rows)} (${ms(run.ms)} ms)`),
    ];
    const kept = sample && first ? maintenanceBetween(first.maintenance, sample.maintenance) : undefined;
    perMinute.push([
      minute + 1,
      s.n,
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      events.join(', ') || '—',
      sample ? mb(sample.rss) : '',
      sample ? mb(sample.heap + sample.arrays) : '',
      Number.isFinite(rowsPerS) ? int(rowsPerS) : '',
      kept
        ? `${int(kept.patchedRows)} rows, ${ms(kept.readMs)} + ${ms(kept.patchMs)} ms${kept.rebuilds ? `, ${kept.rebuilds} rebuild(s)` : ''}`
        : '',
    ]);
  }
  const reads = distribution(m.reads.map((read) => read.ms));
  const visible = distribution(m.visibility);
  const writes = distribution(m.statusWrites);
  const dash = distribution(m.dashboards.map((view) => view.ms));
  const target = 50;
  const rss = m.samples.map((sample) => sample.rss);
  const summary: Table = {
    title: `Search under writes at ${int(size)} recommendations, ${Math.round(options.durationS / 60)} min — ${bench.kind}`,
    headers: ['measure', 'count', 'p50', 'p95', 'p99', 'max', 'target'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    rows: [
      [
        'search, ms',
        reads.n,
        ms(reads.p50),
        ms(reads.p95),
        ms(reads.p99),
        ms(reads.max),
        `p95 ≤ ${target} ms: ${reads.p95 <= target ? 'met' : '**missed**'}`,
      ],
      [
        'commit → visible in search, ms',
        visible.n,
        ms(visible.p50),
        ms(visible.p95),
        ms(visible.p99),
        ms(visible.max),
        `≤ 1,000 ms: ${visible.max <= 1000 ? 'met' : '**missed**'}`,
      ],
      ['status change (write), ms', writes.n, ms(writes.p50), ms(writes.p95), ms(writes.p99), ms(writes.max), ''],
      ['dashboard after writes, ms', dash.n, ms(dash.p50), ms(dash.p95), ms(dash.p99), ms(dash.max), ''],
    ],
    notes: [
      `Searches at ${options.searchRate}/s (open loop, ${int(m.dropped)} dropped above ${maxInFlight} in flight) over the search bench's workload, as a viewer; ` +
        `1 status change/s (updateRecommendation, then the same search for its review and new status until it counts it), ` +
        `a batch edit of ${int(options.batchSize)} every ${options.batchEveryS} s (batchEdit: add a theme), ` +
        `an import of ${int(options.importRows)} new UPR Info rows every ${options.importEveryS / 60} min (importTrustedFile), ` +
        `the status-by-mechanism dashboard every 5 s as the coordinator. All in one process on one ${bench.kind} database.`,
      `RSS ${rss.length ? `${mb(Math.min(...rss))}–${mb(Math.max(...rss))} MB (first ${mb(rss[0] ?? 0)}, last ${mb(rss[rss.length - 1] ?? 0)})` : 'not sampled'}; ` +
        `load average at the end ${loadavg()
          .map((load) => load.toFixed(1))
          .join(', ')} on ${cpus().length} cores.`,
      m.failures.length
        ? `**${m.failures.length} failures**: ${[...new Set(m.failures)].slice(0, 5).join('; ')}`
        : 'No failures.',
    ],
  };
  const timeline: Table = {
    title: `Search under writes, minute by minute — ${bench.kind}`,
    headers: [
      'minute',
      'searches',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'writes beside 1 status change/s',
      'RSS MB',
      'heap + arrays MB',
      'rows read by the database /s',
      'index kept current',
    ],
    align: ['r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'l'],
    rows: perMinute,
    notes: [
      'Rows read by the database: `tup_returned + tup_fetched` of `pg_stat_database` for the bench database, per second over the minute: ' +
        'what the searches, the writes and the search indexes’ maintenance cost the database together. ' +
        'Index kept current (`maintenanceOf`): the rows the catch-ups before searches patched in the minute, the time ' +
        'they spent reading those rows from the database and patching the in-memory indexes, and full rebuilds.',
    ],
  };
  return [summary, timeline];
}
