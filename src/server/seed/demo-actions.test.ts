import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import type { DatabaseHandle } from '../db/database';
import { systemActor } from '../http/context';
import { importTrustedFile } from '../modules/imports/imports.service';
import { seedDemoActions } from './demo-actions';
import { seedDemoState } from './demo-state';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoState(handle.db);
  const name = 'slovenia-upr-cycle4-thematic-list.docx';
  const data = await readFile(new URL(`./data/slovenia/${name}`, import.meta.url));
  await importTrustedFile(handle.db, systemActor('test'), name, data);
  await seedDemoActions(handle.db);
}, 120_000);
afterAll(() => handle.close());

describe('the demo actions', () => {
  it('belong to the demo ministries and municipalities and answer real recommendations', async () => {
    const rows = await handle.db
      .selectFrom('actions as a')
      .innerJoin('entities as e', 'e.id', 'a.responsible_entity_id')
      .select([
        'a.title',
        'e.name',
        'a.budget_currency',
        (eb) =>
          eb
            .selectFrom('action_recommendations as ar')
            .innerJoin('recommendations as r', 'r.id', 'ar.recommendation_id')
            .select((inner) => inner.fn.agg<string[]>('array_agg', ['r.text_en']).as('texts'))
            .whereRef('ar.action_id', '=', 'a.id')
            .as('texts'),
      ])
      .orderBy('a.title')
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.name)).toContain('City Municipality of Ljubljana');
    const roma = rows.find((row) => row.title.includes('Roma'));
    expect(roma?.texts?.length).toBeGreaterThan(0);
    for (const text of roma?.texts ?? []) expect(text).toMatch(/Roma/i);
    for (const row of rows) expect(row.texts?.length ?? 0, row.title).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.budget_currency).filter(Boolean))).toEqual(new Set(['EUR']));
  });
});
