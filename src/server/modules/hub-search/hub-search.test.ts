import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeHubMember } from '../../../../tests/factories';
import type { HubDocument } from '../../../shared/schemas/hub';
import type { HubSearchResult } from '../../../shared/schemas/hub-search';
import { indexHubDocuments } from '../../lib/hub-index';

let test: TestApp;
let member: Client;
let networkId: string;
const ids = {
  tracking: randomUUID(),
  arabic: randomUUID(),
  chinese: randomUUID(),
  consultation: randomUUID(),
  hidden: randomUUID(),
  profile: randomUUID(),
};

function doc(overrides: Partial<HubDocument> & Pick<HubDocument, 'refId' | 'locale' | 'title'>): HubDocument {
  return {
    kind: 'practice',
    visibility: 'public',
    summary: '',
    body: '',
    path: `/practices/${overrides.refId}`,
    memberId: null,
    countryCode: 'PT',
    systemOfGovernment: 'unitary',
    level: 'national',
    themes: ['information'],
    networkIds: [],
    ...overrides,
  };
}

beforeAll(async () => {
  test = await createTestApp({ INSTANCE_MODE: 'hub' });
  const db = test.handle.db;
  const network = await db
    .insertInto('hub_networks')
    .values({ kind: 'regional', name: 'Test regional network' })
    .returning('id')
    .executeTakeFirstOrThrow();
  networkId = network.id;
  const pt = await makeHubMember(db, { country_code: 'PT' });
  // A practice in English and French (one thing, two languages).
  await indexHubDocuments(db, 'practice', ids.tracking, [
    doc({
      refId: ids.tracking,
      locale: 'en',
      title: 'A national tracking database for recommendations',
      summary: 'Every recommendation with its responsible ministry and deadline.',
      body: 'The database clusters recommendations from the treaty bodies and the Universal Periodic Review.',
      memberId: pt.id,
      networkIds: [networkId],
    }),
    doc({
      refId: ids.tracking,
      locale: 'fr',
      title: 'Une base de données nationale de suivi des recommandations',
      summary: 'Chaque recommandation avec son ministère responsable et son échéance.',
      body: 'La base regroupe les recommandations des organes conventionnels et de l’Examen périodique universel.',
      memberId: pt.id,
      networkIds: [networkId],
    }),
  ]);
  await indexHubDocuments(db, 'practice', ids.arabic, [
    doc({
      refId: ids.arabic,
      locale: 'ar',
      title: 'التشاور مع المجتمع المدني بشأن التقارير',
      summary: 'تعقد الآلية الوطنية مشاورات منتظمة مع منظمات المجتمع المدني.',
      countryCode: 'MA',
      themes: ['engagement_civil_society'],
    }),
  ]);
  await indexHubDocuments(db, 'practice', ids.chinese, [
    doc({
      refId: ids.chinese,
      locale: 'zh',
      title: '国家人权机构参与后续落实',
      summary: '国家机制定期与国家人权机构协商，共同跟踪建议的落实情况。',
      countryCode: 'CN',
      themes: ['engagement_nhri'],
      level: 'regional',
      systemOfGovernment: 'federal',
    }),
  ]);
  await indexHubDocuments(db, 'practice', ids.consultation, [
    doc({
      refId: ids.consultation,
      locale: 'es',
      title: 'Consultas con la sociedad civil',
      summary: 'El mecanismo publica el calendario de consultas.',
      countryCode: 'MX',
      themes: ['engagement_civil_society'],
      level: 'local',
      systemOfGovernment: 'federal',
    }),
  ]);
  await indexHubDocuments(db, 'thread', ids.hidden, [
    doc({
      kind: 'thread',
      refId: ids.hidden,
      locale: 'en',
      visibility: 'accounts',
      title: 'Members only: tracking database procurement',
      path: `/community/${ids.hidden}`,
    }),
  ]);
  await indexHubDocuments(db, 'profile', ids.profile, [
    doc({
      kind: 'profile',
      refId: ids.profile,
      locale: 'ru',
      title: 'Национальный механизм: профиль',
      summary: 'Межведомственная комиссия по правам человека и отслеживанию рекомендаций.',
      path: `/members/${ids.profile}`,
      countryCode: 'KZ',
      themes: ['coordination'],
    }),
  ]);
  member = await signInNew(test, 'member');
}, 240_000);
afterAll(() => test?.close());

async function search(query: string, client?: Client): Promise<HubSearchResult> {
  const url = `/api/hub/search?${query}`;
  const response = client ? await client.request('GET', url) : await test.app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as HubSearchResult;
}
const refs = (result: HubSearchResult) => result.items.map((item) => item.refId).sort();

