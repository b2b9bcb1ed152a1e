/**
 * Issue 13, parts 1 and 2: the Working Group report, its addendum (the State's views) and the
 * OHCHR thematic list of one review (Slovenia, fourth cycle) give the same register in all six
 * orders: no decided position undone, one review with all its metadata.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeReview } from '../../../../tests/factories';
import { applyFixture, previewFixture } from '../../../../tests/fixture-imports';
import { importPreviewSchema } from '../../../shared/schemas/imports';
import type { DatabaseHandle } from '../../db/database';
import { presentPreview } from './imports.presenter';

const files = {
  report: 'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf',
  views: 'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
  list: 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx',
} as const;
type FileKey = keyof typeof files;

/** What the register holds, without ids or times: what must not depend on the order. */
async function snapshot(handle: DatabaseHandle) {
  const reviews = await handle.db
    .selectFrom('reviews')
    .select(['body_code', 'symbol', 'country_iso2', 'session', 'cycle', 'review_date', 'held_positions'])
    .orderBy('symbol')
    .execute();
  const terms = new Map(
    (await handle.db.selectFrom('taxonomy_terms').select(['id', 'code']).execute()).map((t) => [t.id, t.code]),
  );
  const recs = await handle.db
    .selectFrom('recommendations')
    .select([
      'number',
      'text_en',
      'sub_items',
      'position',
      'position_source',
      'recommending_states',
      'sources',
      'theme_ids',
      'affected_ids',
      'sdg_goals',
      'country_iso2',
      'cycle',
    ])
    .orderBy('number_sort')
    .execute();
  return {
    reviews: reviews.map((r) => ({
      ...r,
      review_date: r.review_date ? new Date(r.review_date).toISOString().slice(0, 10) : null,
      held_positions: r.held_positions.length,
    })),
    recommendations: recs.map((r) => ({
      ...r,
      recommending_states: [...r.recommending_states].sort(),
      sources: r.sources.map((s) => `${s.format}|${s.fileName}`).sort(),
      theme_ids: r.theme_ids.map((id) => terms.get(id)).sort(),
      affected_ids: r.affected_ids.map((id) => terms.get(id)).sort(),
      sdg_goals: [...r.sdg_goals].sort((a, b) => a - b),
    })),
  };
}

const orders: FileKey[][] = [
  ['report', 'views', 'list'],
  ['report', 'list', 'views'],
  ['views', 'report', 'list'],
  ['views', 'list', 'report'],
  ['list', 'report', 'views'],
  ['list', 'views', 'report'],
];

describe('the order of a review’s sources does not matter', () => {
  it('the WG report, the State’s views and the thematic list in all six orders give one register', async () => {
    const snapshots: { order: string; value: Awaited<ReturnType<typeof snapshot>> }[] = [];
    let keptFromViews = 0;
    for (const order of orders) {
      const handle = await createTestDatabase();
      try {
        for (const key of order) {
          const { plan } = await applyFixture(handle, files[key]);
          // The report's "will be examined" (pending) after the State's views: kept, and said so.
          if (key === 'report' && order.indexOf('views') < order.indexOf('report'))
            keptFromViews = plan.rows.filter((row) =>
              row.kept?.some((k) => k.field === 'position' && k.format === 'upr-addendum-pdf'),
            ).length;
        }
        snapshots.push({ order: order.join(' → '), value: await snapshot(handle) });
      } finally {
        await handle.close();
      }
    }
    const first = snapshots[0]?.value;
    if (!first) throw new Error('no snapshot');
    // The counts, so that an empty or half register cannot pass.
    expect(first.reviews).toEqual([
      {
        body_code: 'UPR',
        symbol: 'A/HRC/59/15',
        country_iso2: 'SI',
        session: 48,
        cycle: 4,
        review_date: '2025-03-24',
        held_positions: first.reviews[0]?.held_positions,
      },
    ]);
    expect(first.recommendations).toHaveLength(254);
    const count = (position: string) => first.recommendations.filter((r) => r.position === position).length;
    expect({
      supported: count('supported'),
      noted: count('noted'),
      pending: count('pending'),
      supported_in_part: count('supported_in_part'),
    }).toEqual({ supported: 217, noted: 37, pending: 0, supported_in_part: 0 });
    expect(first.recommendations.every((r) => r.position_source === 'A/HRC/59/15/Add.1')).toBe(true);
    expect(first.recommendations.every((r) => r.country_iso2 === 'SI' && r.cycle === 4)).toBe(true);
    expect(first.recommendations.every((r) => r.recommending_states.length > 0)).toBe(true);
    expect(first.recommendations.every((r) => r.sources.length === 3)).toBe(true);
    expect(first.recommendations.filter((r) => r.theme_ids.length > 0)).toHaveLength(254);
    for (const { order, value } of snapshots.slice(1)) {
      expect({ order, reviews: value.reviews.map((r) => ({ ...r, held_positions: 0 })) }).toEqual({
        order,
        reviews: first.reviews.map((r) => ({ ...r, held_positions: 0 })),
      });
      // Field by field, for a readable failure.
      for (const [i, rec] of value.recommendations.entries())
        expect({ order, ...rec }).toEqual({ order, ...first.recommendations[i] });
    }
    // Every pending position the report offered after the views is shown as kept from them.
    expect(keptFromViews).toBe(254);
  }, 300_000);
});

