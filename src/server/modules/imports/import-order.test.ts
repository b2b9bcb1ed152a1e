/**
 * Issue 13, parts 1 and 2: the Working Group report, its addendum (the State's views) and the
 * OHCHR thematic list of one review (Slovenia, fourth cycle) give the same register in all six
 * orders: no decided position undone, one review with all its metadata.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { readFixture } from '../../../../tests/fixtures';
import { importOptionsSchema } from '../../../shared/schemas/imports';
import type { DatabaseHandle } from '../../db/database';
import { applyPlan } from './apply-plan';
import { buildPlan, draftPlan } from './build-plan';
import { insertImport, markImportApplied } from './imports.repo';
import { detectFormat, type ParsedSource, parsers } from './parsers';

const files = {
  report: 'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf',
  views: 'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
  list: 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx',
} as const;
type FileKey = keyof typeof files;

/** Each file parsed once; every database gets its own copy. */
const parsedCache = new Map<string, Promise<{ format: string; parsed: ParsedSource }>>();
export function parsedFixture(path: string) {
  let entry = parsedCache.get(path);
  if (!entry) {
    entry = (async () => {
      const data = readFixture(path);
      const format = await detectFormat(data, path);
      if (format === 'tabular') throw new Error(`${path}: not a known format`);
      return { format, parsed: await parsers[format](data, path) };
    })();
    parsedCache.set(path, entry);
  }
  return entry;
}

const options = importOptionsSchema.parse({});

/** The dry run of a file against this database. */
export async function previewFixture(handle: DatabaseHandle, path: string) {
  const { parsed } = await parsedFixture(path);
  return buildPlan(handle.db, structuredClone(parsed), options, path);
}

/** Stores the file as an import and applies it, as the service does (one transaction). */
export async function applyFixture(handle: DatabaseHandle, path: string) {
  const { format, parsed } = await parsedFixture(path);
  const data = readFixture(path);
  const row = await insertImport(handle.db, {
    file_name: path,
    format,
    sha256: createHash('sha256').update(data).digest('hex'),
    size_bytes: data.length,
    original: data,
    status: 'previewed',
    summary: '{}',
    created_by: null,
  });
  return handle.db.transaction().execute(async (trx) => {
    const draft = await draftPlan(trx, structuredClone(parsed), options, path);
    const summary = await applyPlan(trx, draft, { importId: row.id, fileName: path, format, userId: null }, () => {});
    await markImportApplied(trx, row.id, summary);
    return { summary, plan: draft.plan };
  });
}

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
    expect(keptFromViews).toBe(254);
    for (const { order, value } of snapshots.slice(1)) {
      expect({ order, reviews: value.reviews.map((r) => ({ ...r, held_positions: 0 })) }).toEqual({
        order,
        reviews: first.reviews.map((r) => ({ ...r, held_positions: 0 })),
      });
      // Field by field, for a readable failure.
      for (const [i, rec] of value.recommendations.entries())
        expect({ order, ...rec }).toEqual({ order, ...first.recommendations[i] });
    }
  }, 300_000);
});
