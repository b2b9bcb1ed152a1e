import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import type { PracticeDetail } from '../../../shared/schemas/hub-practices';
import { practiceSearchQuerySchema } from '../../../shared/schemas/hub-practices';
import { create, memberAuthor, published, step } from './practices.fixture';
import { publicPracticeList } from './practices.public.service';
import { findRelated } from './practices.search.repo';

let test: TestApp;
let moderator: Client;
beforeAll(async () => {
  test = await createTestApp({ INSTANCE_MODE: 'hub', HUB_ATTACHMENT_MAX_MB: 0.01, HUB_PRACTICE_WRITES_PER_HOUR: 6 });
  moderator = await signInNew(test, 'moderator');
});
afterAll(() => test.close());

const counts = (rows: { value: string; count: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.value, row.count]));
const list = (query: Record<string, string>) =>
  publicPracticeList(test.handle.db, 'en', practiceSearchQuerySchema.parse(query));

describe('search with facets (first: the database holds only these)', () => {
  let a: PracticeDetail;
  let b: PracticeDetail;
  let c: PracticeDetail;
  let draft: PracticeDetail;
  let network: string;
  beforeAll(async () => {
    const pt = await memberAuthor(test, { country_code: 'PT', system_of_government: 'unitary' });
    const br = await memberAuthor(test, { country_code: 'BR', system_of_government: 'federal' });
    const row = await test.handle.db
      .insertInto('hub_networks')
      .values({ kind: 'language', name: 'Lusophone network of NMIRFs' })
      .returning('id')
      .executeTakeFirstOrThrow();
    network = row.id;
    await test.handle.db
      .insertInto('hub_network_members')
      .values({ network_id: network, member_id: pt.member.id })
      .execute();
    a = await published(pt.client, moderator, 'Standing national committee', {
      themes: ['coordination', 'information'],
    });
    const bDraft = await create(pt.client, 'Municipal human rights focal points', {
      level: 'local',
      themes: ['engagement_lrg'],
    });
    const bFr = await pt.client.request('PUT', `/api/hub/practices/${bDraft.id}/texts/fr`, {
      title: 'Points focaux municipaux des droits de l’homme',
      summary: 'Les municipalités désignent un point focal.',
      body: '<p>Chaque municipalité désigne un point focal.</p>',
      version: bDraft.version,
    });
    const bSent = await step(pt.client, bDraft.id, 'submit', (bFr.json() as PracticeDetail).version);
    b = await step(moderator, bDraft.id, 'publish', bSent.version);
    c = await published(br.client, moderator, 'Federal coordination with the states', {
      level: 'regional',
      themes: ['coordination'],
    });
    draft = await create(br.client, 'Unpublished coordination draft', { themes: ['coordination'] });
  });

  it('counts every facet over the published practices only', async () => {
    const all = await list({});
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => row.ref_id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(counts(all.facets.country)).toEqual({ PT: 2, BR: 1 });
    expect(counts(all.facets.level)).toEqual({ national: 1, local: 1, regional: 1 });
    expect(counts(all.facets.system)).toEqual({ unitary: 2, federal: 1 });
    expect(counts(all.facets.theme)).toEqual({ coordination: 2, information: 1, engagement_lrg: 1 });
    expect(counts(all.facets.network)).toEqual({ [network]: 2 });
    expect(counts(all.facets.language)).toEqual({ en: 3, fr: 1 });
    expect(all.networks.get(network)).toBe('Lusophone network of NMIRFs');
  });

  it('filters by each facet and counts under the filters', async () => {
    const coordination = await list({ theme: 'coordination' });
    expect(coordination.total).toBe(2);
    expect(counts(coordination.facets.country)).toEqual({ PT: 1, BR: 1 });
    expect((await list({ country: 'PT' })).total).toBe(2);
    expect((await list({ level: 'regional' })).rows.map((row) => row.ref_id)).toEqual([c.id]);
    expect((await list({ system: 'federal' })).rows.map((row) => row.ref_id)).toEqual([c.id]);
    expect((await list({ network })).total).toBe(2);
    const french = await list({ language: 'fr' });
    expect(french.rows.map((row) => row.ref_id)).toEqual([b.id]);
    expect(counts(french.facets.language)).toEqual({ en: 1, fr: 1 });
    // Unknown values are ignored, not errors.
    expect((await list({ theme: 'nonsense', country: 'x' })).total).toBe(3);
  });

  it('searches the text in each language, stemmed', async () => {
    expect((await list({ q: 'municipalities' })).rows.map((row) => row.ref_id)).toEqual([b.id]);
    expect((await list({ q: 'municipalité' })).rows.map((row) => row.ref_id)).toEqual([b.id]);
    expect((await list({ q: 'federal states' })).rows.map((row) => row.ref_id)).toEqual([c.id]);
    expect((await list({ q: 'nothing like this anywhere' })).total).toBe(0);
  });

  it('pages on the server, and the page shows the count and the facets', async () => {
    const second = await list({ page: '2' });
    expect(second.total).toBe(3);
    expect(second.rows).toEqual([]);
    const html = (await test.app.inject({ method: 'GET', url: '/hub/en/practices?theme=coordination' })).body;
    expect(html).toContain('2 practices');
    expect(html).toContain(`/hub/en/practices/${a.id}`);
    expect(html).not.toContain(draft.id);
    expect(html).toContain('href="/hub/en/practices?country=BR&amp;theme=coordination"');
  });

  it('relates practices by shared themes, level, system and similar words, never unpublished ones', async () => {
    const related = await findRelated(test.handle.db, a.id, 'en');
    expect(related[0]?.id).toBe(c.id);
    expect(related.map((row) => row.id)).not.toContain(draft.id);
    expect(related.map((row) => row.id)).not.toContain(a.id);
    expect(related.length).toBeLessThanOrEqual(5);
  });
});

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.max(0, size - 9), 0x20)]);
const upload = (client: Client, id: string, name: string, data: Buffer) =>
  test.app.inject({
    method: 'POST',
    url: `/api/hub/practices/${id}/files?fileName=${encodeURIComponent(name)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload: data,
  });

describe('attachments', () => {
  it('refuses a file over the limit with 413 naming it and the limit, and keeps nothing', async () => {
    const { client } = await memberAuthor(test);
    const draft = await create(client, 'With files');
    const over = await upload(client, draft.id, 'annual-report.pdf', pdf(10_486 + 1));
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      params: { file: 'annual-report.pdf', maxMb: 0.01 },
      issues: [{ path: 'file', file: 'annual-report.pdf' }],
    });
    expect(over.json().error.message).toContain('annual-report.pdf');
    expect(over.json().error.message).toContain('0.01');
    // Far over: stopped by the body limit, the same answer.
    const far = await upload(client, draft.id, 'scan.pdf', pdf(200_000));
    expect(far.statusCode).toBe(413);
    expect(far.json().error.message).toContain('scan.pdf');
    const rows = await test.handle.db
      .selectFrom('hub_practice_attachments')
      .select('id')
      .where('practice_id', '=', draft.id)
      .execute();
    expect(rows).toEqual([]);
    const renamed = await upload(client, draft.id, 'tool.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect(renamed.statusCode).toBe(415);
  });

  it('serves a file publicly only once a published version lists it', async () => {
    const { client } = await memberAuthor(test);
    const draft = await create(client, 'Published files');
    const added = await upload(client, draft.id, 'guide.pdf', pdf(2_000));
    expect(added.statusCode).toBe(201);
    const file = added.json() as { id: string };
    const url = `/hub/practices/${draft.id}/files/${file.id}`;
    expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const current = (await client.request('GET', `/api/hub/practices/${draft.id}`)).json() as PracticeDetail;
    const sent = await step(client, draft.id, 'submit', current.version);
    const live = await step(moderator, draft.id, 'publish', sent.version);
    const download = await test.app.inject({ method: 'GET', url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect((await test.app.inject({ method: 'GET', url: `/hub/en/practices/${draft.id}` })).body).toContain(url);
    // A file of the published version stays while it is public.
    const removal = await client.request('DELETE', `/api/hub/practices/${draft.id}/files/${file.id}`);
    expect(removal.statusCode).toBe(409);
    // A file added after publication is not public until the next version is.
    const later = (await upload(client, draft.id, 'later.pdf', pdf(1_000))).json() as { id: string };
    expect(
      (await test.app.inject({ method: 'GET', url: `/hub/practices/${draft.id}/files/${later.id}` })).statusCode,
    ).toBe(404);
    const now = (await client.request('GET', `/api/hub/practices/${draft.id}`)).json() as PracticeDetail;
    expect(now).toMatchObject({ status: 'draft', publishedVersion: live.publishedVersion });
    await step(client, draft.id, 'withdraw', now.version);
    expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});

describe('spam and abuse', () => {
  it('limits creations and submissions per account with 429 and Retry-After', async () => {
    const { client } = await memberAuthor(test);
    for (let index = 0; index < 6; index++) await create(client, `Practice ${index}`);
    const refused = await client.request(
      'POST',
      '/api/hub/practices',
      (await import('./practices.fixture')).practiceBody('Seventh'),
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another account of the same address is not held back.
    const other = (await memberAuthor(test)).client;
    expect(
      (await other.request('POST', '/api/hub/practices', (await import('./practices.fixture')).practiceBody('Other')))
        .statusCode,
    ).toBe(201);
  });
});