describe('the hub’s one search (GET /api/hub/search)', () => {
  it('finds each language with a query in that language', async () => {
    expect(refs(await search(`q=${encodeURIComponent('المجتمع المدني')}`))).toEqual([ids.arabic]);
    expect(refs(await search(`q=${encodeURIComponent('échéance')}`))).toEqual([ids.tracking]);
    // Unaccented French finds the accented word (im_unaccent on both sides).
    const unaccented = await search('q=echeance&prefer=fr');
    expect(refs(unaccented)).toEqual([ids.tracking]);
    expect(unaccented.items[0]?.locale).toBe('fr');
    // A Chinese word inside a run of characters, found by its character pairs.
    expect(refs(await search(`q=${encodeURIComponent('人权机构')}`))).toEqual([ids.chinese]);
    expect(refs(await search(`q=${encodeURIComponent('跟踪')}`))).toEqual([ids.chinese]);
    expect(refs(await search(`q=${encodeURIComponent('sociedad civil')}`))).toEqual([ids.consultation]);
    expect(refs(await search(`q=${encodeURIComponent('рекомендаций')}`))).toEqual([ids.profile]);
    // English stemming: "recommendation" finds "recommendations".
    expect(refs(await search('q=tracking+recommendation'))).toEqual([ids.tracking]);
  });

  it('gives one result per thing, in the reader’s language when it has it, and names the others', async () => {
    const english = await search('q=tracking&prefer=en');
    expect(english.items).toHaveLength(1);
    expect(english.items[0]).toMatchObject({ locale: 'en', languages: ['en'] });
    // Matched in both languages: a French reader gets the French row, told it exists in English too.
    const database = await search('q=recommandation+OR+recommendation&prefer=fr');
    const tracking = database.items.find((item) => item.refId === ids.tracking);
    expect(tracking?.locale).toBe('fr');
    expect(tracking?.languages).toEqual(['en', 'fr']);
    expect(tracking?.snippet).toContain('\u0002');
  });

  it('counts each facet without its own filter, things not rows', async () => {
    const all = await search('');
    expect(all.total).toBe(5);
    expect(all.facets.kind).toEqual([
      { value: 'practice', count: 4 },
      { value: 'profile', count: 1 },
    ]);
    expect(all.facets.language.find((row) => row.value === 'en')?.count).toBe(1);
    expect(all.facets.language.find((row) => row.value === 'fr')?.count).toBe(1);
    const civil = await search('theme=engagement_civil_society');
    expect(refs(civil)).toEqual([ids.arabic, ids.consultation].sort());
    // The theme facet still lists the other themes with their counts.
    expect(civil.facets.theme.find((row) => row.value === 'information')?.count).toBe(1);
    expect(civil.facets.country).toEqual([
      { value: 'MA', count: 1 },
      { value: 'MX', count: 1 },
    ]);
    const federalLocal = await search('system=federal&level=local');
    expect(refs(federalLocal)).toEqual([ids.consultation]);
    expect(federalLocal.facets.level).toEqual([
      { value: 'local', count: 1 },
      { value: 'regional', count: 1 },
    ]);
    const inNetwork = await search(`network=${networkId}`);
    expect(refs(inNetwork)).toEqual([ids.tracking]);
    const french = await search('language=fr&prefer=en');
    expect(french.items.map((item) => item.locale)).toEqual(['fr']);
    expect(refs(await search('country=KZ&kind=profile'))).toEqual([ids.profile]);
  });

  it('shows rows for accounts only to signed-in hub accounts', async () => {
    expect(refs(await search('q=procurement'))).toEqual([]);
    expect((await search('kind=thread')).total).toBe(0);
    const signedIn = await search('q=procurement', member);
    expect(refs(signedIn)).toEqual([ids.hidden]);
    expect(signedIn.items[0]?.visibility).toBe('accounts');
  });

  it('suggests a correction when nothing matches', async () => {
    const typo = await search('q=databse');
    expect(typo.total).toBe(0);
    expect(typo.suggestion).toBe('database');
    expect((await search('q=zzqqxx')).suggestion).toBeNull();
  });

  it('keeps an answer only until the table changes', async () => {
    expect((await search('q=ombudsman')).total).toBe(0);
    const refId = randomUUID();
    await indexHubDocuments(test.handle.db, 'practice', refId, [
      doc({ refId, locale: 'en', title: 'The ombudsman reviews the follow-up plan' }),
    ]);
    expect(refs(await search('q=ombudsman'))).toEqual([refId]);
    await indexHubDocuments(test.handle.db, 'practice', refId, []);
    expect((await search('q=ombudsman')).total).toBe(0);
  });

  it('pages on the server', async () => {
    const db = test.handle.db;
    for (let index = 0; index < 23; index += 1) {
      const refId = randomUUID();
      await indexHubDocuments(db, 'event', refId, [
        doc({ kind: 'event', refId, locale: 'en', title: `Regional workshop ${index}`, path: `/events/${refId}` }),
      ]);
    }
    const first = await search('q=workshop');
    expect(first).toMatchObject({ total: 23, page: 1, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    const second = await search('q=workshop&page=2');
    expect(second.items).toHaveLength(3);
    const seen = new Set([...first.items, ...second.items].map((item) => item.refId));
    expect(seen.size).toBe(23);
  });

  it('refuses a bad query naming the field', async () => {
    for (const [query, field] of [
      ['kind=recipe', 'kind'],
      ['country=portugal', 'country'],
      ['theme=weather', 'theme'],
      ['network=not-a-uuid', 'network'],
      ['language=de', 'language'],
      ['page=0', 'page'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ]) {
      const response = await test.app.inject({ method: 'GET', url: `/api/hub/search?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json()), query).toContain(field);
    }
  });
});

describe('the public search page (/hub/<locale>/search)', () => {
  it('renders results, facets as links and the language switcher, without script', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/hub/en/search?q=tracking+deadline' });
    expect(response.body).toContain('<mark>deadline</mark>');
    expect(response.statusCode).toBe(200);

    expect(response.body).toContain(`/hub/en/practices/${ids.tracking}`);
    expect(response.body).toContain('href="/hub/ar/search?q=tracking+deadline"');
    expect(response.body).not.toContain('<script');
    expect(response.body).not.toContain('procurement');
  });

  it('is right to left in Arabic, with its labels', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/hub/ar/search?q=${encodeURIComponent('المجتمع المدني')}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('dir="rtl"');
    expect(response.body).toContain('البحث في المركز');
    expect(response.body).toContain('التشاور مع');
  });

  it('answers 400 naming the field for a bad filter, 404 for an unknown language', async () => {
    const bad = await test.app.inject({ method: 'GET', url: '/hub/fr/search?level=planet' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('level');
    const unknown = await test.app.inject({ method: 'GET', url: '/hub/xx/search' });
    expect(unknown.statusCode).toBe(404);
  });
});
