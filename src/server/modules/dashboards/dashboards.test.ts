import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import {
  makeAction,
  makeAssignment,
  makeEntity,
  makeRecommendations,
  makeReview,
  makeStateProfile,
  makeUser,
  seatPerson,
} from '../../../../tests/factories';
import type { ActionStatus } from '../../../shared/schemas/actions';
import type { DashboardDimension, OverdueItem, StatusBreakdown } from '../../../shared/schemas/dashboards';
import { maintenanceOf } from '../search';
import { daysFromToday, specColumns } from './dashboards.fixture';

let test: TestApp;
let coordinator: Client;

/** The register as plain data, read back from the tables, for the naive counts below. */
interface Rec {
  id: string;
  body: string;
  mechanism: string;
  cycle: number | null;
  reviewDate: string | null;
  status: string;
  themes: number[];
  goals: number[];
  levels: number[];
}
let recs: Rec[] = [];
let assignments: { id: string; rec: string; entity: string; kind: string; due: string | null }[] = [];
let finalStatuses = new Set<string>();
const ids: Record<'ministry' | 'town' | 'village' | 'agency', string> = {
  ministry: '',
  town: '',
  village: '',
  agency: '',
};

// A small deterministic generator, so the register is the same on every run.
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  coordinator = await signInNew(test, 'coordinator');
  await makeStateProfile(db, ['Region', 'Municipality']);
  // An installation's own statuses: one added (final), so nothing below may assume the defaults.
  await db
    .insertInto('taxonomy_terms')
    .values({
      taxonomy: 'status',
      code: 'superseded',
      label: JSON.stringify({ en: 'Superseded' }),
      sort: 9,
      final: true,
    })
    .execute();
  const themes = (
    await db.selectFrom('taxonomy_terms').select('id').where('taxonomy', '=', 'upr_info_issue').limit(6).execute()
  ).map((row) => row.id);
  const statuses = [
    ...(await db.selectFrom('taxonomy_terms').select('code').where('taxonomy', '=', 'status').execute()).map(
      (row) => row.code,
    ),
    'retired_code', // a code no longer among the terms still counts
  ];
  ids.ministry = (await makeEntity(db, { kind: 'ministry' })).id;
  ids.agency = (await makeEntity(db, { kind: 'agency' })).id;
  ids.town = (await makeEntity(db, { kind: 'lrg', lrg_level: 1 })).id;
  ids.village = (await makeEntity(db, { kind: 'lrg', lrg_level: 2, parent_id: ids.town })).id;
  const reviews = [
    await makeReview(db, { body_code: 'UPR', cycle: 3, review_date: '2019-05-10' }),
    await makeReview(db, { body_code: 'UPR', cycle: 4, review_date: '2024-11-08' }),
    await makeReview(db, { body_code: 'CRC', review_date: '2021-02-01' }),
    await makeReview(db, { body_code: 'CEDAW', review_date: null }),
    await makeReview(db, { body_code: 'SR-ADEQUATE-HOUSING', review_date: '2023-06-30' }),
  ];
  for (const review of reviews) {
    const specs = Array.from({ length: 25 + Math.floor(random() * 20) }, () => ({
      status: pick(statuses),
      themes: random() < 0.2 ? [] : [pick(themes), pick(themes)].filter((id, i, all) => all.indexOf(id) === i),
      goals: random() < 0.3 ? [] : [pick([1, 4, 5, 16])],
      levels: random() < 0.6 ? [] : [pick([1, 2])],
    }));
    const made = await makeRecommendations(db, review, specs.map(specColumns));
    for (const { id } of made) {
      if (random() < 0.5) {
        const lead = await makeAssignment(db, id, pick([ids.ministry, ids.agency]), {
          due_date: random() < 0.7 ? daysFromToday(pick([-40, -3, 5, 60])) : null,
        });
        if (random() < 0.5)
          await makeAssignment(db, id, pick([ids.town, ids.village]), {
            due_date: daysFromToday(pick([-20, -2, 9])),
            delegated_from: lead.id,
          });
      } else if (random() < 0.3)
        await makeAssignment(db, id, ids.town, { role: 'supporting', due_date: daysFromToday(-10) });
    }
  }
  const rows = await db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .innerJoin('bodies as b', 'b.code', 'r.body_code')
    .select([
      'r.id',
      'r.body_code',
      'b.mechanism',
      'r.cycle',
      'v.review_date',
      'r.status',
      'r.theme_ids',
      'r.sdg_goals',
      'r.local_levels',
    ])
    .execute();
  recs = rows.map((row) => ({
    id: row.id,
    body: row.body_code,
    mechanism: row.mechanism,
    cycle: row.cycle,
    reviewDate: row.review_date ? new Date(row.review_date).toISOString().slice(0, 10) : null,
    status: row.status,
    themes: row.theme_ids,
    goals: row.sdg_goals,
    levels: row.local_levels,
  }));
  assignments = (
    await db
      .selectFrom('assignments as a')
      .innerJoin('entities as e', 'e.id', 'a.entity_id')
      .select(['a.id', 'a.recommendation_id', 'a.entity_id', 'e.kind', 'a.due_date'])
      .execute()
  ).map((row) => ({
    id: row.id,
    rec: row.recommendation_id,
    entity: row.entity_id,
    kind: row.kind,
    due: row.due_date ? new Date(row.due_date).toISOString().slice(0, 10) : null,
  }));
  finalStatuses = new Set(
    (
      await db
        .selectFrom('taxonomy_terms')
        .select('code')
        .where('taxonomy', '=', 'status')
        .where('final', '=', true)
        .execute()
    ).map((row) => row.code),
  );
}, 60_000);
afterAll(() => test.close());

