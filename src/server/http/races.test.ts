import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../tests/app';
import {
  makeAssignment,
  makeEntity,
  makeRecommendations,
  makeReview,
  makeStateProfile,
} from '../../../tests/factories';

// Issue 14 part 6: identical requests at once. Saved views gave 500 in 9 of 50 and delegations in
// 2 of 50 (the unique key broke past the service's check); 50 identical entity creations made 50
// entities. Each case: 50 identical requests at once → exactly one 201, 49 × 409 naming the field,
// and one row stored. On PGlite the transactions queue, so the service's check answers; on
// PostgreSQL (TEST_DATABASE_URL) they really race and the unique key answers, the same way.

let test: TestApp;
let admin: Client;
let coordinator: Client;
const times = 50;

beforeAll(async () => {
  test = await createTestApp();
  admin = await signInNew(test, 'admin');
  coordinator = await signInNew(test, 'coordinator');
  await makeStateProfile(test.handle.db, ['Region', 'Municipality']);
}, 60_000);
afterAll(() => test.close());

async function race(client: Client, url: string, body: unknown) {
  const responses = await Promise.all(Array.from({ length: times }, () => client.request('POST', url, body)));
  const statuses = responses.map((response) => response.statusCode);
  const refusals = responses.filter((response) => response.statusCode === 409);
  return {
    created: statuses.filter((status) => status === 201).length,
    conflicts: refusals.length,
    others: statuses.filter((status) => status !== 201 && status !== 409),
    paths: new Set(refusals.map((response) => response.json().error.issues[0]?.path)),
  };
}

describe('fifty identical requests at once', () => {
  it('saved views: one created, the others 409 on name', async () => {
    const outcome = await race(admin, '/api/saved-views', { name: 'Housing, pending', query: { q: 'housing' } });
    expect(outcome).toEqual({ created: 1, conflicts: times - 1, others: [], paths: new Set(['name']) });
    const rows = await test.handle.db.selectFrom('saved_views').where('name', '=', 'Housing, pending').execute();
    expect(rows).toHaveLength(1);
  });

  it('delegations: one created, the others 409 on entityId', async () => {
    const db = test.handle.db;
    const ministry = await makeEntity(db);
    const region = await makeEntity(db, { kind: 'lrg', lrg_level: 1 });
    const [recommendation] = await makeRecommendations(db, await makeReview(db));
    const held = await makeAssignment(db, recommendation?.id ?? '', ministry.id);
    const outcome = await race(coordinator, `/api/assignments/${held.id}/delegations`, { entityId: region.id });
    expect(outcome).toEqual({ created: 1, conflicts: times - 1, others: [], paths: new Set(['entityId']) });
    const rows = await db.selectFrom('assignments').where('delegated_from', '=', held.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('entities (same kind, name whatever the case, parent): one created, the others 409 on name', async () => {
    const db = test.handle.db;
    const parent = await makeEntity(db, { kind: 'lrg', lrg_level: 1 });
    const body = { kind: 'lrg', name: 'Občina Piran', lrgLevel: 2, parentId: parent.id };
    const outcome = await race(admin, '/api/entities', body);
    expect(outcome).toEqual({ created: 1, conflicts: times - 1, others: [], paths: new Set(['name']) });
    // The same name in another case or with spaces around is the same entity; under another parent it is not.
    const again = await admin.request('POST', '/api/entities', { ...body, name: '  OBČINA PIRAN ' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0]).toMatchObject({ path: 'name', message: 'issues.entity.nameTaken' });
    const elsewhere = await makeEntity(db, { kind: 'lrg', lrg_level: 1 });
    expect((await admin.request('POST', '/api/entities', { ...body, parentId: elsewhere.id })).statusCode).toBe(201);
    const rows = await db.selectFrom('entities').where('parent_id', '=', parent.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('clusters: one created, the others 409 on name', async () => {
    const outcome = await race(admin, '/api/clusters', { name: 'Roma inclusion' });
    expect(outcome).toEqual({ created: 1, conflicts: times - 1, others: [], paths: new Set(['name']) });
  });
});
