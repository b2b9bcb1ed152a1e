import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeAssignment, makeEntity, makeRecommendations, makeReview, makeUser } from '../../../../tests/factories';

// The portal signed out (decision 032): a coordinator publishes a review and its validated
// updates; a crawl from the public home then follows every link and finds none of the things that
// are never public, and an unpublished id answers exactly as an unknown one.

let test: TestApp;
let coordinator: Client;
const secrets = {
  name: 'Zorana Secretkeeper',
  email: 'zorana.secretkeeper@private.example',
  draft: 'DRAFT-UPDATE-NEVER-PUBLIC',
  returned: 'RETURNED-UPDATE-NEVER-PUBLIC',
  returnComment: 'RETURN-COMMENT-NEVER-PUBLIC',
  unpublished: 'VALIDATED-BUT-UNPUBLISHED-NEVER-PUBLIC',
  consultation: 'CONSULTATION-COMMENT-NEVER-PUBLIC',
  assignmentNote: 'ASSIGNMENT-NOTE-NEVER-PUBLIC',
  historyNote: 'STATUS-NOTE-NEVER-PUBLIC',
  withheld: 'WITHHELD-TEXT-NEVER-PUBLIC',
  indicator: 'INDICATOR-OF-UNPUBLISHED-FOLLOW-UP',
  disaggregated: '987654.5',
};
const ids = {} as Record<
  'review' | 'otherReview' | 'rec' | 'rec2' | 'withheld' | 'textOnly' | 'entity' | 'lrg',
  string
>;
const updates = {} as Record<'validated' | 'validated2' | 'draft' | 'returned', string>;

