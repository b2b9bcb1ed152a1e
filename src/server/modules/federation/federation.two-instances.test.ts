import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeHubMember, makeRecommendations, makeReview, makeStateProfile } from '../../../../tests/factories';
import { freePort } from '../../../../tests/free-port';
import type { MemberStatistics } from '../../../shared/schemas/federation';
import type { PracticePayload } from '../../../shared/schemas/hub';
import { buildApp } from '../../app';

/*
 * Issue 19 item 5 and item 8 ("a hub that is down"): a national instance and a hub, two real
 * servers on loopback, each on its own database. The national admin links them, the secretariat
 * publishes a practice, the profile and the statistics, edits the practice (the hub follows), the
 * hub stops while another edit is made (the push fails, is kept and retried), the hub comes back
 * (the edit arrives), and revoking the link on the hub withdraws it all.
 */

let national: TestApp;
let hub: TestApp;
let hubServer: FastifyInstance;
let hubPort: number;
let nationalAdmin: Client;
let coordinator: Client;
let hubAdmin: Client;
let memberId: string;

async function serveHub(): Promise<FastifyInstance> {
  const app = await buildApp({
    deps: hub.deps,
    sessionSecret: 'test-secret-test-secret-test-secret-123',
    defaultLocale: 'en',
    databaseKind: hub.handle.kind,
    webDir: '/nonexistent',
    rateLimitAllowList: ['127.0.0.1'],
  });
  await app.listen({ port: hubPort, host: '127.0.0.1' });
  return app;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const practice = (title: string): PracticePayload => ({
  level: 'national',
  themes: ['coordination', 'information'],
  texts: {
    en: { title, summary: 'How the NMIRF tracks recommendations across ministries.', body: '<p>Each ministry…</p>' },
    fr: {
      title: `${title} (fr)`,
      summary: 'Comment le mécanisme suit les recommandations.',
      body: '<p>Chaque ministère…</p>',
    },
  },
  contact: 'nmirf@gov.example',
  links: [],
  source: 'Government report, 2024',
});

const hubPractice = (ref: string) =>
  hub.handle.db
    .selectFrom('hub_practices as p')
    .leftJoin('hub_practice_texts as t', (join) => join.onRef('t.practice_id', '=', 'p.id').on('t.locale', '=', 'en'))
    .select(['p.id', 'p.status', 'p.origin_revision', 't.title'])
    .where('p.origin_ref', '=', ref)
    .executeTakeFirst();

async function shareOf(id: string) {
  const page = await coordinator.request('GET', '/api/federation/shares?pageSize=50');
  return (page.json().items as { id: string; state: string; attempts: number; lastError: string | null }[]).find(
    (item) => item.id === id,
  );
}

beforeAll(async () => {
  national = await createTestApp();
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
  hubPort = await freePort();
  hubServer = hub.app;
  await hubServer.listen({ port: hubPort, host: '127.0.0.1' });
  await national.app.listen({ port: await freePort(), host: '127.0.0.1' });
  await makeStateProfile(national.handle.db);
  const review = await makeReview(national.handle.db);
  await makeRecommendations(national.handle.db, review, [{}, {}, {}]);
  nationalAdmin = await signInNew(national, 'admin');
  coordinator = await signInNew(national, 'coordinator');
  hubAdmin = await signInNew(hub, 'hub_admin');
  memberId = (
    await makeHubMember(hub.handle.db, { country_code: 'SI', name: 'Permanent Interdepartmental Working Group' })
  ).id;
}, 400_000);

afterAll(async () => {
  await national?.close();
  if (hubServer && hubServer !== hub?.app) await hubServer.close();
  await hub?.close();
});

describe('a national instance federated with a hub, both running on loopback', () => {
  it('links, publishes, syncs, survives the hub being down, and is withdrawn on revocation', async () => {
    // The national admin makes the key pair; the hub admin registers its public key for the member.
    const key = await nationalAdmin.request('POST', '/api/federation/link/key');
    expect(key.statusCode, key.body).toBe(200);
    const created = await hubAdmin.request('POST', '/api/hub/federation-links', {
      memberId,
      instanceName: 'Implementa — Slovenia',
      publicJwk: key.json().publicJwk,
    });
    expect(created.statusCode, created.body).toBe(201);
    const linkId = created.json().link.id as string;
    const linked = await nationalAdmin.request('PUT', '/api/federation/link', {
      hubUrl: `http://127.0.0.1:${hubPort}`,
      token: created.json().token,
      version: key.json().version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().state).toBe('linked');

    // The secretariat shares a practice, the profile and the statistics.
    const shared = await coordinator.request('POST', '/api/federation/practices', {
      practice: practice('Tracking database'),
      shared: true,
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const ref = shared.json().id as string;
    const profileDraft = (await coordinator.request('GET', '/api/federation/profile')).json();
    const profile = await coordinator.request('PUT', '/api/federation/profile', {
      profile: { ...profileDraft.profile, mandate: { en: 'Coordinates reporting and follow-up.' }, established: 2018 },
      shared: true,
      version: null,
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const statistics = await coordinator.request('PUT', '/api/federation/statistics', { shared: true, version: null });
    expect(statistics.statusCode, statistics.body).toBe(200);

    const first = await until('the practice on the hub', () => hubPractice(ref));
    expect(first).toMatchObject({ status: 'published', origin_revision: 1, title: 'Tracking database' });
    await until('the profile on the hub', () =>
      hub.handle.db
        .selectFrom('hub_profiles')
        .select('published')
        .where('member_id', '=', memberId)
        .where('published', '=', true)
        .executeTakeFirst(),
    );
    const stats = await until('the statistics on the hub', async () => {
      const response = await hub.app.inject({ method: 'GET', url: `/api/hub/members/${memberId}/statistics` });
      return response.statusCode === 200 ? (response.json() as MemberStatistics) : undefined;
    });
    expect(stats.statistics.total).toBe(3);
    expect(stats.statistics.byMechanism).toEqual([{ code: 'upr', count: 3 }]);
    // No decision on the review: its text is public, its follow-up (statuses) is not.
    expect(stats.statistics.byStatus).toEqual([]);
    expect(stats.origin.instanceName).toBe('Implementa — Slovenia');
    const origin = await hub.app.inject({ method: 'GET', url: `/api/hub/practices/${first.id}/origin` });
    expect(origin.json().origin).toMatchObject({ instanceName: 'Implementa — Slovenia', revision: 1 });
    await until('the practice marked sent', async () => (await shareOf(ref))?.state === 'sent');

    // An edit follows to the hub.
    let version = (await coordinator.request('GET', `/api/federation/practices/${ref}`)).json().version;
    const edited = await coordinator.request('PUT', `/api/federation/practices/${ref}`, {
      practice: practice('Tracking database, second edition'),
      shared: true,
      version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await until('the edit on the hub', async () => (await hubPractice(ref))?.origin_revision === 2);
    expect((await hubPractice(ref))?.title).toBe('Tracking database, second edition');

    // The hub goes down; an edit is made; the push fails, is kept with its error and retried.
    await hubServer.close();
    version = edited.json().version;
    const whileDown = await coordinator.request('PUT', `/api/federation/practices/${ref}`, {
      practice: practice('Tracking database, third edition'),
      shared: true,
      version,
    });
    expect(whileDown.statusCode).toBe(200);
    const failing = await until('a failed attempt', async () => {
      const item = await shareOf(ref);
      return item?.state === 'failed' && (item.attempts ?? 0) >= 2 ? item : undefined;
    });
    expect(failing.lastError).toMatch(/did not answer/);
    expect((await hubPractice(ref))?.origin_revision).toBe(2);

    // The hub comes back on the same address: the edit arrives, nothing lost.
    hubServer = await serveHub();
    await until('the edit after the outage', async () => (await hubPractice(ref))?.origin_revision === 3, 60_000);
    expect((await hubPractice(ref))?.title).toBe('Tracking database, third edition');
    await until('the practice sent again', async () => (await shareOf(ref))?.state === 'sent');

    // Unsharing the profile withdraws it from the hub.
    const profileNow = (await coordinator.request('GET', '/api/federation/profile')).json();
    const unshared = await coordinator.request('PUT', '/api/federation/profile', {
      profile: profileNow.profile,
      shared: false,
      version: profileNow.share.version,
    });
    expect(unshared.statusCode, unshared.body).toBe(200);
    await until('the profile withdrawn', async () => {
      const row = await hub.handle.db
        .selectFrom('hub_profiles')
        .select('published')
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row?.published === false;
    });

    // The hub admin revokes the link: everything from it leaves the hub; the token stops working.
    const hubAdminNow = clientFor(hubServer, hubAdmin.cookie, hubAdmin.csrfToken, hubAdmin.userId);
    const revoked = await hubAdminNow.request('POST', `/api/hub/federation-links/${linkId}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await hubPractice(ref))?.status).toBe('withdrawn');
    const documents = await hub.handle.db.selectFrom('hub_documents').select('kind').execute();
    expect(documents).toEqual([]);
    version = whileDown.json().version;
    await coordinator.request('PUT', `/api/federation/practices/${ref}`, {
      practice: practice('After revocation'),
      shared: true,
      version,
    });
    const refused = await until('the refused push', async () => {
      const item = await shareOf(ref);
      return item?.lastError?.includes('401') ? item : undefined;
    });
    expect(refused.state).toBe('failed');
    expect((await hubPractice(ref))?.status).toBe('withdrawn');

    // The national admin unlinks: the hub already withdrew everything, so the link is forgotten.
    const link = (await nationalAdmin.request('GET', '/api/federation/link')).json().link;
    const unlinked = await nationalAdmin.request('POST', '/api/federation/link/unlink', { version: link.version });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    await until('the link forgotten', async () => {
      const now = (await nationalAdmin.request('GET', '/api/federation/link')).json().link;
      return now?.state === 'key_only';
    });
  }, 240_000);
});