/** Naive: each recommendation's values of a dimension, as the API keys them (null: none). */
function valuesOf(rec: Rec, dimension: DashboardDimension): (string | null)[] {
  const list = (values: (string | number)[]) => (values.length ? values.map(String) : [null]);
  const assigned = assignments.filter((a) => a.rec === rec.id);
  switch (dimension) {
    case 'mechanism':
      return [rec.mechanism];
    case 'body':
      return [rec.body];
    case 'cycle':
      return [rec.cycle === null ? null : String(rec.cycle)];
    case 'theme':
      return list(rec.themes);
    case 'sdgGoal':
      return list(rec.goals);
    case 'lrgLevel':
      return list(rec.levels);
    case 'entity':
      return list(assigned.map((a) => a.entity));
    case 'lrg':
      return list(assigned.filter((a) => a.kind === 'lrg').map((a) => a.entity));
  }
}

function naiveBreakdown(subset: Rec[], dimension: DashboardDimension) {
  const counts = new Map<string | null, Record<string, number>>();
  for (const rec of subset)
    for (const value of valuesOf(rec, dimension)) {
      const row = counts.get(value) ?? {};
      row[rec.status] = (row[rec.status] ?? 0) + 1;
      counts.set(value, row);
    }
  return counts;
}

async function get<T>(url: string, client = coordinator): Promise<T> {
  const response = await client.request('GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

const dimensions: DashboardDimension[] = [
  'mechanism',
  'body',
  'cycle',
  'theme',
  'sdgGoal',
  'entity',
  'lrgLevel',
  'lrg',
];

describe('status breakdown', () => {
  it.each(dimensions)('counts recommendations per status and %s as a naive count does', async (dimension) => {
    const result = await get<StatusBreakdown>(`/api/dashboards/status?dimension=${dimension}&limit=50`);
    const expected = naiveBreakdown(recs, dimension);
    expect(result.other).toBeNull();
    expect(result.values).toBe(expected.size);
    expect(result.recommendations).toBe(recs.length);
    expect(new Map(result.rows.map((row) => [row.key, row.counts]))).toEqual(expected);
    const totals = result.rows.map((row) => row.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const row of result.rows) expect(row.label).not.toBe('');
  });

  it('keeps the top values and sums the rest into "other"', async () => {
    const all = await get<StatusBreakdown>('/api/dashboards/status?dimension=body&limit=50');
    const top = await get<StatusBreakdown>('/api/dashboards/status?dimension=body&limit=2');
    expect(top.rows).toEqual(all.rows.slice(0, 2));
    expect(top.other?.values).toBe(all.rows.length - 2);
    expect(top.other?.total).toBe(all.rows.slice(2).reduce((sum, row) => sum + row.total, 0));
    const statusSum = (code: string) => all.rows.slice(2).reduce((sum, row) => sum + (row.counts[code] ?? 0), 0);
    for (const status of all.statuses) expect(top.other?.counts[status.code] ?? 0).toBe(statusSum(status.code));
  });

  it('lists the installation’s statuses in order, then codes found that are no longer terms', async () => {
    const result = await get<StatusBreakdown>('/api/dashboards/status');
    const codes = result.statuses.map((status) => status.code);
    expect(codes.slice(0, 6)).toEqual([
      'not_started',
      'in_progress',
      'partially_implemented',
      'implemented',
      'not_applicable',
      'superseded',
    ]);
    expect(codes.at(-1)).toBe('retired_code');
    expect(result.statuses.find((status) => status.code === 'superseded')?.final).toBe(true);
  });

  it('applies the shared filters (body, cycle, entity, review dates)', async () => {
    const cases: [string, (rec: Rec) => boolean][] = [
      ['body=UPR', (rec) => rec.body === 'UPR'],
      ['cycle=4', (rec) => rec.cycle === 4],
      [`entity=${ids.town}`, (rec) => assignments.some((a) => a.rec === rec.id && a.entity === ids.town)],
      [
        'from=2020-01-01&to=2023-12-31',
        (rec) => rec.reviewDate !== null && rec.reviewDate >= '2020-01-01' && rec.reviewDate <= '2023-12-31',
      ],
      [
        'body=UPR&from=2020-01-01',
        (rec) => rec.body === 'UPR' && rec.reviewDate !== null && rec.reviewDate >= '2020-01-01',
      ],
    ];
    for (const [filter, keep] of cases) {
      const subset = recs.filter(keep);
      expect(subset.length, filter).toBeGreaterThan(0);
      const result = await get<StatusBreakdown>(`/api/dashboards/status?dimension=theme&limit=50&${filter}`);
      expect(result.recommendations, filter).toBe(subset.length);
      expect(new Map(result.rows.map((row) => [row.key, row.counts])), filter).toEqual(naiveBreakdown(subset, 'theme'));
    }
  });

  it('counts only what is assigned or delegated to a focal point’s entities', async () => {
    const user = await makeUser(test.handle.db, { role: 'focal_point' });
    await seatPerson(test.handle.db, ids.village, user.id, 'main');
    const focal = await signInAs(test.app, user.email);
    const mine = recs.filter((rec) => assignments.some((a) => a.rec === rec.id && a.entity === ids.village));
    expect(mine.length).toBeGreaterThan(0);
    const result = await get<StatusBreakdown>('/api/dashboards/status?dimension=mechanism', focal);
    expect(result.recommendations).toBe(mine.length);
    expect(new Map(result.rows.map((row) => [row.key, row.counts]))).toEqual(naiveBreakdown(mine, 'mechanism'));
  });

  it('labels values and statuses in the reader’s language', async () => {
    const user = await makeUser(test.handle.db, { role: 'viewer', locale: 'fr' });
    const reader = await signInAs(test.app, user.email);
    const mechanisms = await get<StatusBreakdown>('/api/dashboards/status?dimension=mechanism', reader);
    expect(mechanisms.rows.find((row) => row.key === 'upr')?.label).toBe('Examen périodique universel');
    expect(mechanisms.statuses.find((status) => status.code === 'in_progress')?.label).toBe('En cours');
    const bodies = await get<StatusBreakdown>('/api/dashboards/status?dimension=body', reader);
    expect(bodies.rows.find((row) => row.key === 'CRC')?.label).toBe('Comité des droits de l’enfant');
    const levels = await get<StatusBreakdown>('/api/dashboards/status?dimension=lrgLevel', coordinator);
    expect(levels.rows.find((row) => row.key === '2')?.label).toBe('Municipality');
    expect(levels.rows.find((row) => row.key === null)?.label).toBe('No local level');
  });

  it('answers 401 to someone not signed in and 400 to an unknown dimension', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/dashboards/status' })).statusCode).toBe(401);
    expect((await coordinator.request('GET', '/api/dashboards/status?dimension=colour')).statusCode).toBe(400);
  });
});

describe('overdue items', () => {
  const today = daysFromToday(0);
  const naiveOverdue = (keep: (a: (typeof assignments)[number]) => boolean = () => true) =>
    assignments
      .filter((a) => a.due !== null && a.due < today && keep(a))
      .filter((a) => !finalStatuses.has(recs.find((rec) => rec.id === a.rec)?.status ?? ''))
      .sort((a, b) => (a.due as string).localeCompare(b.due as string) || a.id.localeCompare(b.id));

  it('lists assignments past due on recommendations not in a final status, longest overdue first, paged', async () => {
    const expected = naiveOverdue();
    expect(expected.length).toBeGreaterThan(25);
    const first = await get<{ items: OverdueItem[]; total: number }>('/api/dashboards/overdue?pageSize=20');
    const second = await get<{ items: OverdueItem[]; total: number }>('/api/dashboards/overdue?pageSize=20&page=2');
    expect(first.total).toBe(expected.length);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expected.slice(0, 40).map((a) => a.id));
    const item = first.items[0] as OverdueItem;
    expect(item.daysOverdue).toBe(40);
    expect(item.kind === 'assignment' && item.text).toContain('adequate housing');
    expect(finalStatuses.has(item.status)).toBe(false);
  });

  it('narrows to one entity’s assignments and to the shared filters', async () => {
    const town = await get<{ total: number }>(`/api/dashboards/overdue?entity=${ids.town}`);
    expect(town.total).toBe(naiveOverdue((a) => a.entity === ids.town).length);
    const crc = await get<{ total: number; items: OverdueItem[] }>('/api/dashboards/overdue?body=CRC&pageSize=200');
    expect(crc.total).toBe(naiveOverdue((a) => recs.find((rec) => rec.id === a.rec)?.body === 'CRC').length);
    expect(crc.items.every((item) => item.kind === 'assignment' && item.bodyCode === 'CRC')).toBe(true);
  });

  it('lists actions past their end date that are still to be done, in the same order, under the same filters', async () => {
    const db = test.handle.db;
    const crcRec = recs.find((rec) => rec.body === 'CRC') as Rec;
    const made: string[] = [];
    const action = async (
      title: string,
      end: string,
      status: ActionStatus,
      links: string[] = [],
      supporting?: string,
    ) => {
      const { id } = await makeAction(db, ids.ministry, {
        title,
        end_date: end,
        status,
        recommendationIds: links,
        supportingEntityIds: supporting ? [supporting] : [],
      });
      made.push(id);
      return id;
    };
    try {
      const late = await action('Shelters for children', daysFromToday(-10), 'in_progress', [crcRec.id], ids.village);
      const unlinked = await action('Training of judges', daysFromToday(-3), 'planned');
      await action('Done already', daysFromToday(-5), 'completed', [crcRec.id]);
      await action('Not yet due', daysFromToday(30), 'planned', [crcRec.id]);
      const all = await get<{ total: number; items: OverdueItem[] }>('/api/dashboards/overdue?pageSize=200');
      expect(all.total).toBe(naiveOverdue().length + 2);
      // Merged into one list, longest overdue first.
      const dues = all.items.map((item) => item.dueDate);
      expect(dues).toEqual([...dues].sort());
      const shown = all.items.find((item) => item.id === late);
      expect(shown).toMatchObject({ kind: 'action', title: 'Shelters for children', status: 'in_progress' });
      expect(shown?.statusLabel).toBe('In progress');
      expect(shown?.daysOverdue).toBe(10);
      expect(shown?.entityId).toBe(ids.ministry);
      // A filter on recommendations keeps an action answering one of them; an unlinked one only without filters.
      const crc = await get<{ items: OverdueItem[] }>('/api/dashboards/overdue?body=CRC&pageSize=200');
      expect(crc.items.filter((item) => item.kind === 'action').map((item) => item.id)).toEqual([late]);
      const cedaw = await get<{ items: OverdueItem[] }>('/api/dashboards/overdue?body=CEDAW&pageSize=200');
      expect(cedaw.items.some((item) => item.kind === 'action')).toBe(false);
      // `entity` keeps the actions it is responsible for or supports.
      const ministry = await get<{ items: OverdueItem[] }>(
        `/api/dashboards/overdue?entity=${ids.ministry}&pageSize=200`,
      );
      expect(ministry.items.filter((item) => item.kind === 'action').map((item) => item.id)).toEqual([late, unlinked]);
      const village = await get<{ total: number; items: OverdueItem[] }>(
        `/api/dashboards/overdue?entity=${ids.village}&pageSize=200`,
      );
      expect(village.items.filter((item) => item.kind === 'action').map((item) => item.id)).toEqual([late]);
      expect(village.total).toBe(naiveOverdue((a) => a.entity === ids.village).length + 1);
    } finally {
      await db.deleteFrom('actions').where('id', 'in', made).execute();
    }
  });
});

