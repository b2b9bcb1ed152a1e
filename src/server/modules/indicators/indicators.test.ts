import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeEntity, makeStateProfile, seatPerson } from '../../../../tests/factories';

let test: TestApp;
let coordinator: Client;
let ownerId: string;
let lrgA: string;
let lrgB: string;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  await makeStateProfile(db);
  coordinator = await signInNew(test, 'coordinator');
  ownerId = (await makeEntity(db, { kind: 'ministry', name: 'Ministry of Health' })).id;
  lrgA = (await makeEntity(db, { kind: 'lrg', name: 'Ljubljana' })).id;
  lrgB = (await makeEntity(db, { kind: 'lrg', name: 'Maribor' })).id;
});
afterAll(() => test.close());

const fields = (overrides: Record<string, unknown> = {}) => ({
  code: `MMR-${Math.random().toString(36).slice(2, 8)}`,
  title: 'Maternal mortality ratio',
  type: 'outcome',
  unit: 'per 100 000 live births',
  frequency: 'annual',
  ownerEntityId: ownerId,
  sdgCodes: ['3.1.1'],
  dimensions: [{ key: 'sex', values: ['female', 'male'] }],
  byPlace: true,
  ...overrides,
});

async function createIndicator(overrides: Record<string, unknown> = {}) {
  const response = await coordinator.request('POST', '/api/indicators', fields(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; code: string };
}

const year = (y: number, value: number, extra: Record<string, unknown> = {}) => ({
  periodStart: `${y}-01-01`,
  periodEnd: `${y}-12-31`,
  value,
  ...extra,
});

describe('indicators', () => {
  it('a coordinator defines, edits (409 on a stale version) and deletes an indicator, each audited', async () => {
    const created = await createIndicator({ baselineValue: 5.1, baselineYear: 2015 });
    const detail = (await coordinator.request('GET', `/api/indicators/${created.id}`)).json();
    expect(detail).toMatchObject({
      type: 'outcome',
      baselineYear: 2015,
      nextDue: '2016-12-31',
      // Due years ago and never observed: it says so.
      overdue: true,
      owner: { id: ownerId },
    });
    expect(detail.sdg[0]).toMatchObject({ code: '3.1.1' });
    const edited = await coordinator.request('PUT', `/api/indicators/${created.id}`, {
      version: 1,
      fields: fields({ code: created.code, title: 'MMR (edited)' }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'MMR (edited)', version: 2 });
    const stale = await coordinator.request('PUT', `/api/indicators/${created.id}`, {
      version: 1,
      fields: fields({ code: created.code }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await coordinator.request('DELETE', `/api/indicators/${created.id}?version=2`)).statusCode).toBe(200);
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'indicator')
      .where('record_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses unknown SDG codes, taken codes, and other roles than the secretariat', async () => {
    const bad = await coordinator.request('POST', '/api/indicators', fields({ sdgCodes: ['3.1.9'] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({
      path: 'sdgCodes.0',
      message: 'issues.indicator.unknownSdgCode',
    });
    const first = await createIndicator();
    const taken = await coordinator.request('POST', '/api/indicators', fields({ code: first.code.toLowerCase() }));
    expect(taken.statusCode).toBe(409);
    const viewer = await signInNew(test, 'viewer');
    expect((await viewer.request('POST', '/api/indicators', fields())).statusCode).toBe(403);
    expect((await viewer.request('GET', `/api/indicators/${first.id}`)).statusCode).toBe(200);
  });

  it('lists indicators filtered and paged in SQL', async () => {
    const other = (await makeEntity(test.handle.db, { kind: 'agency', name: 'Statistical Office' })).id;
    await createIndicator({
      title: 'Proportion of seats held by women',
      sdgCodes: ['5.5.1'],
      ownerEntityId: other,
      type: 'structural',
    });
    const bySdg = (await coordinator.request('GET', '/api/indicators?sdg=5.5.1')).json();
    expect(bySdg.items.map((i: { title: string }) => i.title)).toEqual(['Proportion of seats held by women']);
    const byOwner = (await coordinator.request('GET', `/api/indicators?ownerId=${other}&type=structural`)).json();
    expect(byOwner.total).toBe(1);
    const byText = (await coordinator.request('GET', '/api/indicators?q=SEATS%20held&pageSize=1')).json();
    expect(byText).toMatchObject({ total: 1, pageSize: 1 });
  });
});

describe('observations', () => {
  it('are added, edited at their version and deleted; overlapping periods are refused', async () => {
    const indicator = await createIndicator();
    const url = `/api/indicators/${indicator.id}/observations`;
    const added = await coordinator.request('POST', url, year(2022, 4.2, { lowerBound: 2, upperBound: 7 }));
    expect(added.statusCode, added.body).toBe(201);
    expect((await coordinator.request('POST', url, year(2023, 3.3))).statusCode).toBe(201);
    const overlap = await coordinator.request('POST', url, {
      periodStart: '2023-07-01',
      periodEnd: '2024-06-30',
      value: 1,
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.issues[0].message).toBe('issues.observation.overlap');
    // Another disaggregation or another place is another series: no overlap.
    expect(
      (await coordinator.request('POST', url, year(2023, 3, { disaggregation: { sex: 'Female' } }))).statusCode,
    ).toBe(201);
    expect((await coordinator.request('POST', url, year(2023, 6, { placeId: lrgA }))).statusCode).toBe(201);
    const unknownValue = await coordinator.request('POST', url, year(2021, 3, { disaggregation: { sex: 'other' } }));
    expect(unknownValue.statusCode).toBe(400);
    expect(unknownValue.json().error.issues[0]).toMatchObject({
      path: 'disaggregation.sex',
      message: 'issues.observation.unknownDimensionValue',
    });
    const id = added.json().id;
    const edit = await coordinator.request('PUT', `${url}/${id}`, { version: 1, fields: year(2022, 4.4) });
    expect(edit.json()).toMatchObject({ value: 4.4, version: 2 });
    expect((await coordinator.request('PUT', `${url}/${id}`, { version: 1, fields: year(2022, 4) })).statusCode).toBe(
      409,
    );
    const page = (await coordinator.request('GET', `${url}?place=national&pageSize=2`)).json();
    expect(page).toMatchObject({ total: 3, pageSize: 2 });
    expect(page.items[0].periodEnd).toBe('2023-12-31');
    expect((await coordinator.request('DELETE', `${url}/${id}?version=2`)).statusCode).toBe(200);
    const detail = (await coordinator.request('GET', `/api/indicators/${indicator.id}`)).json();
    expect(detail).toMatchObject({ observationCount: 3, lastPeriodEnd: '2023-12-31', nextDue: '2024-12-31' });
  });

  it('the database itself refuses overlapping periods (exclusion constraint)', async () => {
    const indicator = await createIndicator();
    const db = test.handle.db;
    const row = { indicator_id: indicator.id, period_start: '2020-01-01', period_end: '2020-12-31', value: 1 };
    await db.insertInto('observations').values(row).execute();
    await expect(
      db
        .insertInto('observations')
        .values({ ...row, period_start: '2020-06-01', period_end: '2021-05-31' })
        .execute(),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('an LRG’s focal point enters data for its own territory only; the owner’s for any place; viewers read', async () => {
    const indicator = await createIndicator();
    const url = `/api/indicators/${indicator.id}/observations`;
    const local = await signInNew(test, 'focal_point');
    await seatPerson(test.handle.db, lrgA, local.userId, 'main');
    expect((await local.request('POST', url, year(2024, 5, { placeId: lrgA }))).statusCode).toBe(201);
    expect((await local.request('POST', url, year(2024, 5, { placeId: lrgB }))).statusCode).toBe(403);
    expect((await local.request('POST', url, year(2024, 5))).statusCode).toBe(403);
    const owner = await signInNew(test, 'contributor');
    await seatPerson(test.handle.db, ownerId, owner.userId, 'member');
    expect((await owner.request('POST', url, year(2024, 7, { placeId: lrgB }))).statusCode).toBe(201);
    expect((await owner.request('POST', url, year(2024, 4))).statusCode).toBe(201);
    const viewer = await signInNew(test, 'viewer');
    expect((await viewer.request('POST', url, year(2025, 5))).statusCode).toBe(403);
    expect((await viewer.request('GET', url)).json().total).toBe(3);
    const detail = (await local.request('GET', `/api/indicators/${indicator.id}`)).json();
    expect(detail).toMatchObject({ canEdit: false, canEnterNational: false });
    expect(detail.enterablePlaces.map((p: { id: string }) => p.id)).toEqual([lrgA]);
  });

  it('series: over time for the nation beside one LRG, and across LRGs for one period', async () => {
    const indicator = await createIndicator();
    const url = `/api/indicators/${indicator.id}/observations`;
    for (const [y, v] of [
      [2021, 5],
      [2022, 4],
      [2023, 3],
    ] as const)
      await coordinator.request('POST', url, year(y, v, { lowerBound: v - 1, upperBound: v + 1 }));
    await coordinator.request('POST', url, year(2022, 6, { placeId: lrgA }));
    await coordinator.request('POST', url, year(2023, 8, { placeId: lrgA }));
    await coordinator.request('POST', url, year(2023, 2, { placeId: lrgB }));
    const overTime = (
      await coordinator.request('GET', `/api/indicators/${indicator.id}/series/over-time?placeId=${lrgA}`)
    ).json();
    expect(overTime.categories).toEqual(['2021', '2022', '2023']);
    expect(overTime.series).toMatchObject([
      { placeId: null, values: [5, 4, 3], lower: [4, 3, 2], upper: [6, 5, 4] },
      { placeId: lrgA, label: 'Ljubljana', values: [null, 6, 8] },
    ]);
    const periods = (await coordinator.request('GET', `/api/indicators/${indicator.id}/series/periods`)).json();
    expect(periods[0]).toEqual({ start: '2023-01-01', end: '2023-12-31', placeCount: 2 });
    const across = (
      await coordinator.request(
        'GET',
        `/api/indicators/${indicator.id}/series/across-places?periodStart=2023-01-01&periodEnd=2023-12-31`,
      )
    ).json();
    expect(across).toMatchObject({ values: [8, 2], truncated: false, unit: 'per 100 000 live births' });
    expect(across.places.map((p: { name: string }) => p.name)).toEqual(['Ljubljana', 'Maribor']);
  });

  it('over time with local values only: the LRGs with the most values, never an empty national line', async () => {
    const indicator = await createIndicator();
    const url = `/api/indicators/${indicator.id}/observations`;
    for (const y of [2021, 2022, 2023]) await coordinator.request('POST', url, year(y, y - 2000, { placeId: lrgA }));
    await coordinator.request('POST', url, year(2023, 9, { placeId: lrgB }));
    const overTime = (await coordinator.request('GET', `/api/indicators/${indicator.id}/series/over-time`)).json();
    expect(overTime.localOnly).toBe(true);
    expect(overTime.categories).toEqual(['2021', '2022', '2023']);
    expect(overTime.series).toMatchObject([
      { placeId: null, values: [null, null, null] },
      { placeId: lrgA, label: 'Ljubljana', values: [21, 22, 23] },
      { placeId: lrgB, label: 'Maribor', values: [null, null, 9] },
    ]);
  });
});
