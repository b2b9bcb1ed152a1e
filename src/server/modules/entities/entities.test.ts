import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import {
  makeAction,
  makeAssignment,
  makeEntity,
  makeRecommendations,
  makeReview,
  makeStateProfile,
} from '../../../../tests/factories';

let test: TestApp;
let coordinator: Client;
let viewer: Client;

beforeAll(async () => {
  test = await createTestApp();
  // A federal State: Land > Kreis > Gemeinde.
  await makeStateProfile(test.handle.db, ['Land', 'Kreis', 'Gemeinde']);
  coordinator = await signInNew(test, 'coordinator');
  viewer = await signInNew(test, 'viewer');
});
afterAll(() => test.close());

const lrg = (name: string, level: number, parentId: string | null, code?: string) => ({
  kind: 'lrg',
  name,
  lrgLevel: level,
  parentId,
  ...(code ? { subdivisionCode: code } : {}),
});

async function create(body: object, client = coordinator) {
  const response = await client.request('POST', '/api/entities', body);
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
}

function issuesOf(response: { json(): { error: { issues: { path?: string; message: string }[] } } }) {
  return response.json().error.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('entities: create, read, edit, delete', () => {
  it('a coordinator builds a three-level hierarchy; everyone signed in reads the page with its parent chain', async () => {
    const bayern = await create(lrg('Bayern', 1, null, 'DE-BY'));
    const kreis = await create(lrg('Landkreis München', 2, bayern.id));
    const gemeinde = await create({ ...lrg('Gemeinde Haar', 3, kreis.id), nameLocal: 'Haar', acronym: 'HAAR' });
    expect(gemeinde).toMatchObject({ kind: 'lrg', lrgLevel: 3, parentId: kreis.id, parentName: 'Landkreis München' });

    const page = await viewer.request('GET', `/api/entities/${gemeinde.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['Bayern', 'Landkreis München']);
    expect((await viewer.request('GET', `/api/entities/${bayern.id}`)).json()).toMatchObject({
      childCount: 1,
      subdivisionCode: 'DE-BY',
    });
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('record_type', '=', 'entity')
      .where('record_id', '=', gemeinde.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', actor_id: coordinator.userId }]);
  });

  it('lists entities paged and filtered on the server by kind, level, parent and text (accents ignored)', async () => {
    const ministry = await create({ kind: 'ministry', name: 'Ministry of Žabjak Affairs', acronym: 'MZA' });
    await create({ kind: 'agency', name: 'Žabjak Agency', parentId: ministry.id });
    await create({ kind: 'agency', name: 'Other Agency', parentId: ministry.id });
    const text = (await viewer.request('GET', '/api/entities?q=zabjak')).json();
    expect(text.items.map((e: { name: string }) => e.name)).toEqual(['Ministry of Žabjak Affairs', 'Žabjak Agency']);
    const children = (await viewer.request('GET', `/api/entities?parentId=${ministry.id}&pageSize=1&page=2`)).json();
    expect(children).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(children.items[0]).toMatchObject({ name: 'Žabjak Agency', parentName: ministry.name });
    const kinds = (await viewer.request('GET', '/api/entities?kind=agency&q=agency')).json();
    expect(kinds.total).toBe(2);
    const levelTwo = (await viewer.request('GET', '/api/entities?kind=lrg&level=2')).json();
    expect(levelTwo.items.every((e: { lrgLevel: number }) => e.lrgLevel === 2)).toBe(true);
    const top = (await viewer.request('GET', '/api/entities?parentId=none&q=Agency')).json();
    expect(top.total).toBe(0);
    expect((await viewer.request('GET', '/api/entities?level=9')).statusCode).toBe(400);
  });

  it('edits at a known version; the same version again gets 409 and changes nothing', async () => {
    const entity = await create({ kind: 'ministry', name: 'Ministry of Health' });
    const body = { kind: 'ministry', name: 'Ministry of Health and Care', acronym: 'MHC', version: entity.version };
    const first = await coordinator.request('PUT', `/api/entities/${entity.id}`, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Ministry of Health and Care', acronym: 'MHC', version: 2 });
    const second = await coordinator.request('PUT', `/api/entities/${entity.id}`, { ...body, name: 'Lost' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    expect((await viewer.request('GET', `/api/entities/${entity.id}`)).json().name).toBe('Ministry of Health and Care');
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('record_type', '=', 'entity')
      .where('record_id', '=', entity.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      before: { name: 'Ministry of Health' },
      after: { name: 'Ministry of Health and Care' },
    });
  });

  it('deletes at a known version, with an audit event', async () => {
    const entity = await create({ kind: 'cso', name: 'Consulted Association' });
    expect((await coordinator.request('DELETE', `/api/entities/${entity.id}?version=9`)).statusCode).toBe(409);
    const deleted = await coordinator.request('DELETE', `/api/entities/${entity.id}?version=${entity.version}`);
    expect(deleted.statusCode).toBe(200);
    expect((await viewer.request('GET', `/api/entities/${entity.id}`)).statusCode).toBe(404);
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', entity.id)
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['create', 'delete']);
  });

  it('only admins and coordinators write; everyone signed in reads; no one signed out', async () => {
    const entity = await makeEntity(test.handle.db);
    for (const role of ['focal_point', 'validator', 'contributor', 'stakeholder', 'viewer'] as const) {
      const client = await signInNew(test, role);
      expect((await client.request('GET', `/api/entities/${entity.id}`)).statusCode).toBe(200);
      const refused = await client.request('POST', '/api/entities', { kind: 'ministry', name: 'Not allowed' });
      expect(refused.statusCode).toBe(403);
      const removed = await client.request('DELETE', `/api/entities/${entity.id}?version=1`);
      expect(removed.statusCode).toBe(403);
    }
    const admin = await signInNew(test, 'admin');
    expect((await admin.request('POST', '/api/entities', { kind: 'nhri', name: 'Ombudsman' })).statusCode).toBe(201);
    expect((await test.app.inject({ method: 'GET', url: '/api/entities' })).statusCode).toBe(401);
  });
});

describe('entities: bad input is refused with the field named, and nothing changes', () => {
  it('refuses a parent that is the entity itself or one of its descendants (a cycle)', async () => {
    const ministry = await create({ kind: 'ministry', name: 'Ministry of Cycles' });
    const agency = await create({ kind: 'agency', name: 'Agency of Cycles', parentId: ministry.id });
    const office = await create({ kind: 'agency', name: 'Office of Cycles', parentId: agency.id });
    const self = await coordinator.request('PUT', `/api/entities/${ministry.id}`, {
      kind: 'ministry',
      name: ministry.name,
      parentId: ministry.id,
      version: ministry.version,
    });
    expect(self.statusCode).toBe(400);
    expect(issuesOf(self)).toEqual(['parentId: issues.entity.parentIsSelf']);
    expect(self.json().error.message).toBe('Some fields need your attention.');
    const below = await coordinator.request('PUT', `/api/entities/${ministry.id}`, {
      kind: 'ministry',
      name: ministry.name,
      parentId: office.id,
      version: ministry.version,
    });
    expect(issuesOf(below)).toEqual(['parentId: issues.entity.parentIsDescendant']);
    expect((await viewer.request('GET', `/api/entities/${ministry.id}`)).json()).toMatchObject({
      parentId: null,
      version: 1,
    });
  });

  it('refuses an LRG whose parent is not an LRG of the level above, or a first level with a parent', async () => {
    const land = await create(lrg('Sachsen', 1, null, 'DE-SN'));
    const kreis = await create(lrg('Landkreis Leipzig', 2, land.id));
    const ministry = await create({ kind: 'ministry', name: 'Ministry of the Interior (DE)' });
    const cases: [object, string][] = [
      [lrg('Gemeinde Skip', 3, land.id), 'parentId: issues.entity.parentNotLevelAbove'],
      [lrg('Kreis under a ministry', 2, ministry.id), 'parentId: issues.entity.parentNotLevelAbove'],
      [lrg('Kreis without parent', 2, null), 'parentId: issues.entity.parentRequired'],
      [lrg('Land under a Land', 1, land.id), 'parentId: issues.entity.firstLevelHasParent'],
      [lrg('Level four', 4, kreis.id), 'lrgLevel: issues.entity.levelNotNamed'],
      [{ kind: 'lrg', name: 'No level' }, 'lrgLevel: issues.entity.levelRequired'],
      [{ kind: 'ministry', name: 'Leveled ministry', lrgLevel: 1 }, 'lrgLevel: issues.entity.levelOnlyForLrg'],
      [
        { kind: 'ministry', name: 'Coded ministry', subdivisionCode: 'XX-1' },
        'subdivisionCode: issues.entity.codeOnlyForLrg',
      ],
      [
        { kind: 'agency', name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' },
        'parentId: issues.entity.parentNotFound',
      ],
    ];
    for (const [body, issue] of cases) {
      const response = await coordinator.request('POST', '/api/entities', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(issuesOf(response)).toEqual([issue]);
    }
    const taken = await coordinator.request('POST', '/api/entities', lrg('Another Sachsen', 1, null, 'DE-SN'));
    expect(taken.statusCode).toBe(409);
    expect(issuesOf(taken)).toEqual(['subdivisionCode: issues.entity.codeTaken']);
    const blank = await coordinator.request('POST', '/api/entities', { kind: 'ministry', name: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.issues[0].path).toBe('name');
    const stored = await test.handle.db.selectFrom('entities').select('name').where('name', 'like', '%Skip%').execute();
    expect(stored).toEqual([]);
  });

  it('refuses a change of level that would leave the children one level off', async () => {
    const land = await create(lrg('Hessen', 1, null, 'DE-HE'));
    await create(lrg('Landkreis Kassel', 2, land.id));
    const response = await coordinator.request('PUT', `/api/entities/${land.id}`, {
      ...lrg('Hessen', 2, null),
      version: land.version,
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response)).toContain('lrgLevel: issues.entity.childrenWouldNotFit');
  });

  it('refuses to delete an entity that holds assignments or has children, saying how many; nothing is deleted', async () => {
    const db = test.handle.db;
    const ministry = await makeEntity(db, { name: 'Ministry with work' });
    const review = await makeReview(db, { symbol: 'A/HRC/99/1' });
    const recommendations = await makeRecommendations(db, review, [{}, {}, {}]);
    for (const r of recommendations) await makeAssignment(db, r.id, ministry.id);
    const busy = await coordinator.request('DELETE', `/api/entities/${ministry.id}?version=${ministry.version}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error).toMatchObject({ code: 'ENTITY_IN_USE', params: { assignments: 3, children: 0 } });
    expect(busy.json().error.message).toContain('3 assignments');

    const parent = await makeEntity(db, { name: 'Ministry with agencies' });
    await makeEntity(db, { kind: 'agency', parent_id: parent.id });
    await makeEntity(db, { kind: 'agency', parent_id: parent.id });
    const withChildren = await coordinator.request('DELETE', `/api/entities/${parent.id}?version=${parent.version}`);
    expect(withChildren.json().error).toMatchObject({ code: 'ENTITY_IN_USE', params: { assignments: 0, children: 2 } });
    const left = await db.selectFrom('entities').select('id').where('id', 'in', [ministry.id, parent.id]).execute();
    expect(left).toHaveLength(2);
    expect(await db.selectFrom('assignments').select('id').where('entity_id', '=', ministry.id).execute()).toHaveLength(
      3,
    );
  });
});

describe('entities named by follow-up records', () => {
  it('refuses to delete an indicator owner, an observed LRG, and an action’s responsible or supporting entity (409, not 500)', async () => {
    const { db } = test.handle;
    const owner = await makeEntity(db, { name: 'Statistical office' });
    const place = await makeEntity(db, { kind: 'lrg', lrg_level: 1, name: 'Observed Land' });
    const responsible = await makeEntity(db, { name: 'Ministry of health' });
    const supporting = await makeEntity(db, { name: 'Public health institute' });
    const indicator = await db
      .insertInto('indicators')
      .values({
        code: 'T-1',
        title: 'Test',
        type: 'outcome',
        unit: '%',
        frequency: 'annual',
        owner_entity_id: owner.id,
        dimensions: JSON.stringify([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('observations')
      .values(
        [2021, 2022].map((year) => ({
          indicator_id: indicator.id,
          place_entity_id: place.id,
          period_start: `${year}-01-01`,
          period_end: `${year}-12-31`,
          value: 1,
        })),
      )
      .execute();
    await makeAction(db, responsible.id, { supportingEntityIds: [supporting.id] });

    for (const [entity, records] of [
      [owner, 1],
      [place, 2],
      [responsible, 1],
      [supporting, 1],
    ] as const) {
      const response = await coordinator.request('DELETE', `/api/entities/${entity.id}?version=${entity.version}`);
      expect(response.statusCode, entity.name).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'ENTITY_IN_USE',
        params: { assignments: 0, children: 0, records },
      });
    }
    const left = await db
      .selectFrom('entities')
      .select('id')
      .where('id', 'in', [owner.id, place.id, responsible.id, supporting.id])
      .execute();
    expect(left).toHaveLength(4);
  });
});

describe('LRG level names, set per State', () => {
  it('an admin renames the levels; a level cannot lose its name while LRGs sit at it', async () => {
    const admin = await signInNew(test, 'admin');
    const profile = (await admin.request('GET', '/api/state-profile')).json();
    const edit = {
      nmirfName: profile.nmirfName,
      nmirfMandate: profile.nmirfMandate,
      systemOfGovernment: 'federal',
      version: profile.version,
    };
    const levels = [
      { level: 1, name: { en: 'State', es: 'Estado' } },
      { level: 2, name: { en: 'District' } },
      { level: 3, name: { en: 'Municipality', fr: 'Commune' } },
    ];
    const renamed = await admin.request('PUT', '/api/state-profile', { ...edit, lrgLevelNames: levels });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().lrgLevelNames[2].name).toEqual({ en: 'Municipality', fr: 'Commune' });
    const dropped = await admin.request('PUT', '/api/state-profile', {
      ...edit,
      version: renamed.json().version,
      lrgLevelNames: levels.slice(0, 2),
    });
    expect(dropped.statusCode).toBe(400);
    expect(issuesOf(dropped)).toEqual(['lrgLevelNames: issues.levelInUse']);
    const gap = await admin.request('PUT', '/api/state-profile', {
      ...edit,
      version: renamed.json().version,
      lrgLevelNames: [levels[0], { ...levels[2], level: 3 }, { level: 4, name: { en: 'Ward' } }],
    });
    expect(issuesOf(gap)).toEqual(['lrgLevelNames: issues.levelsNotConsecutive']);
  });
});
