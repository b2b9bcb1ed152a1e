import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { makeAction, makeCluster } from '../../../../tests/factories';
import { coordinator, entity, nextYear, people, rec, setUpMiniatureState, test } from '../calls/calls.fixture';

// The miniature State of the calls tests: Labour (M1) leads A and B, Education (M2) B and C,
// Region North (R1) D; E is nobody's.
setUpMiniatureState();

const client = (name: string) => people[name]?.client as Client;
let clusterId: string;

beforeAll(async () => {
  clusterId = (await makeCluster(test.handle.db, [rec.A, rec.C], 'Decent work')).id;
});

function body(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Amend the Employment Relationships Act',
    description: 'Draft, consult and table amendments on equal pay.',
    responsibleEntityId: entity.M1,
    supportingEntityIds: [entity.CSO],
    startDate: '2026-01-01',
    endDate: nextYear,
    budgetAmount: '125000.50',
    budgetCurrency: 'eur',
    budgetSource: 'State budget, programme 2.3',
    status: 'in_progress',
    recommendationIds: [rec.A],
    clusterIds: [clusterId],
    ...overrides,
  };
}

async function actionCount() {
  const row = await test.handle.db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('an action recorded by the coordinator', () => {
  it('keeps every field and link, in one audited transaction', async () => {
    const created = await coordinator.request('POST', '/api/actions', body());
    expect(created.statusCode, created.body).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({
      title: 'Amend the Employment Relationships Act',
      status: 'in_progress',
      startDate: '2026-01-01',
      endDate: nextYear,
      overdue: false,
      budget: { amount: 125000.5, currency: 'EUR', source: 'State budget, programme 2.3' },
      responsibleEntity: { id: entity.M1, name: 'Ministry of Labour' },
      supportingEntities: [{ id: entity.CSO }],
      recommendations: [{ id: rec.A, readable: true }],
      clusters: [{ id: clusterId, name: 'Decent work', size: 2 }],
      recommendationCount: 1,
      clusterCount: 1,
      canEdit: true,
      canDelete: true,
      version: 1,
    });
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('record_type', '=', 'action')
      .where('record_id', '=', action.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', after: expect.objectContaining({ budgetCurrency: 'EUR' }) }]);
  });

  it('refuses bad input field by field, saving nothing', async () => {
    const before = await actionCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: ' ' }, 'title'],
      [{ budgetCurrency: '' }, 'budgetCurrency'],
      [{ budgetAmount: '', budgetSource: null }, 'budgetAmount'],
      [{ budgetAmount: 'a lot' }, 'budgetAmount'],
      [{ budgetAmount: '12.345' }, 'budgetAmount'],
      [{ budgetAmount: '-5' }, 'budgetAmount'],
      [{ budgetCurrency: 'EUROS' }, 'budgetCurrency'],
      [{ budgetCurrency: 'XYZ' }, 'budgetCurrency'],
      [{ startDate: '2027-05-01', endDate: '2027-01-01' }, 'endDate'],
      [{ endDate: '2027-02-30' }, 'endDate'],
      [{ status: 'stalled' }, 'status'],
      [{ responsibleEntityId: '' }, 'responsibleEntityId'],
      [{ responsibleEntityId: crypto.randomUUID() }, 'responsibleEntityId'],
      [{ responsibleEntityId: entity.CSO, supportingEntityIds: [] }, 'responsibleEntityId'],
      [{ supportingEntityIds: [entity.M1] }, 'supportingEntityIds'],
      [{ supportingEntityIds: [crypto.randomUUID()] }, 'supportingEntityIds'],
      [{ recommendationIds: [crypto.randomUUID()] }, 'recommendationIds'],
      [{ clusterIds: [crypto.randomUUID()] }, 'clusterIds'],
    ];
    for (const [change, path] of cases) {
      const response = await coordinator.request('POST', '/api/actions', body(change));
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      const paths = response.json().error.issues.map((issue: { path: string }) => issue.path);
      expect(paths, JSON.stringify(change)).toContain(path);
    }
    expect(await actionCount()).toBe(before);
  });
});

