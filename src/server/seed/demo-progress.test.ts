import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import type { DatabaseHandle } from '../db/database';
import { systemActor } from '../http/context';
import { importTrustedFile } from '../modules/imports/imports.service';
import { seedDemoProgress } from './demo-progress';
import { seedDemoState } from './demo-state';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoState(handle.db);
  const name = 'slovenia-upr-cycle4-thematic-list.docx';
  const data = await readFile(new URL(`./data/slovenia/${name}`, import.meta.url));
  await importTrustedFile(handle.db, systemActor('test'), name, data);
  await seedDemoProgress(handle.db);
  await seedDemoProgress(handle.db);
}, 120_000);
afterAll(() => handle.close());

describe('the demo progress updates', () => {
  it('are validated, from ministries and municipalities, on real recommendations, seeded once', async () => {
    const rows = await handle.db
      .selectFrom('progress_updates as p')
      .innerJoin('entities as e', 'e.id', 'p.entity_id')
      .innerJoin('recommendations as r', 'r.id', 'p.recommendation_id')
      .select(['e.name', 'e.lrg_level', 'p.status', 'r.text_en'])
      .orderBy('e.name')
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => row.status === 'validated')).toBe(true);
    expect(rows.filter((row) => row.lrg_level !== null).map((row) => row.name)).toEqual([
      'City Municipality of Ljubljana',
      'City Municipality of Maribor',
    ]);
    expect(rows.find((row) => row.name.includes('Maribor'))?.text_en).toMatch(/Roma/i);
  });
});
