import fc from 'fast-check';
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeEntity, makeRecommendations, makeReview } from '../../../../tests/factories';
import { dashboardDimensions, type StatusBreakdownQuery } from '../../../shared/schemas/dashboards';
import { type FacetName, facetNames, type RecommendationSearch } from '../../../shared/schemas/register';
import type { Database, DatabaseHandle } from '../../db/database';
import type { Scope } from '../assignments/scope';
import { breakdownFromIndex } from '../dashboards/dashboards.indexed';
import { countByDimension, countRecommendations, recommendationFilter } from '../dashboards/dashboards.repo';
import {
  type Filters,
  type IndexedSearch,
  maintenanceOf,
  readRegisterGeneration,
  type SearchIndex,
  searchIndexed,
  searchIndexFor,
  warmSearchIndex,
} from '../search';
import { countFacet, countMatches, findPage } from './search.repo';

/**
 * Issue 15, part 5: random sequences of writes (status changes, batch edits, assignments,
 * clusters, terms added and removed, imports, deletions, text edits, a body's mechanism); after
 * each, the index patched from the change log must answer random searches exactly as a fresh
 * rebuild and as the SQL path do, for the whole register and within random scopes. Part 4: the
 * dashboards' status breakdowns counted from that index equal the SQL ones, for every dimension,
 * within each role's scope (everything for a coordinator; a focal point's entities, maybe none).
 * PROPERTY_RUNS=200 for a longer run (a few runs by default, to stay within `npm test`).
 */
const runs = Number(process.env.PROPERTY_RUNS ?? 4);
const words = ['women', 'girls', 'housing', 'education', 'torture', 'police', 'children', 'rights', 'violence'];
const statuses = ['not_started', 'in_progress', 'implemented'];
const positions = ['supported', 'noted', 'pending'] as const;
const states = ['FR', 'DE', 'BR'];
const mechanisms = ['upr', 'treaty_body', 'special_procedure', 'other'] as const;

let handle: DatabaseHandle;
let db: Database;
/** Another handle on the same database: its own index store, rebuilt from scratch when asked. */
let fresh: Database;
let entities: string[] = [];
let clusters: string[] = [];
let reviews: { id: string; body_code: string; cycle: number | null }[] = [];
let bodies: string[] = [];

const pick = <T>(values: readonly T[], n: number) => values[n % values.length] as T;
const sentence = (seed: number) =>
  Array.from({ length: 3 + (seed % 5) }, (_, i) => pick(words, seed * 7 + i * (seed % 3 === 0 ? 1 : 3))).join(' ');
const some = <T>(values: readonly T[], mask: number) => values.filter((_, i) => (mask >> i) & 1);

async function seqs(): Promise<number[]> {
  return (await db.selectFrom('recommendations').select('seq').orderBy('seq').execute()).map((row) => row.seq);
}

function rowsOf(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => ({
    number: String(1000 + seed * 10 + i),
    number_sort: [1000 + seed * 10 + i],
    text_en: sentence(seed + i),
    ...(i % 3 === 0 ? { text_fr: 'les droits des femmes et des filles' } : {}),
    status: pick(statuses, seed + i),
    position: (seed + i) % 4 === 3 ? null : pick(positions, seed + i),
    theme_ids: some([1, 2, 3, 4], seed + i),
    affected_ids: some([7, 8], seed + i),
    sdg_goals: some([4, 5, 16], seed + 2 * i),
    sdg_targets: some(['4.1', '5.2'], seed + i),
    recommending_states: some(states, seed + 3 * i),
  }));
}

type Write = { kind: string; a: number; b: number; c: number };
const write: fc.Arbitrary<Write> = fc.record({
  kind: fc.constantFrom(
    'status',
    'batch',
    'assign',
    'unassign',
    'termAdd',
    'termRemove',
    'import',
    'delete',
    'text',
    'cluster',
    'mechanism',
    'levels',
    'kind',
  ),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
});

