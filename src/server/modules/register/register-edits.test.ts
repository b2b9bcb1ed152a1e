import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeRecommendations, makeReview } from '../../../../tests/factories';

let test: TestApp;
let coordinator: Client;
let viewer: Client;
/** Recommendations 140.1 … 140.12 of one UPR review, and 7 of a treaty body review, by number. */
const ids = new Map<string, string>();

async function insertReview(symbol: string, bodyCode: string, reviewDate: string, numbers: string[]) {
  const review = await makeReview(test.handle.db, { symbol, body_code: bodyCode, review_date: reviewDate });
  const rows = await makeRecommendations(
    test.handle.db,
    review,
    numbers.map((number) => ({
      number,
      text_en: `Recommendation ${number} of ${symbol} on access to housing`,
      text_fr: `Recommandation ${number} sur l’accès au logement`,
    })),
  );
  for (const row of rows) ids.set(`${symbol} ${row.number}`, row.id);
}

const idOf = (key: string) => ids.get(key) as string;
const detailOf = async (id: string, client = viewer) =>
  (await client.request('GET', `/api/recommendations/${id}`)).json();

beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
  viewer = await signInNew(test, 'viewer');
  await insertReview(
    'A/HRC/59/15',
    'UPR',
    '2025-05-01',
    Array.from({ length: 12 }, (_, n) => `140.${n + 1}`),
  );
  await insertReview('CRPD/C/SVN/CO/1', 'CRPD', '2018-04-16', ['7', '12', '14']);
}, 60_000);
afterAll(() => test.close());

describe('finding a recommendation to link by its number', () => {
  it('finds the number exactly or below it, paged on the server, in the reader’s language', async () => {
    const exact = (await viewer.request('GET', '/api/recommendations/by-number?number=140.7')).json();
    expect(exact.total).toBe(1);
    expect(exact.items[0]).toMatchObject({ number: '140.7', bodyCode: 'UPR', reviewSymbol: 'A/HRC/59/15' });
    const below = (await viewer.request('GET', '/api/recommendations/by-number?number=140&pageSize=8')).json();
    expect(below.total).toBe(12);
    expect(below.items.map((item: { number: string }) => item.number)).toEqual(
      Array.from({ length: 8 }, (_, n) => `140.${n + 1}`),
    );
    const second = (await viewer.request('GET', '/api/recommendations/by-number?number=140&pageSize=8&page=2')).json();
    expect(second.items).toHaveLength(4);
    const french = (await viewer.request('GET', '/api/recommendations/by-number?number=12&lang=fr')).json();
    expect(french.items[0]).toMatchObject({ number: '12', bodyCode: 'CRPD' });
    expect(french.items[0].text).toContain('logement');
    // 1 is not a prefix of 12 (only whole parts count).
    expect((await viewer.request('GET', '/api/recommendations/by-number?number=1')).json().total).toBe(0);
    const bad = await viewer.request('GET', '/api/recommendations/by-number?number=drop%20table');
    expect(bad.statusCode).toBe(400);
  });
});

