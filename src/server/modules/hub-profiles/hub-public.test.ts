import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeHubMember } from '../../../../tests/factories';
import { clearPublicCache } from '../../lib/page-cache';
import { type HubSeedContext, seedDemoHub } from '../../seed/hub';

// The hub's public pages (decision 035) on the demo hub: no account, no script, six languages,
// and one 404 for what does not exist, is withdrawn or is unpublished.

let hub: TestApp;
let demo: HubSeedContext;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
  demo = await seedDemoHub(hub.handle.db);
});
afterAll(() => hub.close());

const get = (url: string, headers: Record<string, string> = {}) => hub.app.inject({ method: 'GET', url, headers });
const mainOf = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const memberId = (country: string) => demo.memberIdByCountry.get(country) as string;

describe('the hub home', () => {
  it('says what the hub is, counts what is published and lists the latest, without an account', async () => {
    const response = await get('/hub/en/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).not.toContain('<script');
    const main = mainOf(response.body);
    expect(main).toContain('resolution 51/33');
    expect(main).toMatch(/<strong>5<\/strong><a href="\/hub\/en\/members">/);
    expect(main).toContain('href="/hub/en/members/');
    expect(main).toContain('Interministerial Delegation for Human Rights');
  });

  it('leads a signed-out visitor from / and /hub to the home in their language', async () => {
    const root = await get('/', { 'accept-language': 'fr-FR,fr;q=0.9' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/hub/fr/');
    expect((await get('/hub')).headers.location).toBe('/hub/en/');
    expect((await get('/hub/ar')).headers.location).toBe('/hub/ar/');
  });
});

describe('the members', () => {
  it('lists the published profiles, filtered by region, system, network and text', async () => {
    const all = mainOf((await get('/hub/en/members')).body);
    for (const name of ['National Human Rights Committee', 'SIMORE Plus', 'Interministerial Delegation', 'Mauritius'])
      expect(all).toContain(name);
    const europe = mainOf((await get('/hub/en/members?region=Europe')).body);
    expect(europe).toContain('National Human Rights Committee');
    expect(europe).toContain('Inter-departmental Commission on Human Rights');
    expect(europe).not.toContain('SIMORE');
    const network = demo.networkIdByName.values().next().value as string;
    const friends = mainOf((await get(`/hub/en/members?network=${network}`)).body);
    expect(friends).not.toContain('Mauritius');
    expect(friends).toContain('SIMORE');
    const text = mainOf((await get('/hub/en/members?q=simore')).body);
    expect(text.match(/<li><h2>/g)).toHaveLength(1);
    const federal = mainOf((await get('/hub/en/members?system=federal')).body);
    expect(federal).not.toContain('<li><h2>');
    // A filter value that is not one is ignored, not an error.
    expect((await get('/hub/en/members?region=Atlantis&page=x')).statusCode).toBe(200);
  });

  it("shows a profile with its networks, its source and the member's published practices", async () => {
    const id = memberId('PT');
    await hub.handle.db
      .insertInto('hub_documents')
      .values({
        kind: 'practice',
        ref_id: '6a1c2c1e-0000-4000-8000-000000000001',
        locale: 'en',
        visibility: 'public',
        title: 'Focal points appointed at the start of each Government',
        path: '/practices/6a1c2c1e-0000-4000-8000-000000000001',
        member_id: id,
        country_code: 'PT',
      })
      .execute();
    clearPublicCache(hub.handle.db);
    const page = await get(`/hub/en/members/${id}`);
    expect(page.statusCode).toBe(200);
    const main = mainOf(page.body);
    expect(main).toContain('Resolution of the Council of Ministers No. 27/2010');
    expect(main).toContain('Group of Friends on national implementation, reporting and follow-up');
    expect(main).toContain('knowledgegateway.ohchr.org/nmirf/regions/5/84');
    expect(main).toContain('href="/hub/en/practices/6a1c2c1e-0000-4000-8000-000000000001"');
  });

  it('in Arabic: right to left, and a text without an Arabic version is shown in its language, marked', async () => {
    const page = await get(`/hub/ar/members/${memberId('SI')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('<div lang="en" dir="ltr">');
    expect(page.body).toContain('class="fallback"');
    const moroccan = await get(`/hub/fr/members/${memberId('MA')}`);
    expect(mainOf(moroccan.body)).toContain('Délégation interministérielle');
    expect(mainOf(moroccan.body)).not.toContain('class="fallback"><');
  });

  it('answers an unpublished profile and a withdrawn member exactly like an unknown id', async () => {
    const unknown = await get('/hub/en/members/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const draft = await makeHubMember(hub.handle.db, { country_code: 'FR' });
    const drafted = await get(`/hub/en/members/${draft.id}`);
    expect(drafted.statusCode).toBe(404);
    expect(mainOf(drafted.body)).toBe(mainOf(unknown.body));

    const admin = await signInNew(hub, 'hub_admin');
    const id = memberId('MU');
    expect((await get(`/hub/en/members/${id}`)).statusCode).toBe(200);
    const withdrawn = await admin.request('POST', `/api/hub/members/${id}/withdraw`, { version: 1 });
    expect(withdrawn.statusCode).toBe(200);
    const gone = await get(`/hub/en/members/${id}`);
    expect(gone.statusCode).toBe(404);
    expect(mainOf(gone.body)).toBe(mainOf(unknown.body));
    expect(mainOf((await get('/hub/en/members')).body)).not.toContain('Mauritius');
    expect((await get('/hub/en/members/not-a-uuid')).statusCode).toBe(404);
  });
});

describe('the networks', () => {
  it('lists the networks and shows one with its members', async () => {
    const list = mainOf((await get('/hub/es/networks')).body);
    expect(list).toContain('Grupo de Amigos');
    const id = demo.networkIdByName.values().next().value as string;
    const page = await get(`/hub/en/networks/${id}`);
    expect(page.statusCode).toBe(200);
    const main = mainOf(page.body);
    expect(main).toContain('28 member States');
    expect(main).toContain(`href="/hub/en/members/${memberId('PY')}"`);
    expect((await get('/hub/en/networks/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('caches a page for every reader, and a change shows at once', async () => {
    await get('/hub/en/networks');
    expect((await get('/hub/en/networks')).headers['x-public-cache']).toBe('hit');
  });
});