async function apply({ kind, a, b, c }: Write): Promise<void> {
  const all = await seqs();
  const seq = all.length ? pick(all, a) : -1;
  switch (kind) {
    case 'status':
      await sql`update recommendations set status = ${pick(statuses, b)}, updated_at = now() where seq = ${seq}`.execute(
        db,
      );
      return;
    case 'batch': {
      const chosen = all.filter((_, i) => (i + a) % (2 + (b % 4)) === 0);
      await sql`update recommendations set status = ${pick(statuses, c)}, position = ${pick(positions, b)},
        theme_ids = ${`{${some([1, 2, 3, 4, 5], c).join(',')}}`}::int[], updated_at = now()
        where seq = any(${chosen}::int[])`.execute(db);
      return;
    }
    case 'assign':
      await sql`insert into assignments (recommendation_id, entity_id, role)
        select id, ${pick(entities, b)}, 'lead' from recommendations where seq = ${seq}
        on conflict do nothing`.execute(db);
      return;
    case 'unassign':
      await sql`delete from assignments where id = (select id from assignments order by id offset ${b % 5} limit 1)`.execute(
        db,
      );
      return;
    case 'termAdd':
      await sql`update recommendations set theme_ids = array_append(theme_ids, ${1 + (b % 6)}::int)
        where seq = ${seq} and not (${1 + (b % 6)}::int = any(theme_ids))`.execute(db);
      return;
    case 'termRemove':
      // An admin removing a term from every recommendation.
      await sql`update recommendations set theme_ids = array_remove(theme_ids, ${1 + (b % 6)}::int)
        where ${1 + (b % 6)}::int = any(theme_ids)`.execute(db);
      return;
    case 'import':
      await db.transaction().execute(async (trx) => {
        const created = await makeRecommendations(trx as unknown as Database, pick(reviews, b), rowsOf(1 + (c % 6), a));
        if (created[0] && b % 2 === 0)
          await trx
            .insertInto('assignments')
            .values({ recommendation_id: created[0].id, entity_id: pick(entities, c), role: 'lead' })
            .execute();
      });
      return;
    case 'delete':
      await sql`delete from recommendations where seq = ${seq}`.execute(db);
      return;
    case 'text':
      await sql`update recommendations set text_en = ${sentence(b)}, updated_at = now() where seq = ${seq}`.execute(db);
      return;
    case 'cluster':
      if (b % 2 === 0) await sql`delete from cluster_members where cluster_id = ${pick(clusters, c)}`.execute(db);
      else
        await sql`insert into cluster_members (cluster_id, recommendation_id)
          select ${pick(clusters, c)}, id from recommendations where seq = ${seq} on conflict do nothing`.execute(db);
      return;
    case 'mechanism':
      await sql`update bodies set mechanism = ${pick(mechanisms, b)} where code = ${pick(bodies, c)}`.execute(db);
      return;
    case 'levels':
      await sql`update recommendations set local_levels = ${`{${some([1, 2, 3], b).join(',')}}`}::smallint[]
        where seq = ${seq}`.execute(db);
      return;
    case 'kind':
      // An entity becoming an LRG, or no longer one: the breakdown by LRG follows it.
      await sql`update entities set kind = case when kind = 'lrg' then 'agency' else 'lrg' end,
        lrg_level = case when kind = 'lrg' then null else 1 + ${b % 2} end
        where id = ${pick(entities, c)}`.execute(db);
      return;
  }
}