describe('links between recommendations', () => {
  it('links, refuses the same link again and a link to itself, changes the kind, unlinks', async () => {
    const a = idOf('A/HRC/59/15 140.1');
    const b = idOf('CRPD/C/SVN/CO/1 12');
    const linked = await coordinator.request('POST', `/api/recommendations/${a}/links`, {
      otherId: b,
      kind: 'related',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await detailOf(b)).links).toEqual([
      expect.objectContaining({ id: a, kind: 'related', number: '140.1', reviewSymbol: 'A/HRC/59/15' }),
    ]);

    // The same link from the other side is the same link.
    const again = await coordinator.request('POST', `/api/recommendations/${b}/links`, { otherId: a, kind: 'related' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues).toEqual([{ path: 'otherId', message: 'issues.linkExists' }]);

    const self = await coordinator.request('POST', `/api/recommendations/${a}/links`, {
      otherId: a,
      kind: 'duplicate',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.issues[0]).toMatchObject({ path: 'otherId', message: 'issues.selfLink' });

    const missing = await coordinator.request('POST', `/api/recommendations/${a}/links`, {
      otherId: '00000000-0000-4000-8000-000000000000',
      kind: 'related',
    });
    expect(missing.statusCode).toBe(404);

    const duplicate = await coordinator.request('POST', `/api/recommendations/${a}/links`, {
      otherId: b,
      kind: 'duplicate',
    });
    expect(duplicate.statusCode).toBe(200);
    expect((await detailOf(a)).links[0]).toMatchObject({ id: b, kind: 'duplicate' });

    const refused = await viewer.request('POST', `/api/recommendations/${a}/links`, { otherId: b, kind: 'related' });
    expect(refused.statusCode).toBe(403);
    expect((await viewer.request('DELETE', `/api/recommendations/${a}/links/${b}`)).statusCode).toBe(403);

    expect((await coordinator.request('DELETE', `/api/recommendations/${b}/links/${a}`)).statusCode).toBe(200);
    expect((await detailOf(a)).links).toEqual([]);
    expect((await coordinator.request('DELETE', `/api/recommendations/${a}/links/${b}`)).statusCode).toBe(404);

    const trail = await test.handle.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('record_type', '=', 'recommendation_link')
      .orderBy('id')
      .execute();
    expect(trail.map((event) => event.action)).toEqual(['create', 'update', 'delete']);
    expect(trail[1]).toMatchObject({ before: { kind: 'related' }, after: { kind: 'duplicate' } });
  });
});

describe('affected persons and the NMIRF’s own classification', () => {
  it('sets affected persons and custom terms at a version; refuses unknown or built-in terms, viewers and stale versions', async () => {
    const id = idOf('A/HRC/59/15 140.2');
    const women = await coordinator.request('POST', '/api/taxonomies/affected_person/terms', {
      code: 'women',
      label: { en: 'Women', fr: 'Femmes' },
    });
    expect(women.statusCode, women.body).toBe(201);
    await coordinator.request('POST', '/api/taxonomies', { code: 'nap_chapter', name: { en: 'Action plan chapters' } });
    const chapter = await coordinator.request('POST', '/api/taxonomies/nap_chapter/terms', {
      code: '3',
      label: { en: 'Housing' },
    });
    expect(chapter.statusCode, chapter.body).toBe(201);

    const before = await detailOf(id);
    const saved = await coordinator.request('PATCH', `/api/recommendations/${id}`, {
      affectedIds: [women.json().id],
      customTermIds: [chapter.json().id],
      version: before.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().affectedTerms).toEqual([
      { id: women.json().id, taxonomy: 'affected_person', code: 'women', label: 'Women' },
    ]);
    expect(saved.json().customTerms).toEqual([
      { id: chapter.json().id, taxonomy: 'nap_chapter', code: '3', label: 'Housing' },
    ]);
    // The register filters by them at once, and the taxonomy counts the use.
    const filtered = (await viewer.request('GET', `/api/recommendations?affected=${women.json().id}`)).json();
    expect(filtered.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const terms = (await viewer.request('GET', '/api/taxonomies/nap_chapter/terms')).json();
    expect(terms.items[0].usage).toBe(1);

    // A built-in term (an affected person) is not a custom term, nor is a custom term an affected person.
    const notCustom = await coordinator.request('PATCH', `/api/recommendations/${id}`, {
      customTermIds: [women.json().id],
      version: saved.json().version,
    });
    expect(notCustom.statusCode).toBe(400);
    expect(notCustom.json().error.issues[0]).toMatchObject({ path: 'customTermIds', message: 'issues.unknownTerm' });
    const notAffected = await coordinator.request('PATCH', `/api/recommendations/${id}`, {
      affectedIds: [chapter.json().id],
      version: saved.json().version,
    });
    expect(notAffected.json().error.issues[0].path).toBe('affectedIds');

    const stale = await coordinator.request('PATCH', `/api/recommendations/${id}`, {
      affectedIds: [],
      version: before.version,
    });
    expect(stale.statusCode).toBe(409);
    const denied = await viewer.request('PATCH', `/api/recommendations/${id}`, {
      affectedIds: [],
      version: saved.json().version,
    });
    expect(denied.statusCode).toBe(403);

    const cleared = await coordinator.request('PATCH', `/api/recommendations/${id}`, {
      affectedIds: [],
      customTermIds: [],
      version: saved.json().version,
    });
    expect(cleared.json()).toMatchObject({ affectedTerms: [], customTerms: [] });
    expect(cleared.json().changes[0]).toMatchObject({
      action: 'update',
      before: { affected_ids: [women.json().id], custom_term_ids: [chapter.json().id] },
      after: { affected_ids: [], custom_term_ids: [] },
    });
  });
});

describe('clusters', () => {
  it('lists clusters paged and filtered with their sizes, renames at a version, deletes without touching recommendations', async () => {
    const names = ['Housing', 'Roma inclusion', 'Justice', 'Persons with disabilities'];
    const created: Record<string, { id: string; version: number }> = {};
    for (const name of names) {
      const response = await coordinator.request('POST', '/api/clusters', { name, description: `All on ${name}` });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ name, size: 0, version: 1 });
      created[name] = response.json();
    }
    const taken = await coordinator.request('POST', '/api/clusters', { name: 'housing' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.issues[0]).toMatchObject({ path: 'name', message: 'issues.clusterNameTaken' });
    expect((await viewer.request('POST', '/api/clusters', { name: 'Mine' })).statusCode).toBe(403);

    const housing = created.Housing as { id: string; version: number };
    const members = ['A/HRC/59/15 140.3', 'A/HRC/59/15 140.4', 'CRPD/C/SVN/CO/1 14'].map(idOf);
    const batch = await coordinator.request('POST', '/api/recommendations/batch', {
      ids: members,
      clusterId: housing.id,
    });
    expect(batch.statusCode, batch.body).toBe(200);

    const first = (await viewer.request('GET', '/api/clusters?pageSize=2')).json();
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['Housing', 'Justice']);
    expect(first.items[0].size).toBe(3);
    const second = (await viewer.request('GET', '/api/clusters?pageSize=2&page=2')).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['Persons with disabilities', 'Roma inclusion']);
    const found = (await viewer.request('GET', '/api/clusters?q=roma')).json();
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['Roma inclusion']);
    expect((await viewer.request('GET', `/api/clusters/${housing.id}`)).json()).toMatchObject({
      name: 'Housing',
      size: 3,
    });

    const renamed = await coordinator.request('PATCH', `/api/clusters/${housing.id}`, {
      name: 'Adequate housing',
      description: 'Plan of action on housing, chapter 3',
      version: housing.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Adequate housing', size: 3, version: housing.version + 1 });
    const stale = await coordinator.request('PATCH', `/api/clusters/${housing.id}`, {
      name: 'Lost',
      version: housing.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const clash = await coordinator.request('PATCH', `/api/clusters/${housing.id}`, {
      name: 'JUSTICE',
      version: housing.version + 1,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('CONFLICT');
    const viewerRename = await viewer.request('PATCH', `/api/clusters/${housing.id}`, {
      name: 'Mine',
      version: housing.version + 1,
    });
    expect(viewerRename.statusCode).toBe(403);
    expect((await detailOf(idOf('CRPD/C/SVN/CO/1 14'))).clusters).toEqual([
      { id: housing.id, name: 'Adequate housing' },
    ]);
    expect((await viewer.request('GET', `/api/recommendations?cluster=${housing.id}`)).json().total).toBe(3);

    expect((await viewer.request('DELETE', `/api/clusters/${housing.id}?version=2`)).statusCode).toBe(403);
    const staleDelete = await coordinator.request('DELETE', `/api/clusters/${housing.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await coordinator.request('DELETE', `/api/clusters/${housing.id}?version=2`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await viewer.request('GET', `/api/clusters/${housing.id}`)).statusCode).toBe(404);
    expect((await coordinator.request('DELETE', `/api/clusters/${housing.id}?version=2`)).statusCode).toBe(404);
    for (const id of members) {
      const detail = await detailOf(id);
      expect(detail.id).toBe(id);
      expect(detail.clusters).toEqual([]);
    }
    expect((await viewer.request('GET', `/api/recommendations?cluster=${housing.id}`)).json().total).toBe(0);
    expect((await viewer.request('GET', '/api/clusters')).json().total).toBe(3);

    const trail = await test.handle.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('record_type', '=', 'cluster')
      .where('record_id', '=', housing.id)
      .orderBy('id')
      .execute();
    expect(trail.map((event) => event.action)).toEqual(['create', 'update', 'delete']);
    expect(trail[2]?.before).toMatchObject({ name: 'Adequate housing', size: 3 });
  });
});

describe('SDG goals a source named without a target', () => {
  it('survive an edit or a batch edit of the targets; the goals of removed targets go', async () => {
    const review = await makeReview(test.handle.db, { symbol: 'A/HRC/28/15', body_code: 'UPR' });
    // As the cycle 4 thematic list gives 140.180: goals 5 and 16 in its "Relevant SDGs" column, no target.
    const [row] = await makeRecommendations(test.handle.db, review, [{ number: '115.9', sdg_goals: [5, 16] }]);
    const id = (row as { id: string }).id;
    const goalsOf = async (recId: string) =>
      (
        await test.handle.db
          .selectFrom('recommendations')
          .select('sdg_goals')
          .where('id', '=', recId)
          .executeTakeFirstOrThrow()
      ).sdg_goals;
    const batch = (body: object) => coordinator.request('POST', '/api/recommendations/batch', { ids: [id], ...body });
    expect((await batch({ addSdgTargets: ['4.1'] })).statusCode).toBe(200);
    expect(await goalsOf(id)).toEqual([5, 16, 4]);
    expect((await batch({ removeSdgTargets: ['4.1'] })).statusCode).toBe(200);
    expect(await goalsOf(id)).toEqual([5, 16]);
    const edit = await coordinator.request('PATCH', `/api/recommendations/${id}`, {
      sdgTargets: ['10.2'],
      version: (await detailOf(id)).version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await goalsOf(id)).toEqual([5, 16, 10]);
  });
});
