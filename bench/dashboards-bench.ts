import { sql } from 'kysely';
import { overdueItems, statusBreakdown, statusTrend } from '../src/server/modules/dashboards/dashboards.service';
import { maintenanceOf, warmSearchIndex } from '../src/server/modules/search';
import {
  dashboardDimensions,
  overdueQuerySchema,
  statusBreakdownQuerySchema,
  statusTrendQuerySchema,
} from '../src/shared/schemas/dashboards';
import { mulberry32, pick, type Random, weighted } from './corpus';
import { type BenchDatabase, copyText } from './databases';
import { benchActor } from './search-bench';
import { int, ms, percentile, type Table, timed } from './table';

const day = 86_400_000;
const epoch = Date.parse('2015-01-01T00:00:00Z');

/**
 * What the dashboards read beside the corpus: creation dates over ten years, local levels,
 * entities (ministries, two LRG levels), assignments with due dates and delegations, and a
 * status history that ends in each recommendation's current status. Creation dates and local
 * levels are one UPDATE with the secondary indexes dropped and rebuilt, as the corpus is loaded.
 */
async function addFollowUp(bench: BenchDatabase, log: (line: string) => void) {
  const random = mulberry32(20250601);
  const indexes = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
    where tablename = 'recommendations' and indexname not in (select conname from pg_constraint)`.execute(bench.db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(bench.db);
  await sql`update recommendations set
    created_at = ${new Date(epoch).toISOString()}::timestamptz + ((seq::bigint * 2654435761) % (3650 * 1440)) * interval '1 minute',
    local_levels = case when seq % 10 = 0 then '{2}'::smallint[] when seq % 10 = 1 then '{1,2}'::smallint[] else '{}' end`.execute(
    bench.db,
  );
  await bench.db.connection().execute(async (conn) => {
    await sql`set maintenance_work_mem = '256MB'`.execute(conn);
    for (const index of indexes.rows) await sql.raw(index.def).execute(conn);
  });
  const entities = await bench.db
    .insertInto('entities')
    .values([
      ...Array.from({ length: 20 }, (_, i) => ({ kind: 'ministry' as const, name: `Bench ministry ${i + 1}` })),
      ...Array.from({ length: 40 }, (_, i) => ({ kind: 'lrg' as const, name: `Bench region ${i + 1}`, lrg_level: 1 })),
    ])
    .returning(['id', 'kind'])
    .execute();
  const regions = entities.filter((entity) => entity.kind === 'lrg');
  const towns = await bench.db
    .insertInto('entities')
    .values(
      Array.from({ length: 400 }, (_, i) => ({
        kind: 'lrg' as const,
        name: `Bench municipality ${i + 1}`,
        lrg_level: 2,
        parent_id: regions[i % regions.length]?.id ?? null,
      })),
    )
    .returning('id')
    .execute();
  const ministries = entities.filter((entity) => entity.kind === 'ministry').map((entity) => entity.id);
  const statuses = (
    await bench.db.selectFrom('taxonomy_terms').select('code').where('taxonomy', '=', 'status').execute()
  ).map((row) => row.code);
  const recs = await sql<{ id: string; status: string; created: Date }>`
    select id, status, created_at as created from recommendations order by seq`.execute(bench.db);
  const history: Record<string, unknown>[] = [];
  const assignments: Record<string, unknown>[] = [];
  const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
  const now = Date.now();
  for (const rec of recs.rows) {
    addHistory(random, rec, statuses, now, history);
    if (random() < 0.45) {
      const lead = crypto.randomUUID();
      const due = random() < 0.8 ? isoDay(now + Math.floor((random() * 3 - 2) * 365) * day) : null;
      assignments.push({
        id: lead,
        recommendation_id: rec.id,
        entity_id: pick(random, ministries),
        role: 'lead',
        due_date: due,
      });
      if (random() < 0.3) {
        const region = pick(random, regions).id;
        assignments.push({
          id: crypto.randomUUID(),
          recommendation_id: rec.id,
          entity_id: region,
          role: 'lead',
          due_date: due,
          delegated_from: lead,
        });
      } else if (random() < 0.2)
        assignments.push({
          id: crypto.randomUUID(),
          recommendation_id: rec.id,
          entity_id: pick(random, towns).id,
          role: 'supporting',
          due_date: due,
          delegated_from: lead,
        });
    }
  }
  const historyColumns = ['recommendation_id', 'status', 'previous_status', 'changed_at'];
  const assignmentColumns = ['id', 'recommendation_id', 'entity_id', 'role', 'due_date', 'delegated_from'];
  for (let start = 0; start < history.length; start += 100_000)
    await bench.copyIn(
      'recommendation_status_history',
      historyColumns,
      copyText(history.slice(start, start + 100_000), historyColumns),
    );
  for (let start = 0; start < assignments.length; start += 100_000)
    await bench.copyIn(
      'assignments',
      assignmentColumns,
      copyText(assignments.slice(start, start + 100_000), assignmentColumns),
    );
  await sql`vacuum (analyze) recommendations, recommendation_status_history, assignments, entities`.execute(bench.db);
  log(`  dashboards: ${int(history.length)} status changes, ${int(assignments.length)} assignments added`);
  return { history: history.length, assignments: assignments.length, town: towns[0]?.id ?? '' };
}

/** Zero to three changes after creation (half with the importer's first line), ending in the current status. */
function addHistory(
  random: Random,
  rec: { id: string; status: string; created: Date },
  statuses: string[],
  now: number,
  out: Record<string, unknown>[],
) {
  const changes = weighted(random, [
    [0, 40],
    [1, 35],
    [2, 15],
    [3, 10],
  ] as [number, number][]);
  const chain = [rec.status];
  for (let n = 0; n < changes; n++)
    chain.unshift(
      pick(
        random,
        statuses.filter((code) => code !== chain[0]),
      ),
    );
  const created = rec.created.getTime();
  if (random() < 0.5)
    out.push({ recommendation_id: rec.id, status: chain[0], previous_status: null, changed_at: new Date(created) });
  let at = created;
  for (let n = 1; n < chain.length; n++) {
    at += Math.floor(random() * Math.max(day, (now - at) / 2));
    out.push({ recommendation_id: rec.id, status: chain[n], previous_status: chain[n - 1], changed_at: new Date(at) });
  }
}

/** The dashboard queries at the corpus size: each run `repeat` times after one warm-up run. */
export async function runDashboardsBench(
  bench: BenchDatabase,
  size: number,
  options: { repeat: number },
  log: (line: string) => void,
): Promise<{ tables: Table[] }> {
  const added = await timed(() => addFollowUp(bench, log));
  const coordinator = await benchActor(bench, 'coordinator');
  const focal = await benchActor(bench);
  if (focal.user) {
    focal.user.role = 'focal_point';
    await bench.db
      .insertInto('entity_people')
      .values({ entity_id: added.result.town, user_id: focal.user.id, role: 'main' })
      .execute();
  }
  const filtered = { body: 'UPR', from: '2012-01-01', to: '2020-12-31' };
  const cases: { name: string; run: () => Promise<unknown> }[] = [
    ...dashboardDimensions.map((dimension) => ({
      name: `status by ${dimension}`,
      run: () => statusBreakdown(bench.db, coordinator, statusBreakdownQuerySchema.parse({ dimension })),
    })),
    {
      name: 'status by theme, UPR 2012–2020',
      run: () =>
        statusBreakdown(bench.db, coordinator, statusBreakdownQuerySchema.parse({ dimension: 'theme', ...filtered })),
    },
    {
      name: 'status by body, focal point scope',
      run: () => statusBreakdown(bench.db, focal, statusBreakdownQuerySchema.parse({ dimension: 'body' })),
    },
    { name: 'overdue, page 1', run: () => overdueItems(bench.db, coordinator, overdueQuerySchema.parse({})) },
    {
      name: 'overdue, page 40',
      run: () => overdueItems(bench.db, coordinator, overdueQuerySchema.parse({ page: 40 })),
    },
    {
      name: 'overdue, UPR 2012–2020',
      run: () => overdueItems(bench.db, coordinator, overdueQuerySchema.parse(filtered)),
    },
    { name: 'trend, 12 months', run: () => statusTrend(bench.db, coordinator, statusTrendQuerySchema.parse({})) },
    {
      name: 'trend, 20 quarters',
      run: () => statusTrend(bench.db, coordinator, statusTrendQuerySchema.parse({ interval: 'quarter', periods: 20 })),
    },
    {
      name: 'trend, 60 months, UPR 2012–2020',
      run: () => statusTrend(bench.db, coordinator, statusTrendQuerySchema.parse({ periods: 60, ...filtered })),
    },
    {
      name: 'trend, 12 months, focal point',
      run: () => statusTrend(bench.db, focal, statusTrendQuerySchema.parse({})),
    },
  ];
  const rows: (string | number)[][] = [];
  const all: number[] = [];
  const allHits: number[] = [];
  // The app builds the search index at start-up (main.ts); the breakdowns count from it.
  const warmed = await timed(() => warmSearchIndex(bench.db));
  const statuses = (
    await bench.db.selectFrom('taxonomy_terms').select('code').where('taxonomy', '=', 'status').execute()
  ).map((row) => row.code);
  // After a write: one status change as the register records it (the row, logged for the index,
  // and its history row), so the cache (dashboards.cache.ts) holds nothing and the index has a
  // row to catch up; cached: the same view opened again within the generation.
  let writes = 0;
  const statusChange = () =>
    bench.db.transaction().execute(async (trx) => {
      writes++;
      const seq = 1 + ((writes * 7919) % size);
      const status = statuses[writes % statuses.length] as string;
      const { rows: changed } = await sql<{ id: string; previous: string }>`
        update recommendations r set status = ${status}, updated_at = now()
        from (select id, status from recommendations where seq >= ${seq} order by seq limit 1 for update) o
        where r.id = o.id returning r.id, o.status as previous`.execute(trx);
      for (const row of changed)
        await sql`insert into recommendation_status_history (recommendation_id, status, previous_status, changed_at)
          values (${row.id}, ${status}, ${row.previous}, now())`.execute(trx);
    });
  const before = maintenanceOf(bench.db);
  for (const entry of cases) {
    await entry.run();
    const times: number[] = [];
    for (let n = 0; n < options.repeat; n++) {
      await statusChange();
      times.push((await timed(entry.run)).ms);
    }
    const hits: number[] = [];
    for (let n = 0; n < options.repeat; n++) hits.push((await timed(entry.run)).ms);
    times.sort((a, b) => a - b);
    hits.sort((a, b) => a - b);
    all.push(...times);
    allHits.push(...hits);
    rows.push([
      entry.name,
      times.length,
      ms(percentile(times, 50)),
      ms(percentile(times, 95)),
      ms(times.at(-1) ?? 0),
      ms(percentile(hits, 50)),
      ms(percentile(hits, 95)),
    ]);
    log(
      `  dashboards: ${entry.name}: after a write p50 ${ms(percentile(times, 50))} ms, cached ${ms(percentile(hits, 50))} ms`,
    );
  }
  const after = maintenanceOf(bench.db);
  all.sort((a, b) => a - b);
  allHits.sort((a, b) => a - b);
  const breakdowns = rows.filter((row) => String(row[0]).startsWith('status by'));
  const load = await import('node:os').then((os) =>
    os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
  );
  return {
    tables: [
      {
        title: `Dashboards at ${int(size)} recommendations — ${bench.kind}`,
        headers: [
          'query',
          'runs',
          'first view after a write p50 ms',
          'p95 ms',
          'max ms',
          'cached p50 ms',
          'cached p95 ms',
        ],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
        rows: [
          ...rows,
          [
            '**all**',
            all.length,
            ms(percentile(all, 50)),
            ms(percentile(all, 95)),
            ms(all.at(-1) ?? 0),
            ms(percentile(allHits, 50)),
            ms(percentile(allHits, 95)),
          ],
        ],
        notes: [
          `Wall time of the service call (counts, labels, presenting), one call at a time, after one warm-up run each; ` +
            `"first view after a write" right after one status change (its row and history row, in one transaction), ` +
            `"cached" the same view again. The status breakdowns (${breakdowns.length} rows "status by …") count from ` +
            `the search index, caught up from the change log first (decision 026); the trend and the overdue list ` +
            `are SQL (the overdue list is never cached). Search index built in ${int(warmed.ms)} ms before the runs; ` +
            `${int(after.patches - before.patches)} catch-ups patched ${int(after.patchedRows - before.patchedRows)} rows ` +
            `(read ${ms(after.readMs - before.readMs)} ms, patch ${ms(after.patchMs - before.patchMs)} ms in all), ` +
            `${after.rebuilds - before.rebuilds} rebuilds during the runs. ` +
            `Data: ${int(added.result.history)} status changes and ${int(added.result.assignments)} assignments ` +
            `(460 entities, due dates over three years) added in ${Math.round(added.ms / 1000)} s. ` +
            `Load average (1/5/15 min) at the end: ${load}.`,
        ],
      },
    ],
  };
}