type Query = { q?: string; filters: Filters; scope: string[] | null; sort: IndexedSearch['sort'] };
const queryOf = (n: number[]): Query => {
  const [q, f1, f2, f3, scope, sort] = n as [number, number, number, number, number, number];
  const filters: Filters = {};
  if (f1 % 3 === 1) filters.status = [pick(statuses, f2)];
  if (f1 % 4 === 2) filters.theme = [String(1 + (f3 % 5))];
  if (f2 % 4 === 1) filters.entity = [pick(entities, f3)];
  if (f2 % 5 === 2) filters.body = [pick(bodies, f1)];
  if (f3 % 6 === 1) filters.mechanism = [pick(mechanisms, f1)];
  if (f3 % 7 === 3) filters.cluster = [pick(clusters, f2)];
  if (f1 % 5 === 4) filters.state = [pick(states, f3)];
  return {
    q: [undefined, 'women', 'housing or police', 'children -torture', '"women and girls"', 'droits'][q % 6],
    filters,
    scope: scope % 3 === 0 ? some(entities, scope >> 2) : null,
    sort: pick(['relevance', 'number', 'newest', 'updated'] as const, sort),
  };
};

/** A dashboards query: a dimension, a limit and some of the shared filters. */
const dashboardQueryOf = (n: number[]): StatusBreakdownQuery => {
  const [dimension, limit, f1, f2, f3] = n as [number, number, number, number, number];
  return {
    dimension: pick(dashboardDimensions, dimension),
    limit: 1 + (limit % 4),
    ...(f1 % 4 === 1 ? { body: pick(bodies, f2) } : {}),
    ...(f1 % 5 === 2 ? { cycle: 1 + (f3 % 3) } : {}),
    ...(f2 % 4 === 1 ? { entity: pick(entities, f3) } : {}),
    ...(f3 % 4 === 1 ? { from: pick(['2012-01-01', '2016-05-10', '2030-01-01'], f1) } : {}),
    ...(f3 % 5 === 2 ? { to: pick(['2016-05-09', '2021-12-31'], f2) } : {}),
  };
};

/** A coordinator's scope (everything), and focal points' seated entities (one, two, none). */
const roleScopes = (mask: number): Scope[] => [
  { all: true },
  { all: false, entityIds: some(entities, 1 + (mask % 7)) },
  { all: false, entityIds: [] },
];

/** Cells by rank, then status: the SQL orders statuses by the database's collation. */
const inOrder = (cells: Awaited<ReturnType<typeof countByDimension>>) =>
  [...cells].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || (a.status < b.status ? -1 : 1),
  );

async function compareDashboards(index: SearchIndex, queries: StatusBreakdownQuery[]): Promise<void> {
  for (const query of queries)
    for (const scope of roleScopes(query.limit + (query.cycle ?? 0)))
      for (const dimension of dashboardDimensions) {
        const asked = { ...query, dimension };
        const [cells, total] = await breakdownFromIndex(db, index, asked, scope);
        const where = recommendationFilter(asked, scope);
        const label = `${JSON.stringify(asked)} ${JSON.stringify(scope)}`;
        expect(inOrder(cells), label).toEqual(inOrder(await countByDimension(db, dimension, where, asked.limit)));
        expect(total, label).toBe(await countRecommendations(db, where));
      }
}

const byCount = (facet: { value: string; count: number }[]) =>
  [...facet].sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));

