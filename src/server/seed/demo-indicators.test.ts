import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import type { DatabaseHandle } from '../db/database';
import { systemActor } from '../http/context';
import { importTrustedFile } from '../modules/imports/imports.service';
import { municipalValues, seedDemoIndicators } from './demo-indicators';
import { seedDemoState } from './demo-state';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoState(handle.db);
  const name = 'slovenia-upr-cycle4-thematic-list.docx';
  const data = await readFile(new URL(`./data/slovenia/${name}`, import.meta.url));
  await importTrustedFile(handle.db, systemActor('test'), name, data);
  await seedDemoIndicators(handle.db);
}, 120_000);
afterAll(() => handle.close());

const observationsOf = (code: string) =>
  handle.db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
    .leftJoin('entities as p', 'p.id', 'o.place_entity_id')
    .select([
      'p.subdivision_code',
      sql<string>`o.period_start::text`.as('period_start'),
      sql<string>`o.period_end::text`.as('period_end'),
      'o.value',
      'o.lower_bound',
      'o.upper_bound',
    ])
    .where('i.code', '=', code)
    .orderBy('p.subdivision_code')
    .orderBy('o.period_start')
    .execute();

describe('the demo indicators', () => {
  it('hold Slovenia’s real maternal mortality ratio from the WHO export, with its bounds', async () => {
    const rows = await observationsOf('SDG 3.1.1');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.subdivision_code).toBeNull();
      expect(row.period_start.endsWith('-01-01') && row.period_end.endsWith('-12-31')).toBe(true);
      // Slovenia's MMR is in single digits per 100 000 live births; WHO gives an interval around it.
      expect(Number(row.value)).toBeGreaterThan(0);
      expect(Number(row.value)).toBeLessThan(30);
      expect(Number(row.lower_bound)).toBeLessThanOrEqual(Number(row.value));
      expect(Number(row.upper_bound)).toBeGreaterThanOrEqual(Number(row.value));
    }
  });

  it('give three municipalities values derived from WHO’s national births and women aged 15–49', async () => {
    const rows = await observationsOf('SI-LRG-01');
    expect(new Set(rows.map((row) => row.subdivision_code))).toEqual(new Set(['SI-061', 'SI-070', 'SI-080']));
    expect(new Set(rows.map((row) => row.period_start.slice(0, 4)))).toEqual(new Set(['2005', '2016', '2023']));
    // 2023: 17.902 thousand births / 427.4665 thousand women = 41.88 per 1 000; Ljubljana's factor is 0.97.
    const ljubljana2023 = rows.find((row) => row.subdivision_code === 'SI-061' && row.period_start === '2023-01-01');
    expect(Number(ljubljana2023?.value)).toBe(Math.round((17.902 / 427.4665) * 1000 * 0.97 * 10) / 10);
    expect(municipalValues([{ year: 2023, rate: 40 }]).map((row) => row.value)).toEqual([38.8, 36.4, 42.4]);
  });

  it('are linked to real recommendations on their subject, and a second run adds nothing', async () => {
    const links = await handle.db
      .selectFrom('indicator_recommendations as l')
      .innerJoin('indicators as i', 'i.id', 'l.indicator_id')
      .innerJoin('recommendations as r', 'r.id', 'l.recommendation_id')
      .select(['i.code', 'r.text_en'])
      .execute();
    const textsOf = (code: string) => links.filter((link) => link.code === code).map((link) => link.text_en ?? '');
    expect(textsOf('SDG 3.1.1').length).toBeGreaterThan(0);
    for (const text of textsOf('SDG 3.1.1'))
      expect(text).toMatch(/maternal|reproductive health|right to health|health care/i);
    expect(textsOf('SI-LRG-01').length).toBeGreaterThan(0);
    for (const text of textsOf('SI-LRG-01')) expect(text).toMatch(/Roma/);

    const count = async () => {
      const [indicators, observations] = await Promise.all([
        handle.db
          .selectFrom('indicators')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        handle.db
          .selectFrom('observations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return [Number(indicators.n), Number(observations.n)];
    };
    const before = await count();
    await seedDemoIndicators(handle.db);
    expect(await count()).toEqual(before);
    expect(before[0]).toBe(2);
  });
});
