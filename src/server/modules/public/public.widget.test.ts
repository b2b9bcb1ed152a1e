import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeAssignment, makeEntity, makeRecommendations, makeReview, makeUser } from '../../../../tests/factories';

// Embeddable widgets and the open data of progress and indicators (decision 040): only what is
// published, the same 404 as the pages, framable by any site while every other page is not.

let test: TestApp;
let coordinator: Client;
const ids = {} as Record<
  'review' | 'hiddenReview' | 'rec' | 'other' | 'ministry' | 'lrg' | 'quiet' | 'indicator' | 'theme',
  string
>;
const never = { draft: 'DRAFT-NARRATIVE-NOT-PUBLIC', unpublished: 'VALIDATED-NOT-PUBLISHED', person: 'Ivana Private' };

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  const boss = await makeUser(db, { role: 'coordinator' });
  const author = await makeUser(db, { role: 'focal_point', name: never.person });
  coordinator = await signInAs(test.app, boss.email);
  const review = await makeReview(db, { symbol: 'A/HRC/58/14' });
  const hiddenReview = await makeReview(db, { symbol: 'CEDAW/C/SVN/CO/7' });
  ids.review = review.id;
  ids.hiddenReview = hiddenReview.id;
  const theme = await db
    .insertInto('taxonomy_terms')
    .values({
      taxonomy: 'theme',
      code: 'widget-housing',
      label: JSON.stringify({ en: 'Right to housing' }),
      parent_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.theme = String(theme.id);
  const [rec, second] = await makeRecommendations(db, review, [
    { number: '120.1', text_en: 'Ratify the Optional Protocol on adequate housing', theme_ids: [theme.id] },
    { number: '120.2', text_en: 'Adopt a national action plan on housing' },
  ]);
  const [other] = await makeRecommendations(db, hiddenReview, [{ number: '9', text_en: 'Combat violence' }]);
  ids.rec = rec!.id;
  ids.other = other!.id;
  const ministry = await makeEntity(db, { name: 'Ministry of Labour', acronym: 'MOL' });
  const lrg = await makeEntity(db, { kind: 'lrg', name: 'Municipality of Koper' });
  const quiet = await makeEntity(db, { kind: 'lrg', name: 'Municipality of Nowhere' });
  ids.ministry = ministry.id;
  ids.lrg = lrg.id;
  ids.quiet = quiet.id;
  await makeAssignment(db, ids.rec, ministry.id);
  await makeAssignment(db, second!.id, lrg.id);
  await makeAssignment(db, ids.other, quiet.id);
  const update = (recommendationId: string, entityId: string, narrative: string, status: 'validated' | 'draft') =>
    db
      .insertInto('progress_updates')
      .values({
        recommendation_id: recommendationId,
        entity_id: entityId,
        narrative: `<p>${narrative}</p>`,
        narrative_format: 'html',
        status,
        proposed_status: 'in_progress',
        period_start: '2025-01-01',
        period_end: '2025-06-30',
        created_by: author.id,
        validated_by: status === 'validated' ? author.id : null,
        validated_at: status === 'validated' ? new Date('2026-03-02') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  await update(ids.rec, ministry.id, 'The labour inspectorate hired 30 inspectors.', 'validated');
  await update(ids.rec, ministry.id, never.draft, 'draft');
  const unpublished = await update(ids.rec, ministry.id, never.unpublished, 'validated');
  const indicator = await db
    .insertInto('indicators')
    .values({
      code: 'LAB-1',
      title: 'Labour inspectors per 10,000 workers',
      type: 'process',
      unit: 'per 10,000',
      frequency: 'annual',
      owner_entity_id: ministry.id,
      dimensions: JSON.stringify([]),
      baseline_value: 0.8,
      baseline_year: 2023,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.indicator = indicator.id;
  await db
    .insertInto('indicator_recommendations')
    .values({ indicator_id: indicator.id, recommendation_id: ids.rec })
    .execute();
  await db
    .insertInto('observations')
    .values([
      {
        indicator_id: indicator.id,
        period_start: '2024-01-01',
        period_end: '2024-12-31',
        value: 0.9,
        source: 'Labour survey',
      },
      { indicator_id: indicator.id, period_start: '2025-01-01', period_end: '2025-12-31', value: 1.1 },
    ])
    .execute();
  expect(
    (await coordinator.request('PUT', `/api/publication/review/${ids.review}`, { published: true })).statusCode,
  ).toBe(200);
  expect(
    (await coordinator.request('POST', `/api/publication/reviews/${ids.review}/validated-updates`)).json(),
  ).toEqual({ published: 2 });
  // One validated update withheld again: it stays out of every download and widget.
  await coordinator.request('PUT', `/api/publication/progress_update/${unpublished.id}`, { published: false });
  await coordinator.request('PUT', `/api/publication/review/${ids.hiddenReview}`, { published: false });
}, 180_000);

afterAll(async () => {
  await test?.close();
});

const get = (url: string) => test.app.inject({ method: 'GET', url });

describe('widgets', () => {
  it("shows an entity's counts by status, its latest published progress and a link back, framable by any site", async () => {
    const response = await get(`/public/en/widgets/entities/${ids.ministry}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Ministry of Labour (MOL)');
    expect(response.body).toContain('The labour inspectorate hired 30 inspectors.');
    expect(response.body).toMatch(/<li><i style="background:#[0-9a-f]{6}"><\/i>[^<]+: 1<\/li>/);
    expect(response.body).toContain(`href="http://implementa.test/public/en/entities/${ids.ministry}" target="_blank"`);
    expect(response.body).not.toContain(never.draft);
    expect(response.body).not.toContain(never.unpublished);
    expect(response.body).not.toContain(never.person);
    expect(response.body).not.toMatch(/<script|<form/i);
    // The style sheet is written as it is (not escaped): its font names keep their quotes.
    expect(response.body).toContain('"Segoe UI"');
    expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect((await get(`/public/en/widgets/entities/${ids.ministry}`)).headers['x-public-cache']).toBe('hit');
    // A hit from the cache carries the same framing headers.
    expect((await get(`/public/en/widgets/entities/${ids.ministry}`)).headers['x-frame-options']).toBeUndefined();
  });

  it('says honestly when nothing is published yet, and in Arabic from right to left', async () => {
    const lrg = await get(`/public/ar/widgets/entities/${ids.lrg}`);
    expect(lrg.statusCode).toBe(200);
    expect(lrg.body).toContain('<html lang="ar" dir="rtl">');
    expect(lrg.body).toContain('لم يُنشر أي تقدم بعد');
    const theme = await get(`/public/en/widgets/themes/${ids.theme}`);
    expect(theme.statusCode).toBe(200);
    expect(theme.body).toContain('Right to housing');
    expect(theme.body).toContain('The labour inspectorate hired 30 inspectors.');
    expect(theme.body).toContain(`/public/en/themes/${ids.theme}"`);
    const review = await get(`/public/fr/widgets/reviews/${ids.review}`);
    expect(review.body).toContain('A/HRC/58/14');
    expect(review.body).toContain('Examen');
  });

  it('answers an unpublished subject exactly as an unknown one (404), still framable', async () => {
    const unknown = await get(`/public/en/widgets/entities/${randomUUID()}`);
    const quiet = await get(`/public/en/widgets/entities/${ids.quiet}`);
    const hidden = await get(`/public/en/widgets/reviews/${ids.hiddenReview}`);
    for (const response of [unknown, quiet, hidden]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).toBe(unknown.body);
      expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
    }
    expect(quiet.body).not.toContain('Nowhere');
    expect(unknown.body).toContain('Nothing of this is published on the public portal yet.');
    expect((await get('/public/en/widgets/entities/not-a-uuid')).statusCode).toBe(404);
    expect((await get('/public/en/widgets/themes/999999')).statusCode).toBe(404);
    expect((await get(`/public/xx/widgets/entities/${ids.ministry}`)).statusCode).toBe(404);
  });

  it('keeps anti-framing headers on every other page', async () => {
    for (const url of ['/public/en/', `/public/en/entities/${ids.ministry}`, '/public/en/widgets', '/public/en/data']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
  });

  it('offers the snippet with the widget itself as preview, in the chosen language', async () => {
    const entityPage = await get(`/public/en/entities/${ids.ministry}`);
    expect(entityPage.body).toContain(`/public/en/widgets?subject=entity:${ids.ministry}&amp;lang=en`);
    const page = await get(`/public/en/widgets?subject=entity:${ids.ministry}&lang=ar`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<iframe src="/public/ar/widgets/entities/${ids.ministry}"`);
    expect(page.body).toContain(
      `&lt;iframe src=&quot;http://implementa.test/public/ar/widgets/entities/${ids.ministry}&quot; title=&quot;Progress summary: Ministry of Labour (MOL)&quot; width=&quot;100%&quot;`,
    );
    expect(page.body).toMatch(new RegExp(`<option value="entity:${ids.ministry}" selected>`));
    expect(page.body).toContain('<option value="ar" lang="ar" selected>');
    // Every public subject is offered; an unpublished one is not.
    expect(page.body).toContain(`review:${ids.review}`);
    expect(page.body).not.toContain(ids.quiet);
    expect(page.body).not.toContain(ids.hiddenReview);
    const refused = await get(`/public/en/widgets?subject=entity:${ids.quiet}`);
    expect(refused.statusCode).toBe(200);
    expect(refused.body).not.toContain('<iframe');
    expect(refused.body).not.toContain('Nowhere');
  });
});

describe('open data of progress and indicators', () => {
  it('downloads the published progress as CSV with its columns, licence and citation, nothing unpublished', async () => {
    const csv = await get('/public/en/data/progress.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFid,recommendation_id,document,paragraph,entity_id,entity,entity_kind,period_start,period_end,status,validated_on,narrative,url',
    );
    expect(lines).toHaveLength(5); // header, one update, licence, citation, final newline
    expect(lines[1]).toContain(',A/HRC/58/14,120.1,');
    expect(lines[1]).toContain('The labour inspectorate hired 30 inspectors.');
    expect(lines[2]).toContain('CC BY 4.0');
    expect(lines[3]).toContain('http://implementa.test/public/en/');
    for (const text of Object.values(never)) expect(csv.body).not.toContain(text);
  });

  it('downloads the indicators with their national values as JSON with the data dictionary, and as XLSX', async () => {
    const json = (await get('/public/fr/data/indicators.json')).json();
    expect(json.licence).toContain('CC BY 4.0');
    expect(json.dataset).toBe('indicators');
    expect(Object.keys(json.dictionary)).toEqual(Object.keys(json.items[0]));
    expect(json.dictionary.value).toContain('Valeur nationale');
    expect(json.items.map((item: { value: number }) => item.value)).toEqual([0.9, 1.1]);
    expect(json.items[0]).toMatchObject({
      code: 'LAB-1',
      recommendations: 'A/HRC/58/14 ¶ 120.1',
      baseline_value: 0.8,
      source: 'Labour survey',
      owner: 'Ministry of Labour',
    });
    const xlsx = await get('/public/en/data/indicators.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('indicators')!;
    expect(sheet.rowCount).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['indicator_id', 'code', 'title']);
    const about = book.getWorksheet('about')!;
    expect(String(about.getRow(1).getCell(1).value)).toContain('CC BY 4.0');
    expect(about.getRow(4).getCell(1).value).toBe('indicator_id');
  });

  it('lists every download with its dictionary on the open data page, in Arabic too', async () => {
    const page = await get('/public/ar/data');
    expect(page.statusCode).toBe(200);
    for (const set of ['recommendations', 'progress', 'indicators'])
      for (const format of ['csv', 'xlsx', 'json']) expect(page.body).toContain(`/public/ar/data/${set}.${format}`);
    expect(page.body).toContain('<code>upper_bound</code>');
    expect(page.body).toContain('main li>a:first-child{display:inline-block;min-block-size:24px}');
    expect(page.body).toContain('قاموس البيانات');
  });
});
