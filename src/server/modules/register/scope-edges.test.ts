import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCluster, makeEntity } from '../../../../tests/factories';
import { coordinator, type Person, people, rec, setUpMiniatureState, test } from '../calls/calls.fixture';

// Decision 020 (docs/decisions/020-scope-at-the-edges.md) on the miniature State's real
// recommendations: A → Labour; B → Labour and Education; C → Education; D → Region; E → nobody.
setUpMiniatureState();

const who = (name: string) => (people[name] as Person).client;
const json = async (name: string | 'coordinator', url: string) => {
  const response = await (name === 'coordinator' ? coordinator : who(name)).request('GET', url);
  expect(response.statusCode, `${name} ${url}: ${response.body}`).toBe(200);
  return response.json();
};

let indicatorId: string;
let secret: { id: string };
let mixed: { id: string };

beforeAll(async () => {
  const { db } = test.handle;
  const owner = await makeEntity(db, { name: 'Statistical office' });
  const indicator = await db
    .insertInto('indicators')
    .values({
      code: 'SCOPE-1',
      title: 'Share of children in inclusive schools',
      type: 'outcome',
      unit: '%',
      frequency: 'annual',
      owner_entity_id: owner.id,
      dimensions: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  indicatorId = indicator.id;
  await db
    .insertInto('indicator_recommendations')
    .values([rec.A, rec.E].map((recommendation_id) => ({ indicator_id: indicatorId, recommendation_id })))
    .execute();
  secret = await makeCluster(db, [rec.E], 'Unassigned follow-up');
  mixed = await makeCluster(db, [rec.A, rec.E], 'Labour and the rest');
});

describe('decision 020: scope at the edges', () => {
  it('indicator detail names only the linked recommendations within the scope', async () => {
    const labour = await json('labour main', `/api/indicators/${indicatorId}`);
    expect(labour.recommendationIds).toEqual([rec.A]);
    expect(labour.recommendations.map((r: { id: string }) => r.id)).toEqual([rec.A]);
    expect(JSON.stringify(labour)).not.toContain(rec.E);
    const whole = await json('coordinator', `/api/indicators/${indicatorId}`);
    expect([...whole.recommendationIds].sort()).toEqual([rec.A, rec.E].sort());
  });

  it('filtering by an out-of-scope recommendation answers as for an unknown one (no existence oracle)', async () => {
    const byE = await json('labour main', `/api/indicators?recommendationId=${rec.E}`);
    const byUnknown = await json('labour main', `/api/indicators?recommendationId=${randomUUID()}`);
    expect(byE).toEqual(byUnknown);
    expect(byE.total).toBe(0);
    expect((await json('labour main', `/api/indicators?recommendationId=${rec.A}`)).total).toBe(1);
    expect((await json('coordinator', `/api/indicators?recommendationId=${rec.E}`)).total).toBe(1);
    expect((await json('viewer', `/api/indicators?recommendationId=${rec.E}`)).total).toBe(1);
  });

  it('reviews count recommendations within the scope', async () => {
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const countsOf = async (name: string) => {
      const list = await json(name, '/api/reviews');
      const review = list.items[0] as { id: string; statusCounts: Record<string, number> };
      const detail = await json(name, `/api/reviews/${review.id}`);
      expect(detail.statusCounts).toEqual(review.statusCounts);
      return sum(review.statusCounts);
    };
    expect(await countsOf('labour main')).toBe(2); // A and B
    expect(await countsOf('region main')).toBe(1); // D
    const all = await test.handle.db
      .selectFrom('recommendations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await countsOf('viewer')).toBe(Number(all.n));
  });

  it('clusters: seen only with a member within the scope, sized within it', async () => {
    const labour = await json('labour main', '/api/clusters?pageSize=100');
    const names = labour.items.map((c: { name: string }) => c.name);
    expect(names).not.toContain('Unassigned follow-up');
    expect(labour.items.find((c: { id: string }) => c.id === mixed.id)?.size).toBe(1);
    expect((await who('labour main').request('GET', `/api/clusters/${secret.id}`)).statusCode).toBe(404);
    expect((await json('labour main', `/api/clusters/${mixed.id}`)).size).toBe(1);
    expect((await json('coordinator', `/api/clusters/${mixed.id}`)).size).toBe(2);
    expect((await json('viewer', `/api/clusters/${secret.id}`)).name).toBe('Unassigned follow-up');
  });
});