async function compare(queries: Query[], dashboards: StatusBreakdownQuery[]): Promise<void> {
  const generation = await readRegisterGeneration(db);
  const patched = await searchIndexFor(db, generation);
  expect(patched?.generation, 'the patched index answers (never SQL)').toBeGreaterThanOrEqual(generation);
  const rebuilt = await warmSearchIndex(fresh);
  if (!patched || !rebuilt) throw new Error('no index');
  await compareDashboards(patched, dashboards);
  const { rows } = await sql<{ code: string; mechanism: string }>`select code, mechanism from bodies`.execute(db);
  for (const query of queries) {
    const search: IndexedSearch = { ...query, offset: 0, limit: 500 };
    const none = async () => null;
    const mine = await searchIndexed(db, patched, search, none);
    const theirs = await searchIndexed(fresh, rebuilt, search, none);
    expect(mine, JSON.stringify(query)).toEqual(theirs);
    // The SQL path: the same rows, counts and (but for relevance, ranked differently) order.
    const asked = {
      ...query.filters,
      q: query.q,
      sort: query.sort,
      page: 1,
      pageSize: 500,
    } as unknown as RecommendationSearch;
    const mechanismBodies = query.filters.mechanism
      ? rows.filter((row) => query.filters.mechanism?.includes(row.mechanism)).map((row) => row.code)
      : undefined;
    const scope = query.scope ? { all: false as const, entityIds: query.scope } : { all: true as const };
    expect(await countMatches(db, asked, mechanismBodies, scope), JSON.stringify(query)).toBe(mine.total);
    for (const facet of facetNames.filter((name): name is FacetName => name !== 'mechanism')) {
      const counted = await countFacet(db, asked, facet, mechanismBodies, scope);
      expect(byCount(counted), `${facet} ${JSON.stringify(query)}`).toEqual(byCount(mine.facets[facet]));
    }
    if (query.sort !== 'relevance' || !query.q) {
      const page = await findPage(db, asked, 'en', mechanismBodies, scope);
      expect(
        page.map((row) => row.seq),
        JSON.stringify(query),
      ).toEqual(mine.seqs);
    }
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  fresh = db.withoutPlugins();
  bodies = (await db.selectFrom('bodies').select('code').orderBy('code').limit(3).execute()).map((row) => row.code);
  const dates = ['2012-03-01', '2016-05-10', '2021-09-20'];
  reviews = await Promise.all(
    bodies.map((body_code, i) => makeReview(db, { body_code, cycle: i + 1, review_date: dates[i] })),
  );
  entities = await Promise.all(
    (['ministry', 'lrg', 'lrg'] as const).map(async (kind) => (await makeEntity(db, { kind })).id),
  );
  clusters = await Promise.all(
    [0, 1].map(
      async (i) =>
        (
          await db
            .insertInto('clusters')
            .values({ name: `C${i}` })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    ),
  );
  for (const [i, review] of reviews.entries()) await makeRecommendations(db, review, rowsOf(12, i * 5));
  await warmSearchIndex(db);
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe('the search index patched from the change log', () => {
  it('answers as a fresh rebuild and as SQL after every write', async () => {
    const query = fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }).map(queryOf);
    const dashboard = fc.array(fc.nat(1000), { minLength: 5, maxLength: 5 }).map(dashboardQueryOf);
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 6 }),
        fc.array(query, { minLength: 3, maxLength: 3 }),
        fc.array(dashboard, { minLength: 2, maxLength: 2 }),
        async (writes, queries, dashboards) => {
          for (const each of writes) {
            await apply(each);
            await compare(queries, dashboards);
          }
        },
      ),
      { numRuns: runs },
    );
    expect(maintenanceOf(db).patches).toBeGreaterThan(0);
  }, 600_000);

  it('catches up after a write that changed nothing it holds in one statement, without a transaction', async () => {
    const statements: string[] = [];
    const counter: KyselyPlugin = {
      transformQuery: ({ node }) => {
        statements.push(node.kind);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const counted = db.withPlugin(counter);
    await warmSearchIndex(counted);
    const lrg = pick(entities, 1);
    // An LRG's level moves the register generation (migration 0022) but logs no recommendation.
    await sql`update entities set kind = 'lrg', lrg_level = case when lrg_level = 1 then 2 else 1 end
      where id = ${lrg}`.execute(db);
    const generation = await readRegisterGeneration(db);
    const transactions = vi.spyOn(counted, 'transaction');
    statements.length = 0;
    const index = await searchIndexFor(counted, generation);
    expect(index?.generation).toBe(generation);
    expect(statements).toHaveLength(1);
    expect(transactions).not.toHaveBeenCalled();
    // A write the index holds still reads its rows in one snapshot.
    await sql`update recommendations set status = 'implemented' where seq = (select min(seq) from recommendations)`.execute(
      db,
    );
    await searchIndexFor(counted, await readRegisterGeneration(db));
    expect(transactions).toHaveBeenCalledTimes(1);
  });
});
