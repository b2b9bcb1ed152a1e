/**
 * Issue 13, part 5: importing the same file again is all "unchanged": the dry run reports no
 * update and the apply writes nothing (no version, no time stamp, no status line moves). Every
 * real format we have a fixture of, each file twice in a row.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { applyFixture, previewFixture } from '../../../../tests/fixture-imports';
import type { DatabaseHandle } from '../../db/database';
import { countsOf } from './imports.presenter';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** Everything an apply that writes nothing must leave as it is. */
async function footprint() {
  const { rows } = await sql<{
    recs: string;
    versions: string;
    latest: string | null;
    reviews: string;
    history: string;
  }>`
    select (select count(*) from recommendations) as recs,
           (select coalesce(sum(version), 0) from recommendations) as versions,
           (select max(updated_at)::text from recommendations) as latest,
           (select coalesce(sum(version), 0) || '/' || count(*) from reviews) as reviews,
           (select count(*) from recommendation_status_history) as history`.execute(handle.db);
  return rows[0];
}

// The State's views come first here, so that their held positions are imported twice too.
const fixtures = [
  'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
  'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf',
  'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx',
  'ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx',
  'upr-info/upr-info-sessions-6-9.sample.csv',
  'concluding-observations/CERD_C_BRA_CO_18-20_en.pdf',
  'concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf',
  'concluding-observations/CRPD_C_GRC_CO_1_es.pdf',
  'concluding-observations/CRPD_C_KAZ_CO_1_ar.pdf',
  'concluding-observations/CRPD_C_NOR_CO_1_fr.pdf',
];

describe('importing an identical file again', () => {
  for (const path of fixtures) {
    it(`${path.split('/').pop()}: the second dry run and apply change nothing`, async () => {
      const first = await applyFixture(handle, path);
      expect(first.summary.created + first.summary.updated + first.plan.rows.length).toBeGreaterThan(0);
      const before = await footprint();
      const preview = await previewFixture(handle, path);
      const counts = countsOf(preview);
      const updates = preview.rows.filter((row) => row.action === 'update').slice(0, 3);
      expect({ counts, updates: updates.map((row) => [row.number, row.changes]) }).toMatchObject({
        counts: { create: 0, update: 0 },
        updates: [],
      });
      expect([...preview.reviews.values()].filter((r) => r.changes.length || !r.existing)).toEqual([]);
      const second = await applyFixture(handle, path);
      expect(second.summary).toMatchObject({ created: 0, updated: 0, reviewsCreated: 0, reviewsUpdated: 0 });
      expect(second.summary.unchanged).toBe(counts.unchanged);
      expect(await footprint()).toEqual(before);
    }, 120_000);
  }
});
