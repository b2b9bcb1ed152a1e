import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';

let test: TestApp;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

async function upload(path: string, fileName = path.split('/').pop() ?? path, client = coordinator) {
  return test.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload: typeof path === 'string' && path.includes('/') ? readFixture(path) : Buffer.from(path),
  });
}

async function importFile(path: string, options: object = {}) {
  const preview = await upload(path);
  expect(preview.statusCode, preview.body).toBe(201);
  const applied = await coordinator.request('POST', `/api/imports/${preview.json().importId}/apply`, options);
  expect(applied.statusCode, applied.body).toBe(200);
  return { preview: preview.json(), applied: applied.json() };
}

async function countRecommendations(where: { symbol?: string } = {}) {
  let query = test.handle.db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (where.symbol) query = query.where('v.symbol', '=', where.symbol);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

describe('importing the real Slovenian sources', () => {
  it('the Working Group report, its addendum and the cycle 4 thematic list make 254 recommendations, not 508', async () => {
    const report = await importFile('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf');
    expect(report.preview.counts).toMatchObject({ create: 254, update: 0, skip: 0 });
    expect(report.applied.summary).toMatchObject({ created: 254, reviewsCreated: 1 });

    const views = await importFile('upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf');
    expect(views.preview.counts.update).toBe(254);
    const list = await importFile('ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx');
    expect(list.preview.counts.create).toBe(0);
    expect(list.preview.counts.update + list.preview.counts.unchanged).toBe(254);
    expect(await countRecommendations({ symbol: 'A/HRC/59/15' })).toBe(254);

    const rec = await test.handle.db
      .selectFrom('recommendations as r')
      .innerJoin('reviews as v', 'v.id', 'r.review_id')
      .select(['r.position', 'r.recommending_states', 'r.theme_ids', 'r.sources', 'r.sdg_goals', 'v.cycle'])
      .where('v.symbol', '=', 'A/HRC/59/15')
      .where('r.number', '=', '140.1')
      .executeTakeFirstOrThrow();
    // Position from the State's views, States from the report, themes from the thematic list.
    expect(rec.position).toMatch(/supported|noted/);
    expect(rec.recommending_states.length).toBeGreaterThan(0);
    expect(rec.theme_ids.length).toBeGreaterThan(0);
    expect(rec.sources.map((s) => s.format).sort()).toEqual([
      'ohchr-thematic-docx',
      'upr-addendum-pdf',
      'upr-wg-report-pdf',
    ]);
    expect(rec.cycle).toBe(4);
  });

  it('importing the same file twice changes nothing', async () => {
    const before = await countRecommendations();
    const again = await upload('ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx');
    expect(again.json().counts).toMatchObject({ create: 0, update: 0, unchanged: 254 });
    expect(again.json().alreadyAppliedAt).not.toBeNull();
    const applied = await coordinator.request('POST', `/api/imports/${again.json().importId}/apply`, {});
    expect(applied.json().summary).toMatchObject({ created: 0, updated: 0, unchanged: 254 });
    expect(await countRecommendations()).toBe(before);
  });

  it('the cycle 2 thematic list makes its own review with 163 recommendations and positions', async () => {
    const { applied } = await importFile('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
    expect(applied.summary.created).toBe(163);
    expect(applied.summary.reviewsCreated).toBe(1);
    const positions = await test.handle.db
      .selectFrom('recommendations')
      .select(['position', (eb) => eb.fn.countAll<number>().as('n')])
      .where('cycle', '=', 2)
      .groupBy('position')
      .execute();
    expect(Object.fromEntries(positions.map((p) => [p.position, Number(p.n)]))).toEqual({ supported: 142, noted: 21 });
  });

  it('the Spanish concluding observations keep paragraphs, headings and sub-items', async () => {
    const { preview, applied } = await importFile('concluding-observations/CRPD_C_GRC_CO_1_es.pdf');
    expect(preview.reviews[0]).toMatchObject({ bodyCode: 'CRPD', countryIso2: 'GR' });
    expect(applied.summary.created).toBeGreaterThan(20);
    const rows = await test.handle.db
      .selectFrom('recommendations')
      .select(['text_es', 'sub_items', 'heading', 'original_lang'])
      .where('body_code', '=', 'CRPD')
      .execute();
    expect(rows.every((row) => row.original_lang === 'es' && row.text_es)).toBe(true);
    expect(rows.some((row) => row.sub_items.length > 1)).toBe(true);
    // Each sub-item is in the text once, on its own line after the chapeau (ARCHITECTURE.md).
    for (const row of rows)
      for (const item of row.sub_items) {
        expect(row.text_es!.split(item.text)).toHaveLength(2);
        expect(row.text_es).toContain(`\n${item.label}) ${item.text}`);
      }
    expect(preview.warnings).toEqual([]);
  });

  it('CERD Brazil marks the follow-up paragraphs with their one-year deadline', async () => {
    await importFile('concluding-observations/CERD_C_BRA_CO_18-20_en.pdf');
    const review = await test.handle.db
      .selectFrom('reviews')
      .selectAll()
      .where('body_code', '=', 'CERD')
      .executeTakeFirstOrThrow();
    expect(review.follow_up_months).toBe(12);
    expect(review.follow_up_paragraphs).toEqual(expect.arrayContaining(['17 (a)', '19 (c)', '23 (a)']));
    const followed = await test.handle.db
      .selectFrom('recommendations')
      .select('number')
      .where('review_id', '=', review.id)
      .where('follow_up', '=', true)
      .orderBy('number_sort')
      .execute();
    expect(followed.map((r) => r.number)).toEqual(['17', '19', '23', '36']);
  });
});

describe('UPR Info exports', () => {
  it('imports a whole CSV (Mac Roman, CR line ends) with its State names matched and reviewable', async () => {
    const preview = (await upload('upr-info/upr-info-sessions-6-9.sample.csv')).json();
    expect(preview.format).toBe('upr-info-csv');
    // The sample of sessions 6–9: 396 rows, one of them an exact duplicate.
    expect(preview.counts.create).toBe(396 - 1);
    expect(preview.counts.skip).toBe(1);
    expect(preview.duplicates).toHaveLength(1);
    const byName = Object.fromEntries(
      preview.states.map((s: { name: string; iso2: string | null; how: string }) => [s.name, s]),
    );
    expect(byName['United Kingdom']).toMatchObject({ iso2: 'GB', how: 'alias' });
    expect(byName['Côte d’Ivoire'] ?? byName["Côte d'Ivoire"] ?? { iso2: 'CI' }).toMatchObject({ iso2: 'CI' });
    const unmatched = preview.states.filter((s: { iso2: string | null }) => !s.iso2);
    // The user maps what the importer could not, then applies.
    const stateMapping = Object.fromEntries(unmatched.map((s: { name: string }) => [s.name, null]));
    const applied = await coordinator.request('POST', `/api/imports/${preview.importId}/apply`, {
      stateMapping: { ...stateMapping, Slovenia: 'SI' },
    });
    expect(applied.json().summary.created).toBe(395);
    const reviews = await test.handle.db
      .selectFrom('reviews')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('symbol', 'is', null)
      .executeTakeFirstOrThrow();
    // One review per State and session: sessions 6–9 reviewed 63 States (the sample keeps a row of each).
    expect(Number(reviews.n)).toBe(63);
    const accepted = await test.handle.db
      .selectFrom('recommendations')
      .select(['position', 'action_category', 'issue_ids', 'recommending_states'])
      .where('cycle', '=', 1)
      .where('body_code', '=', 'UPR')
      .where('action_category', 'is not', null)
      .limit(50)
      .execute();
    expect(accepted.every((row) => row.position === 'supported' || row.position === 'noted')).toBe(true);
    expect(accepted.some((row) => row.issue_ids.length > 0)).toBe(true);
    expect(accepted.every((row) => row.recommending_states.every((state) => /^[A-Z]{2}$/.test(state)))).toBe(true);
  }, 120_000);
});

describe('bad files', () => {
  it('refuses an empty file, a text file and a corrupt DOCX, and stores nothing', async () => {
    const before = await test.handle.db
      .selectFrom('imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const corrupt = readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx').subarray(0, 5000);
    for (const [name, body] of [
      ['empty.csv', Buffer.alloc(0)],
      ['notes.txt', Buffer.from('just some words\nwithout any columns')],
      ['broken.docx', corrupt],
    ] as const) {
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/imports?fileName=${name}`,
        headers: {
          cookie: coordinator.cookie,
          'x-csrf-token': coordinator.csrfToken,
          'content-type': 'application/octet-stream',
        },
        payload: body,
      });
      expect(response.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(['UNSUPPORTED_FILE', 'IMPORT_INVALID', 'VALIDATION']).toContain(response.json().error.code);
    }
    const after = await test.handle.db
      .selectFrom('imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a WHO indicator export, naming the file, its columns and what it expects', async () => {
    const who = readFileSync(
      new URL('../indicators/fixtures/who-maternal-mortality-ratio-sdg-3-1-1-2023.xlsx', import.meta.url),
    );
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/imports?fileName=who-mmr.xlsx',
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrfToken,
        'content-type': 'application/octet-stream',
      },
      payload: who,
    });
    expect(response.statusCode).toBe(415);
    const error = response.json().error;
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.issues[0]).toMatchObject({
      file: 'who-mmr.xlsx',
      column: 'Filters',
      message: 'issues.notRecommendationsTable',
    });
  });

  it('refuses an upload over the size limit', async () => {
    const small = await createTestApp({ UPLOAD_MAX_MB: 0.01 });
    try {
      const client = await signInNew(small, 'admin');
      const response = await small.app.inject({
        method: 'POST',
        url: '/api/imports?fileName=big.pdf',
        headers: {
          cookie: client.cookie,
          'x-csrf-token': client.csrfToken,
          'content-type': 'application/octet-stream',
        },
        payload: readFixture('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf'),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('only coordinators and admins import', async () => {
    const focal = await signInNew(test, 'focal_point');
    const response = await upload('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf', undefined, focal);
    expect(response.statusCode).toBe(403);
  });
});
