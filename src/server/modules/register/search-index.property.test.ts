import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeEntity, makeRecommendations, makeReview } from '../../../../tests/factories';
import { type FacetName, facetNames, type RecommendationSearch } from '../../../shared/schemas/register';
import type { Database, DatabaseHandle } from '../../db/database';
import {
  type Filters,
  type IndexedSearch,
  maintenanceOf,
  readRegisterGeneration,
  searchIndexed,
  searchIndexFor,
  warmSearchIndex,
} from '../search';
import { countFacet, countMatches, findPage } from './search.repo';

/**
 * Issue 15, part 5: random sequences of writes (status changes, batch edits, assignments,
 * clusters, terms added and removed, imports, deletions, text edits, a body's mechanism); after
 * each, the index patched from the change log must answer random searches exactly as a fresh
 * rebuild and as the SQL path do, for the whole register and within random scopes.
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
let reviews: { id: string; body_code: string }[] = [];
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

const byCount = (facet: { value: string; count: number }[]) =>
  [...facet].sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));

async function compare(queries: Query[]): Promise<void> {
  const generation = await readRegisterGeneration(db);
  const patched = await searchIndexFor(db, generation);
  expect(patched?.generation, 'the patched index answers (never SQL)').toBeGreaterThanOrEqual(generation);
  const rebuilt = await warmSearchIndex(fresh);
  if (!patched || !rebuilt) throw new Error('no index');
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
  reviews = await Promise.all(bodies.map((body_code) => makeReview(db, { body_code })));
  entities = await Promise.all([0, 1, 2].map(async () => (await makeEntity(db)).id));
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
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 6 }),
        fc.array(query, { minLength: 3, maxLength: 3 }),
        async (writes, queries) => {
          for (const each of writes) {
            await apply(each);
            await compare(queries);
          }
        },
      ),
      { numRuns: runs },
    );
    expect(maintenanceOf(db).patches).toBeGreaterThan(0);
  }, 600_000);
});
