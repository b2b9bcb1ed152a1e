import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeEntity, makeRecommendations, makeReview, makeUser, seatPerson } from '../../../../tests/factories';
import type { SearchResult } from '../../../shared/schemas/register';
import { type Database, type DatabaseHandle, openDatabase } from '../../db/database';
import type { Actor } from '../../http/context';
import { maintenanceOf } from '../search';
import { searchRecommendations } from './search.service';

/**
 * Issue 15, part 3: two app nodes on one database, each with its own in-memory index, each see
 * the other's writes on their next search, with exact facet counts, in and out of a scope. On
 * PostgreSQL the nodes are two pools (two processes' worth of connections); PGlite has one
 * process, so there the second node is a second handle on the same database in this process.
 */
let handle: DatabaseHandle;
let second: DatabaseHandle | null = null;
let nodeA: Database;
let nodeB: Database;
let coordinator: Actor;
let focalPoint: Actor;
let ministry: string;

const actorOf = (user: Awaited<ReturnType<typeof makeUser>>): Actor => ({
  user: {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: 'en',
    organisation: user.organisation,
    version: user.version,
  },
  sessionId: null,
  requestId: 'test',
  ip: null,
  locale: 'en',
});

const search = (db: Database, actor: Actor, query: Partial<Parameters<typeof searchRecommendations>[2]> = {}) =>
  searchRecommendations(db, actor, { page: 1, pageSize: 25, sort: 'number', ...query } as never);

const statusCounts = (result: SearchResult) =>
  Object.fromEntries(result.facets.status?.map((facet) => [facet.value, facet.count]) ?? []);

beforeAll(async () => {
  handle = await createTestDatabase();
  nodeA = handle.db;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(nodeA);
    const url = new URL(serverUrl);
    url.pathname = `/${rows[0]?.name}`;
    second = await openDatabase({ url: url.toString() });
    nodeB = second.db;
  } else nodeB = nodeA.withoutPlugins();
  const review = await makeReview(nodeA);
  const rows = await makeRecommendations(
    nodeA,
    review,
    Array.from({ length: 40 }, (_, i) => ({ text_en: `Protect the rights of women and girls, item ${i}` })),
  );
  ministry = (await makeEntity(nodeA)).id;
  await nodeA
    .insertInto('assignments')
    .values(rows.slice(0, 10).map((row) => ({ recommendation_id: row.id, entity_id: ministry, role: 'lead' as const })))
    .execute();
  coordinator = actorOf(await makeUser(nodeA, { role: 'coordinator' }));
  const person = await makeUser(nodeA, { role: 'focal_point' });
  await seatPerson(nodeA, ministry, person.id, 'main');
  focalPoint = actorOf(person);
}, 120_000);

afterAll(async () => {
  await second?.close();
  await handle?.close();
});

describe('two app nodes on one database', () => {
  // Not a timed assertion (speed is the benchmark's): the first search after the commit, with no
  // waiting or polling, must already see the write, which is within any bound on visibility.
  it("each sees the other's writes on its very next search, with exact counts", async () => {
    // Both nodes hold an index.
    expect((await search(nodeA, coordinator)).total).toBe(40);
    expect((await search(nodeB, coordinator)).total).toBe(40);
    expect((await search(nodeB, focalPoint)).total).toBe(10);

    // Node A changes statuses (one inside the focal point's scope) and assigns one more row.
    await sql`update recommendations set status = 'in_progress', updated_at = now()
      where seq in (select seq from recommendations order by seq limit 3)`.execute(nodeA);
    await sql`insert into assignments (recommendation_id, entity_id, role)
      select id, ${ministry}, 'lead' from recommendations order by seq desc limit 1`.execute(nodeA);

    // Node B's very next searches see both, counted exactly.
    const all = await search(nodeB, coordinator, { status: ['in_progress'] });
    const mine = await search(nodeB, focalPoint);
    expect(all.total).toBe(3);
    expect(statusCounts(all)).toEqual({ in_progress: 3, not_started: 37 });
    expect(mine.total).toBe(11);
    expect(statusCounts(mine)).toEqual({ in_progress: 3, not_started: 8 });
    expect(maintenanceOf(nodeB).patches).toBeGreaterThan(0);

    // And back: node B deletes a row and edits a text; node A sees both.
    await sql`delete from recommendations where seq = (select max(seq) from recommendations)`.execute(nodeB);
    await sql`update recommendations set text_en = 'Abolish torture in police custody'
      where seq = (select min(seq) from recommendations)`.execute(nodeB);
    const back = await search(nodeA, coordinator, { q: 'torture' });
    expect(back.total).toBe(1);
    expect((await search(nodeA, focalPoint)).total).toBe(10);
    expect(statusCounts(await search(nodeA, coordinator))).toEqual({ in_progress: 3, not_started: 36 });
    expect(maintenanceOf(nodeA).patches).toBeGreaterThan(0);
  });
});