describe('one review, one record', () => {
  it('a UPR Info export joins the symbol-keyed review of the same State and session', async () => {
    const handle = await createTestDatabase();
    try {
      // Slovenia's first review: UPR Working Group session 7, report A/HRC/14/15.
      const { id } = await makeReview(handle.db, { symbol: 'A/HRC/14/15', session: 7, cycle: 1, review_date: null });
      const preview = await previewFixture(handle, 'upr-info/upr-info-sessions-6-9.sample.csv');
      const slovenia = [...preview.reviews.values()].filter((r) => r.countryIso2 === 'SI');
      expect(slovenia.map((r) => [r.key, r.existing?.id])).toEqual([['u:UPR:SI:7', id]]);
      await applyFixture(handle, 'upr-info/upr-info-sessions-6-9.sample.csv');
      const reviews = await handle.db
        .selectFrom('reviews')
        .select(['id', 'symbol'])
        .where('country_iso2', '=', 'SI')
        .where('body_code', '=', 'UPR')
        .execute();
      expect(reviews).toEqual([{ id, symbol: 'A/HRC/14/15' }]);
      const recs = await handle.db
        .selectFrom('recommendations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('review_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(recs.n)).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('the Working Group report fills in the review a session-keyed import made, and the list joins it', async () => {
    const handle = await createTestDatabase();
    try {
      // As a UPR Info export of Slovenia's session 48 leaves it: no symbol, no date, no cycle.
      const { id } = await makeReview(handle.db, { symbol: null, session: 48, review_date: null });
      const report = 'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf';
      const preview = await previewFixture(handle, report);
      const review = [...preview.reviews.values()][0];
      expect(review?.existing?.id).toBe(id);
      expect(review?.changes).toEqual([
        { field: 'symbol', before: null, after: 'A/HRC/59/15' },
        { field: 'cycle', before: null, after: 4 },
        { field: 'review_date', before: null, after: '2025-03-24' },
      ]);
      await applyFixture(handle, report);
      await applyFixture(handle, 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx');
      const reviews = await handle.db
        .selectFrom('reviews')
        .select(['id', 'symbol', 'country_iso2', 'session', 'cycle'])
        .execute();
      expect(reviews).toEqual([{ id, symbol: 'A/HRC/59/15', country_iso2: 'SI', session: 48, cycle: 4 }]);
      const recs = await handle.db
        .selectFrom('recommendations')
        .select(['cycle', (eb) => eb.fn.countAll<number>().as('n')])
        .where('review_id', '=', id)
        .groupBy('cycle')
        .execute();
      expect(recs.map((r) => [r.cycle, Number(r.n)])).toEqual([[4, 254]]);
      // The report again: its "will be examined" is kept back, and the preview says from where.
      const again = presentPreview(
        { id: randomUUID(), file_name: report, format: 'upr-wg-report-pdf', size_bytes: 1 },
        null,
        await previewFixture(handle, report),
        {},
      );
      expect(importPreviewSchema.parse(again)).toEqual(again);
      expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 254 });
      const kept = again.rows.flatMap((row) => row.kept ?? []);
      expect(kept).toHaveLength(100); // the preview's first 100 unchanged rows
      expect(kept[0]).toMatchObject({
        field: 'position',
        offered: 'pending',
        format: 'ohchr-thematic-docx',
        fileName: 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx',
      });
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe('registers damaged by the old importer', () => {
  it('a decided source imported again restores the positions a later report turned to pending', async () => {
    const handle = await createTestDatabase();
    try {
      await applyFixture(handle, files.report);
      await applyFixture(handle, files.list);
      // As the importer before decision 017 left them when the report came last: every position
      // pending, sources without the fields they hold.
      await sql`update recommendations set position = 'pending', position_source = null,
        sources = (select coalesce(jsonb_agg(s - 'fields'), '[]'::jsonb) from jsonb_array_elements(sources) s)`.execute(
        handle.db,
      );
      const { plan } = await applyFixture(handle, files.list);
      expect(plan.rows.filter((row) => row.changes.some((c) => c.field === 'position'))).toHaveLength(254);
      const positions = await handle.db
        .selectFrom('recommendations')
        .select(['position', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('position')
        .orderBy('position')
        .execute();
      expect(positions.map((p) => [p.position, Number(p.n)])).toEqual([
        ['noted', 37],
        ['supported', 217],
      ]);
      // The report again leaves them: its "will be examined" is weaker than the list's decision.
      const again = await applyFixture(handle, files.report);
      expect(again.summary.updated).toBe(0);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
