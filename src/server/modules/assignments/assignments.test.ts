import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { seatPerson } from '../../../../tests/factories';
import { readFixture } from '../../../../tests/fixtures';
import type { Role } from '../../../shared/schemas/identity';
import { systemActor } from '../../http/context';
import { insertEntities } from '../entities/entities.repo';
import { importTrustedFile } from '../imports/imports.service';

// A State in miniature: two ministries, two regions with a municipality each, and civil society.
let test: TestApp;
const entity: Record<'M1' | 'M2' | 'R1' | 'R2' | 'L1' | 'L2' | 'CSO', string> = {} as never;
const rec: Record<'A' | 'B' | 'C', string> = {} as never;
const people = new Map<string, Client>();
let coordinator: Client;

async function person(name: string, role: Role, entityKey?: keyof typeof entity, seatRole: 'main' | 'member' = 'main') {
  const client = await signInNew(test, role);
  if (entityKey) await seatPerson(test.handle.db, entity[entityKey], client.userId, seatRole);
  people.set(name, client);
  return client;
}

const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  const [m1, m2, cso] = await insertEntities(db, [
    { kind: 'ministry', name: 'Ministry of Labour' },
    { kind: 'ministry', name: 'Ministry of Education' },
    { kind: 'cso', name: 'Legal Centre for NGOs' },
  ]);
  const [r1, r2] = await insertEntities(db, [
    { kind: 'lrg', name: 'Region North', lrg_level: 1 },
    { kind: 'lrg', name: 'Region South', lrg_level: 1 },
  ]);
  const [l1, l2] = await insertEntities(db, [
    { kind: 'lrg', name: 'Town in the North', lrg_level: 2, parent_id: r1?.id ?? null },
    { kind: 'lrg', name: 'Town in the South', lrg_level: 2, parent_id: r2?.id ?? null },
  ]);
  Object.assign(entity, { M1: m1?.id, M2: m2?.id, CSO: cso?.id, R1: r1?.id, R2: r2?.id, L1: l1?.id, L2: l2?.id });
  // Real recommendations: Slovenia's cycle 2 UPR thematic list (OHCHR).
  const data = readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
  await importTrustedFile(db, systemActor('test'), 'slovenia-upr-cycle2-thematic-list.docx', data);
  const ids = await db.selectFrom('recommendations').select('id').orderBy('number_sort').limit(3).execute();
  Object.assign(rec, { A: ids[0]?.id, B: ids[1]?.id, C: ids[2]?.id });

  coordinator = await person('coordinator', 'coordinator');
  await person('admin', 'admin');
  await person('viewer', 'viewer');
  await person('stakeholder', 'stakeholder', 'CSO', 'member');
  await person('focal M1', 'focal_point', 'M1');
  await person('focal R1', 'focal_point', 'R1');
  await person('focal L1', 'focal_point', 'L1');
  await person('validator M2', 'validator', 'M2');
  await person('contributor L2', 'contributor', 'L2', 'member');

  // A: lead Ministry of Labour, delegated to Region North. B: Ministry of Education. C: nobody.
  for (const [id, entityId] of [
    [rec.A, entity.M1],
    [rec.B, entity.M2],
  ] as const) {
    const response = await coordinator.request('POST', '/api/assignments', {
      recommendationIds: [id],
      entityId,
      role: 'lead',
      dueDate: nextYear,
    });
    expect(response.statusCode, response.body).toBe(200);
  }
  const delegated = await people
    .get('focal M1')
    ?.request('POST', `/api/assignments/${await assignmentId(rec.A, entity.M1)}/delegations`, {
      entityId: entity.R1,
    });
  expect(delegated?.statusCode, delegated?.body).toBe(201);
}, 120_000);
afterAll(() => test.close());