describe('counts cached per register generation', () => {
  it('follow a status change and a change of an entity’s kind at once', async () => {
    const db = test.handle.db;
    const rec = recs.find((item) => item.status !== 'implemented') as Rec;
    const implementedIn = (result: StatusBreakdown) =>
      result.rows.find((row) => row.key === rec.mechanism)?.counts.implemented ?? 0;
    const before = await get<StatusBreakdown>('/api/dashboards/status?dimension=mechanism&limit=50');
    expect(await get<StatusBreakdown>('/api/dashboards/status?dimension=mechanism&limit=50')).toEqual(before);
    const patches = maintenanceOf(db).patches;
    await db.updateTable('recommendations').set({ status: 'implemented' }).where('id', '=', rec.id).execute();
    const after = await get<StatusBreakdown>('/api/dashboards/status?dimension=mechanism&limit=50');
    expect(implementedIn(after)).toBe(implementedIn(before) + 1);
    // Counted from the search index, patched with that one row (not rebuilt, not SQL).
    expect(maintenanceOf(db)).toMatchObject({ patches: patches + 1, last: { rows: 1 } });

    const lrgs = await get<StatusBreakdown>('/api/dashboards/status?dimension=lrg&limit=50');
    expect(lrgs.rows.some((row) => row.key === ids.agency)).toBe(false);
    await db.updateTable('entities').set({ kind: 'lrg', lrg_level: 1 }).where('id', '=', ids.agency).execute();
    try {
      const moved = await get<StatusBreakdown>('/api/dashboards/status?dimension=lrg&limit=50');
      expect(assignments.some((assignment) => assignment.entity === ids.agency)).toBe(true);
      expect(moved.rows.some((row) => row.key === ids.agency)).toBe(true);
    } finally {
      await db.updateTable('entities').set({ kind: 'agency', lrg_level: null }).where('id', '=', ids.agency).execute();
      await db.updateTable('recommendations').set({ status: rec.status }).where('id', '=', rec.id).execute();
    }
  });
});