describe('focal points and contributors', () => {
  it('create actions of their own entity, linking only recommendations in their scope', async () => {
    const labour = client('labour main');
    const own = await labour.request('POST', '/api/actions', body({ recommendationIds: [rec.A, rec.B] }));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().canDelete).toBe(false);

    const otherEntity = await labour.request('POST', '/api/actions', body({ responsibleEntityId: entity.M2 }));
    expect(otherEntity.statusCode).toBe(403);
    expect(otherEntity.json().error.issues[0].path).toBe('responsibleEntityId');

    // C is Education's: for Labour it does not exist.
    const outOfScope = await labour.request('POST', '/api/actions', body({ recommendationIds: [rec.C] }));
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().error.issues[0].path).toBe('recommendationIds');

    const member = await client('labour member').request('POST', '/api/actions', body({ title: 'Training' }));
    expect(member.statusCode, member.body).toBe(201);
    for (const name of ['education validator', 'viewer'])
      expect((await client(name).request('POST', '/api/actions', body())).statusCode, name).toBe(403);
  });

  it('read only what concerns their entities; others answer 404', async () => {
    const labourOnly = await makeAction(test.handle.db, entity.M1, { title: 'Labour inspection campaign' });
    const supportedByEducation = await makeAction(test.handle.db, entity.M1, {
      title: 'Apprenticeships',
      supportingEntityIds: [entity.M2],
    });
    const onEducationsRecommendation = await makeAction(test.handle.db, entity.M1, {
      title: 'Pay transparency',
      recommendationIds: [rec.B],
    });
    const education = client('education main');
    expect((await education.request('GET', `/api/actions/${labourOnly.id}`)).statusCode).toBe(404);
    expect((await education.request('GET', `/api/actions/${supportedByEducation.id}`)).statusCode).toBe(200);
    const shared = await education.request('GET', `/api/actions/${onEducationsRecommendation.id}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json().canEdit).toBe(false);
    const listed = (await education.request('GET', '/api/actions?pageSize=200')).json();
    const titles = listed.items.map((item: { title: string }) => item.title);
    expect(titles).toEqual(expect.arrayContaining(['Apprenticeships', 'Pay transparency']));
    expect(titles).not.toContain('Labour inspection campaign');
    // Seeing it is not editing it: Education holds no seat in Labour.
    const edit = await education.request('PUT', `/api/actions/${supportedByEducation.id}`, {
      ...body({ title: 'Apprenticeships' }),
      recommendationIds: [],
      clusterIds: [],
      version: 1,
    });
    expect(edit.statusCode).toBe(403);
    expect(
      (await education.request('PUT', `/api/actions/${labourOnly.id}`, { ...body(), version: 1 })).statusCode,
    ).toBe(404);
    expect((await client('viewer').request('GET', `/api/actions/${labourOnly.id}`)).statusCode).toBe(200);
    expect((await client('region main').request('GET', '/api/actions')).json().total).toBe(0);
  });
});

describe('editing and deleting', () => {
  it('edits at the version read, keeps links a coordinator made, refuses a stale version', async () => {
    // The coordinator links E (nobody's) to a Labour action; Labour's focal point edits the rest.
    const created = (
      await coordinator.request('POST', '/api/actions', body({ recommendationIds: [rec.A, rec.E] }))
    ).json();
    const labour = client('labour alternate');
    const seen = (await labour.request('GET', `/api/actions/${created.id}`)).json();
    // Decision 020: E lies outside Labour's scope: counted, never named (no id, no text).
    expect(seen.recommendations.map((r: { id: string; readable: boolean }) => [r.id, r.readable])).toEqual([
      [rec.A, true],
    ]);
    expect(seen).toMatchObject({ otherRecommendationCount: 1, recommendationCount: 1 });
    expect(JSON.stringify(seen)).not.toContain(rec.E);
    // The page sends back what it shows: E, which it never showed, stays linked.
    const edited = await labour.request('PUT', `/api/actions/${created.id}`, {
      ...body({ title: 'Amended title', status: 'completed', recommendationIds: [rec.A, rec.B] }),
      version: created.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Amended title',
      status: 'completed',
      version: 2,
      recommendationCount: 2,
      otherRecommendationCount: 1,
    });
    const whole = (await coordinator.request('GET', `/api/actions/${created.id}`)).json();
    expect(whole).toMatchObject({ recommendationCount: 3, otherRecommendationCount: 0 });
    expect(whole.recommendations.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([rec.A, rec.B, rec.E]),
    );
    // Filtering Labour's list by E answers as for an unknown id.
    const byE = (await labour.request('GET', `/api/actions?recommendationId=${rec.E}`)).json();
    const byUnknown = (await labour.request('GET', `/api/actions?recommendationId=${crypto.randomUUID()}`)).json();
    expect(byE).toEqual(byUnknown);
    expect((await coordinator.request('GET', `/api/actions?recommendationId=${rec.E}`)).json().total).toBe(1);

    const stale = await coordinator.request('PUT', `/api/actions/${created.id}`, {
      ...body({ title: 'Lost update' }),
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const stored = (await coordinator.request('GET', `/api/actions/${created.id}`)).json();
    expect(stored.title).toBe('Amended title');
  });

  it('lets only the secretariat delete, at the version read', async () => {
    const action = (await coordinator.request('POST', '/api/actions', body({ title: 'To delete' }))).json();
    expect((await client('labour main').request('DELETE', `/api/actions/${action.id}?version=1`)).statusCode).toBe(403);
    expect((await coordinator.request('DELETE', `/api/actions/${action.id}?version=7`)).statusCode).toBe(409);
    expect((await coordinator.request('DELETE', `/api/actions/${action.id}?version=1`)).statusCode).toBe(200);
    expect((await coordinator.request('GET', `/api/actions/${action.id}`)).statusCode).toBe(404);
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', action.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'delete']);
  });
});

describe('the list', () => {
  it('filters, sorts and pages in the database', async () => {
    const db = test.handle.db;
    await makeAction(db, entity.R1, { title: 'Zebra crossings near schools', end_date: '2020-03-01' });
    await makeAction(db, entity.R1, { title: 'Youth council', end_date: '2020-01-01', status: 'completed' });
    await makeAction(db, entity.R1, { title: 'Roma settlement water supply', end_date: '2099-01-01' });
    await makeAction(db, entity.M2, {
      title: 'Inclusive schools',
      supportingEntityIds: [entity.R1],
      recommendationIds: [rec.D],
      clusterIds: [clusterId],
      end_date: '2030-01-01',
    });
    const titles = async (query: string) =>
      (await coordinator.request('GET', `/api/actions?${query}`))
        .json()
        .items.map((item: { title: string }) => item.title);

    expect(await titles(`entityId=${entity.R1}&entityRole=responsible`)).toEqual([
      'Youth council',
      'Zebra crossings near schools',
      'Roma settlement water supply',
    ]);
    expect(await titles(`entityId=${entity.R1}&entityRole=supporting`)).toEqual(['Inclusive schools']);
    expect(await titles(`entityId=${entity.R1}&sort=title`)).toEqual([
      'Inclusive schools',
      'Roma settlement water supply',
      'Youth council',
      'Zebra crossings near schools',
    ]);
    expect(await titles(`entityId=${entity.R1}&overdue=true`)).toEqual(['Zebra crossings near schools']);
    expect(await titles(`entityId=${entity.R1}&status=completed`)).toEqual(['Youth council']);
    expect(await titles(`recommendationId=${rec.D}`)).toEqual(['Inclusive schools']);
    expect(await titles(`clusterId=${clusterId}&q=inclusive`)).toEqual(['Inclusive schools']);
    expect(await titles('q=100%25')).toEqual([]);
    const paged = (await coordinator.request('GET', `/api/actions?entityId=${entity.R1}&pageSize=2&page=2`)).json();
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
    const overdue = (await coordinator.request('GET', `/api/actions?entityId=${entity.R1}&overdue=true`)).json();
    expect(overdue.items[0].overdue).toBe(true);
    expect((await coordinator.request('GET', '/api/actions?sort=random')).statusCode).toBe(400);
    // The region's focal point sees its own and the one it supports.
    const region = (await client('region main').request('GET', '/api/actions?pageSize=50')).json();
    expect(region.total).toBe(4);
  });
});