async function update(recommendationId: string, entityId: string, narrative: string, status: string, authorId: string) {
  const row = await test.handle.db
    .insertInto('progress_updates')
    .values({
      recommendation_id: recommendationId,
      entity_id: entityId,
      narrative: `<p>${narrative}</p>`,
      narrative_format: 'html',
      status: status as 'validated',
      proposed_status: 'partially_implemented',
      period_start: '2025-01-01',
      period_end: '2025-12-31',
      created_by: authorId,
      submitted_by: authorId,
      validated_by: status === 'validated' ? authorId : null,
      validated_at: status === 'validated' ? new Date('2026-02-01') : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  const person = await makeUser(db, { role: 'focal_point', name: secrets.name, email: secrets.email });
  const boss = await makeUser(db, { role: 'coordinator' });
  coordinator = await signInAs(test.app, boss.email);
  const review = await makeReview(db, { symbol: 'A/HRC/58/14' });
  const other = await makeReview(db, { symbol: 'CRC/C/SVN/CO/5-6', body_code: 'CRC' });
  ids.review = review.id;
  ids.otherReview = other.id;
  const [rec, rec2, withheld] = await makeRecommendations(db, review, [
    { number: '120.1', text_en: 'Ratify the Optional Protocol on adequate housing' },
    { number: '120.2', text_en: 'Adopt a national action plan on housing' },
    { number: '120.3', text_en: secrets.withheld },
  ]);
  const [textOnly] = await makeRecommendations(db, other, [
    { number: '12', text_en: 'Raise the age of criminal responsibility' },
  ]);
  ids.rec = rec!.id;
  ids.rec2 = rec2!.id;
  ids.withheld = withheld!.id;
  ids.textOnly = textOnly!.id;
  const entity = await makeEntity(db, { name: 'Ministry of the Environment and Spatial Planning' });
  const lrg = await makeEntity(db, { kind: 'lrg', name: 'Municipality of Maribor' });
  ids.entity = entity.id;
  ids.lrg = lrg.id;
  await makeAssignment(db, ids.rec, entity.id, { note: secrets.assignmentNote, created_by: person.id });
  await makeAssignment(db, ids.rec, lrg.id, { role: 'supporting' });
  await makeAssignment(db, ids.textOnly, entity.id);
  await db
    .insertInto('recommendation_status_history')
    .values({
      recommendation_id: ids.rec,
      status: 'partially_implemented',
      previous_status: 'not_started',
      note: secrets.historyNote,
      changed_by: person.id,
    })
    .execute();
  updates.validated = await update(ids.rec, entity.id, 'The housing law was adopted in 2025.', 'validated', person.id);
  updates.validated2 = await update(ids.rec2, lrg.id, 'Maribor opened 40 social flats.', 'validated', person.id);
  updates.draft = await update(ids.rec, entity.id, secrets.draft, 'draft', person.id);
  updates.returned = await update(ids.rec, entity.id, secrets.returned, 'returned', person.id);
  await update(ids.textOnly, entity.id, secrets.unpublished, 'validated', person.id);
  // Indicators: one measures a published recommendation (public, with its national values only),
  // one measures only a recommendation whose follow-up is not public (never in any download).
  const indicator = async (code: string, title: string, recommendationId: string) => {
    const row = await db
      .insertInto('indicators')
      .values({
        code,
        title,
        type: 'outcome',
        unit: 'flats',
        frequency: 'annual',
        owner_entity_id: lrg.id,
        dimensions: JSON.stringify([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator_recommendations')
      .values({ indicator_id: row.id, recommendation_id: recommendationId })
      .execute();
    return row.id;
  };
  const housing = await indicator('HOU-1', 'Social flats available', ids.rec);
  const hidden = await indicator('HID-1', secrets.indicator, ids.textOnly);
  await db
    .insertInto('observations')
    .values([
      {
        indicator_id: housing,
        period_start: '2024-01-01',
        period_end: '2024-12-31',
        value: 120,
        entered_by: person.id,
      },
      {
        indicator_id: housing,
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        value: 160,
        source: 'Statistical office',
      },
      {
        indicator_id: housing,
        period_start: '2025-01-01',
        period_end: '2025-12-31',
        value: Number(secrets.disaggregated),
        disaggregation: JSON.stringify({ sex: 'f' }),
      },
      { indicator_id: hidden, period_start: '2025-01-01', period_end: '2025-12-31', value: 7 },
    ])
    .execute();
  await db
    .insertInto('progress_update_events')
    .values({
      progress_update_id: updates.returned,
      step: 'returned',
      comment: secrets.returnComment,
      actor_id: boss.id,
    })
    .execute();
  // A consultation comment on a report.
  const report = await db
    .insertInto('reports')
    .values({
      body_code: 'UPR',
      type: 'upr_mid_term',
      title: 'Mid-term',
      language: 'en',
      grouping: 'theme',
      word_limit: 10_000,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('report_versions')
    .values({ report_id: report.id, number: 1, snapshot: '{}' } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const section = await db
    .insertInto('report_sections')
    .values({
      report_id: report.id,
      position: 1,
      heading: 'Housing',
      recommendation_refs: '[]',
      sources: '[]',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('report_comments')
    .values({
      report_id: report.id,
      version_id: version.id,
      section_id: section.id,
      paragraph: 1,
      body: secrets.consultation,
      author_id: person.id,
    })
    .execute();
}, 180_000);

afterAll(async () => {
  await test?.close();
});

const get = (url: string) => test.app.inject({ method: 'GET', url });

describe('publication by a coordinator', () => {
  it('publishes the review, withholds one recommendation and publishes validated updates in bulk, all audited', async () => {
    const review = await coordinator.request('PUT', `/api/publication/review/${ids.review}`, { published: true });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json()).toMatchObject({ publicness: 'full', publicPath: `/reviews/${ids.review}` });
    const withheld = await coordinator.request('PUT', `/api/publication/recommendation/${ids.withheld}`, {
      published: false,
    });
    expect(withheld.json()).toMatchObject({ publicness: 'hidden', publicPath: null });
    const draft = await coordinator.request('PUT', `/api/publication/progress_update/${updates.draft}`, {
      published: true,
    });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.issues[0]).toMatchObject({ path: 'published', message: 'issues.publishNotValidated' });
    const bulk = await coordinator.request('POST', `/api/publication/reviews/${ids.review}/validated-updates`);
    expect(bulk.json()).toEqual({ published: 2 });
    const again = await coordinator.request('POST', `/api/publication/reviews/${ids.review}/validated-updates`);
    expect(again.json()).toEqual({ published: 0 });
    const audited = await test.handle.db
      .selectFrom('audit_events')
      .select(['record_id', 'after'])
      .where('record_type', '=', 'publication')
      .execute();
    expect(audited).toHaveLength(4);
    expect(audited.map((row) => row.record_id)).toEqual(
      expect.arrayContaining([ids.review, ids.withheld, updates.validated, updates.validated2]),
    );
  });

  it('is refused to a focal point, read within the scope, and unknown ids are 404', async () => {
    const db = test.handle.db;
    const focal = await signInAs(test.app, (await makeUser(db, { role: 'focal_point' })).email);
    expect((await focal.request('PUT', `/api/publication/review/${ids.review}`, { published: false })).statusCode).toBe(
      403,
    );
    // Outside a focal point's scope the record is unknown (decision 020); a reader of everything sees it.
    expect((await focal.request('GET', `/api/publication/recommendation/${ids.rec}`)).statusCode).toBe(404);
    const viewer = await signInAs(test.app, (await makeUser(db, { role: 'viewer' })).email);
    expect((await viewer.request('GET', `/api/publication/recommendation/${ids.rec}`)).json()).toMatchObject({
      publicness: 'full',
      publicPath: `/recommendations/${ids.rec}`,
    });
    expect(
      (await coordinator.request('PUT', `/api/publication/review/${randomUUID()}`, { published: true })).statusCode,
    ).toBe(404);
  });
});

describe('the portal signed out', () => {
  it('crawls every public link from the home and finds nothing that is never public', async () => {
    const seen = new Set<string>();
    const queue = ['/public/en/', '/public/ar/'];
    const pages: string[] = [];
    while (queue.length > 0 && seen.size < 250) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await get(url);
      expect([200, 302], `${url}: ${response.statusCode}`).toContain(response.statusCode);
      if (response.statusCode === 302) {
        queue.push(String(response.headers.location));
        continue;
      }
      if (!String(response.headers['content-type']).startsWith('text/html')) {
        // An open-data file: the same never-public things are absent.
        for (const secret of Object.values(secrets))
          expect(response.body, `${url} holds ${secret}`).not.toContain(secret);
        expect(response.body).not.toContain(ids.withheld);
        pages.push(response.body);
        continue;
      }
      expect(response.body).not.toMatch(/<script/i);
      expect(response.headers['set-cookie'], url).toBeUndefined();
      for (const secret of Object.values(secrets))
        expect(response.body, `${url} shows ${secret}`).not.toContain(secret);
      expect(response.body).not.toContain(ids.withheld);
      pages.push(response.body);
      // Links and frames (the snippet page shows the widget itself).
      for (const match of response.body.matchAll(/(?:href|src)="([^"]+)"/g)) {
        const href = match[1]!.replace(/&amp;/g, '&').split('#')[0]!;
        if (!href.startsWith('/public/') || seen.has(href)) continue;
        // Widgets, their snippet pages and the downloads first: the facet links alone fill the budget.
        if (/\/(widgets|data)\b/.test(href)) queue.unshift(href);
        else queue.push(href);
      }
    }
    const all = pages.join('\n');
    // The crawl reached what is public: the published progress, the LRG's page, the text-only recommendation.
    expect(all).toContain('The housing law was adopted in 2025.');
    expect(all).toContain('Maribor opened 40 social flats.');
    expect(all).toContain('Raise the age of criminal responsibility');
    expect(seen).toContain(`/public/en/entities/${ids.lrg}`);
    expect(seen.size).toBeGreaterThan(20);
    for (const set of ['recommendations', 'progress', 'indicators'])
      for (const format of ['csv', 'json', 'xlsx']) expect(seen, set).toContain(`/public/en/data/${set}.${format}`);
    for (const file of ['changes.atom', 'changes.json']) expect(seen, file).toContain(`/public/en/data/${file}`);
    expect(seen).toContain(`/public/ar/widgets/entities/${ids.lrg}`);
    expect(seen).toContain(`/public/en/widgets/reviews/${ids.review}`);
    expect(all).toContain('Social flats available');
    const data = (await get('/public/en/data/recommendations.json')).json();
    expect(data.licence).toContain('CC BY 4.0');
    expect(Object.keys(data.dictionary)).toEqual(Object.keys(data.items[0]));
    expect(data.items.map((item: { paragraph: string }) => item.paragraph).sort()).toEqual(['12', '120.1', '120.2']);
    const csv = (await get('/public/en/data/recommendations.csv')).body;
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid,document,paragraph,body,position,status,text,text_language,url');
    const xlsx = await get('/public/en/data/recommendations.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const atom = (await get('/public/en/data/changes.atom')).body;
    expect(atom).toContain('The housing law was adopted in 2025.');
  });

  it('shows the follow-up of a published recommendation, and only the text of one whose review is not published', async () => {
    const full = await get(`/public/en/recommendations/${ids.rec}`);
    expect(full.body).toContain('Ministry of the Environment and Spatial Planning');
    expect(full.body).toContain('The housing law was adopted in 2025.');
    const textOnly = await get(`/public/fr/recommendations/${ids.textOnly}`);
    expect(textOnly.statusCode).toBe(200);
    expect(textOnly.body).toContain('Raise the age of criminal responsibility');
    expect(textOnly.body).toContain('L’État n’a pas encore publié le suivi');
    expect(textOnly.body).not.toContain('Ministry of the Environment');
    const bySymbol = await get(`/public/en/documents/${encodeURIComponent('A/HRC/58/14')}/120.1`);
    expect(bySymbol.statusCode).toBe(200);
    expect(bySymbol.body).toContain('Ratify the Optional Protocol');
    const arabic = await get(`/public/ar/recommendations/${ids.rec}`);
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
  });

  it('answers a withheld id exactly as an unknown one', async () => {
    for (const [type, hidden] of [
      ['recommendations', ids.withheld],
      ['entities', randomUUID()],
    ] as const) {
      const unknown = await get(`/public/en/${type}/${randomUUID()}`);
      const withheld = await get(`/public/en/${type}/${hidden}`);
      expect(withheld.statusCode).toBe(404);
      expect(unknown.statusCode).toBe(404);
      expect(withheld.body.replaceAll(hidden, 'ID')).toBe(unknown.body.replace(/[0-9a-f-]{36}/g, 'ID'));
    }
    await coordinator.request('PUT', `/api/publication/review/${ids.otherReview}`, { published: false });
    expect((await get(`/public/en/reviews/${ids.otherReview}`)).statusCode).toBe(404);
    expect((await get(`/public/en/recommendations/${ids.textOnly}`)).statusCode).toBe(404);
    expect((await get(`/public/en/documents/${encodeURIComponent('A/HRC/58/14')}/120.3`)).statusCode).toBe(404);
    expect((await get('/public/en/recommendations/not-a-uuid')).statusCode).toBe(404);
    expect((await get('/public/xx/')).statusCode).toBe(404);
  });

  it('serves a second reader from the cache and a decision clears it', async () => {
    const url = `/public/en/reviews/${ids.review}`;
    await get(url);
    const second = await get(url);
    expect(second.headers['x-public-cache']).toBe('hit');
    await coordinator.request('PUT', `/api/publication/progress_update/${updates.validated2}`, { published: false });
    const after = await get(url);
    expect(after.headers['x-public-cache']).toBe('miss');
    expect((await get(`/public/en/recommendations/${ids.rec2}`)).body).not.toContain('Maribor opened 40 social flats.');
  });

  it('searches and filters the register', async () => {
    const found = await get('/public/en/recommendations?q=housing');
    expect(found.body).toContain('Ratify the Optional Protocol');
    expect(found.body).not.toContain('Raise the age');
    const byStatus = await get('/public/en/recommendations?status=partially_implemented&page=abc&theme=');
    expect(byStatus.statusCode).toBe(200);
  });

  it('limits anonymous traffic per address in its own bucket (600 a minute)', async () => {
    const from = (remoteAddress: string) => test.app.inject({ method: 'GET', url: '/public/en/', remoteAddress });
    for (let i = 0; i < 600; i++) expect((await from('198.51.100.7')).statusCode).toBe(200);
    const limited = await from('198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect((await from('198.51.100.8')).statusCode).toBe(200);
    // The sign-in's bucket is another: the same address may still try to sign in.
    const signIn = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '198.51.100.7',
      payload: { email: 'nobody@example.org', password: 'wrong password here' },
    });
    expect(signIn.statusCode).toBe(401);
  });
});