async function assignmentId(recommendationId: string, entityId: string): Promise<string> {
  const row = await test.handle.db
    .selectFrom('assignments')
    .select('id')
    .where('recommendation_id', '=', recommendationId)
    .where('entity_id', '=', entityId)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('access follows assignment (role × entity × action, through HTTP)', () => {
  // What each person sees of A (Labour → Region North), B (Education) and C (unassigned).
  const sees: Record<string, ('A' | 'B' | 'C')[]> = {
    coordinator: ['A', 'B', 'C'],
    admin: ['A', 'B', 'C'],
    viewer: ['A', 'B', 'C'],
    stakeholder: ['A', 'B', 'C'],
    'focal M1': ['A'],
    'focal R1': ['A'],
    'focal L1': [],
    'validator M2': ['B'],
    'contributor L2': [],
  };

  it.each(Object.entries(sees))(
    '%s finds in search, opens and reads assignments of exactly %j',
    async (name, visible) => {
      const client = people.get(name) as Client;
      const found = await client.request('GET', '/api/recommendations?pageSize=200&sort=number');
      expect(found.statusCode).toBe(200);
      const ids = new Set(found.json().items.map((item: { id: string }) => item.id));
      for (const key of ['A', 'B', 'C'] as const) {
        const expected = visible.includes(key);
        expect(ids.has(rec[key]), `${name} search ${key}`).toBe(expected);
        const page = await client.request('GET', `/api/recommendations/${rec[key]}`);
        expect(page.statusCode, `${name} page ${key}`).toBe(expected ? 200 : 404);
        const assignments = await client.request('GET', `/api/recommendations/${rec[key]}/assignments`);
        expect(assignments.statusCode, `${name} assignments ${key}`).toBe(expected ? 200 : 404);
      }
      if (visible.length === 0) expect(found.json().total).toBe(0);
    },
  );

  // Who may assign, and who may delegate A's Labour assignment: 404 where A is out of sight.
  const rights: [string, number, number][] = [
    ['coordinator', 200, 201],
    ['admin', 200, 201],
    ['viewer', 403, 403],
    ['stakeholder', 403, 403],
    ['focal M1', 403, 201],
    ['focal R1', 403, 403],
    ['validator M2', 403, 404],
    ['contributor L2', 403, 404],
  ];

  it.each(rights)('%s: assign → %i, delegate → %i', async (name, assign, delegate) => {
    const client = people.get(name) as Client;
    const assigned = await client.request('POST', '/api/assignments', {
      recommendationIds: [rec.C],
      entityId: entity.M2,
      role: 'supporting',
    });
    expect(assigned.statusCode, assigned.body).toBe(assign);
    const delegated = await client.request(
      'POST',
      `/api/assignments/${await assignmentId(rec.A, entity.M1)}/delegations`,
      {
        entityId: entity.R2,
      },
    );
    expect(delegated.statusCode, delegated.body).toBe(delegate);
    if (delegated.statusCode === 201) {
      // Put things back for the next row: withdraw the delegation just made.
      const id = delegated.json().id;
      const row = await test.handle.db
        .selectFrom('assignments')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const withdrawn = await client.request('DELETE', `/api/assignments/${id}?version=${row.version}`);
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    }
  });

  it('answers another entity’s assignment id as if it did not exist', async () => {
    const other = await assignmentId(rec.B, entity.M2);
    const response = await people.get('focal M1')?.request('POST', `/api/assignments/${other}/delegations`, {
      entityId: entity.R1,
    });
    expect(response?.statusCode).toBe(404);
    const withdraw = await people.get('focal M1')?.request('DELETE', `/api/assignments/${other}?version=1`);
    expect(withdraw?.statusCode).toBe(404);
  });
});

describe('delegation down the hierarchy', () => {
  it('shows the chain on the recommendation: ministry, then region, then town', async () => {
    const region = await assignmentId(rec.A, entity.R1);
    const response = await people.get('focal R1')?.request('POST', `/api/assignments/${region}/delegations`, {
      entityId: entity.L1,
      note: 'Municipal social services',
    });
    expect(response?.statusCode, response?.body).toBe(201);
    const chain = (await coordinator.request('GET', `/api/recommendations/${rec.A}/assignments`)).json();
    expect(chain.map((a: { entity: { name: string } }) => a.entity.name)).toEqual([
      'Ministry of Labour',
      'Region North',
      'Town in the North',
    ]);
    expect(chain[1].delegatedFrom).toBe(chain[0].id);
    expect(chain[2].delegatedFrom).toBe(chain[1].id);
    expect(chain[2].dueDate).toBe(nextYear);
    // Now the town's focal point sees A, and only A.
    const town = await people.get('focal L1')?.request('GET', '/api/recommendations?pageSize=50');
    expect(town?.json().items.map((item: { id: string }) => item.id)).toEqual([rec.A]);
  });

  it('refuses, naming the field: outside the chain, not an LRG, a past or later due date, twice the same', async () => {
    const region = await assignmentId(rec.A, entity.R1);
    const labour = await assignmentId(rec.A, entity.M1);
    const cases: [Client, string, Record<string, string>, string][] = [
      [people.get('focal R1') as Client, region, { entityId: entity.L2 }, 'issues.delegateOutsideChain'],
      [coordinator, labour, { entityId: entity.M2 }, 'issues.delegateToLrg'],
      [coordinator, labour, { entityId: entity.L2, dueDate: '2020-01-01' }, 'issues.dueDateInPast'],
      [
        coordinator,
        labour,
        { entityId: entity.L2, dueDate: `${new Date().getUTCFullYear() + 3}-01-01` },
        'issues.dueAfterParent',
      ],
      [coordinator, labour, { entityId: entity.R1 }, 'issues.alreadyAssigned'],
    ];
    const before = await test.handle.db.selectFrom('assignments').select('id').execute();
    for (const [client, id, body, message] of cases) {
      const response = await client.request('POST', `/api/assignments/${id}/delegations`, body);
      expect(response.statusCode, message).toBe(message === 'issues.alreadyAssigned' ? 409 : 400);
      expect(response.json().error.issues[0]).toMatchObject({ message });
    }
    expect(await test.handle.db.selectFrom('assignments').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses to assign civil society or with a past due date; assigns a whole cluster', async () => {
    const cso = await coordinator.request('POST', '/api/assignments', {
      recommendationIds: [rec.C],
      entityId: entity.CSO,
      role: 'lead',
    });
    expect(cso.json().error.issues[0]).toMatchObject({ path: 'entityId', message: 'issues.notDutyBearer' });
    const past = await coordinator.request('POST', '/api/assignments', {
      recommendationIds: [rec.C],
      entityId: entity.M1,
      role: 'lead',
      dueDate: '2021-12-31',
    });
    expect(past.json().error.issues[0]).toMatchObject({ path: 'dueDate', message: 'issues.dueDateInPast' });
    const cluster = (await coordinator.request('POST', '/api/clusters', { name: 'Roma inclusion' })).json();
    const members = await test.handle.db
      .selectFrom('recommendations')
      .select('id')
      .orderBy('number_sort')
      .offset(10)
      .limit(4)
      .execute();
    await coordinator.request('POST', '/api/recommendations/batch', {
      ids: members.map((m) => m.id),
      clusterId: cluster.id,
    });
    const assigned = await coordinator.request('POST', '/api/assignments', {
      clusterId: cluster.id,
      entityId: entity.R2,
      role: 'supporting',
      dueDate: nextYear,
    });
    expect(assigned.json()).toEqual({ created: 4, updated: 0 });
    const again = await coordinator.request('POST', '/api/assignments', {
      clusterId: cluster.id,
      entityId: entity.R2,
      role: 'lead',
    });
    expect(again.json()).toEqual({ created: 0, updated: 4 });
    // The register counts the assigned entity as a facet.
    const facets = (await coordinator.request('GET', `/api/recommendations?entity=${entity.R2}&pageSize=1`)).json();
    expect(facets.total).toBe(4);
    expect(facets.facets.entity.find((f: { value: string }) => f.value === entity.R2)).toMatchObject({
      label: 'Region South',
      count: 4,
    });
  });

  it('lists on a focal point’s home what reached their entity, soonest due first, with who delegated it', async () => {
    const mine = (await people.get('focal R1')?.request('GET', '/api/assignments/mine?pageSize=5'))?.json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      recommendation: { id: rec.A },
      entity: { name: 'Region North' },
      delegatedBy: 'Ministry of Labour',
      dueDate: nextYear,
      overdue: false,
    });
    const overdue = (await people.get('focal R1')?.request('GET', '/api/assignments/mine?overdue=true'))?.json();
    expect(overdue.total).toBe(0);
    const nobody = (await people.get('viewer')?.request('GET', '/api/assignments/mine'))?.json();
    expect(nobody.total).toBe(0);
  });

  it('compares local governments of the same level: the town’s focal point sees its peers', async () => {
    await test.handle.db
      .updateTable('recommendations')
      .set({ status: 'implemented' })
      .where('id', '=', rec.A)
      .execute();
    const peers = (await people.get('focal L1')?.request('GET', '/api/peers?sort=progress'))?.json();
    expect(peers.level).toBe(2);
    expect(peers.total).toBe(2);
    expect(peers.items[0]).toMatchObject({
      name: 'Town in the North',
      mine: true,
      recommendations: 1,
      implemented: 1,
      inProgress: 0,
      callsAsked: 0,
    });
    expect(peers.items[1]).toMatchObject({ name: 'Town in the South', mine: false, recommendations: 0 });
    const regions = (await coordinator.request('GET', '/api/peers?level=1&sort=name')).json();
    expect(regions.items.map((peer: { name: string }) => peer.name)).toEqual(['Region North', 'Region South']);
    expect(regions.items.map((peer: { recommendations: number }) => peer.recommendations)).toEqual([1, 4]);
  });

  it('marks a recommendation as concerning the local level', async () => {
    const response = await coordinator.request('PUT', `/api/recommendations/${rec.B}/local-levels`, {
      levels: [2, 1, 2],
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = await test.handle.db
      .selectFrom('recommendations')
      .select('local_levels')
      .where('id', '=', rec.B)
      .executeTakeFirstOrThrow();
    expect(row.local_levels).toEqual([1, 2]);
    const refused = await people
      .get('focal M1')
      ?.request('PUT', `/api/recommendations/${rec.B}/local-levels`, { levels: [1] });
    expect(refused?.statusCode).toBe(403);
  });
});
