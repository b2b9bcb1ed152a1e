import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeRecommendations, makeReview, makeStateProfile } from '../../../../tests/factories';
import { freePort } from '../../../../tests/free-port';

/*
 * The statistics a national instance sends are counted only from what its public portal publishes
 * (decision 032 through public.service's publicAggregates): a withheld review changes nothing sent,
 * a published one does. The hub is a small recorder on loopback that keeps each request.
 */

interface Received {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: { revision: number; statistics?: { total: number; byStatus: { code: string; count: number }[] } };
}

let national: TestApp;
let admin: Client;
let coordinator: Client;
let recorder: Server;
const received: Received[] = [];

async function until<T>(what: string, probe: () => T | undefined | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function publishReview(published: boolean, statuses: string[]) {
  const review = await makeReview(national.handle.db);
  await makeRecommendations(
    national.handle.db,
    review,
    statuses.map((status) => ({ status })),
  );
  await national.handle.db
    .insertInto('publications')
    .values({ subject: 'review', record_id: review.id, published })
    .execute();
}

async function statisticsShare() {
  const page = await coordinator.request('GET', '/api/federation/shares?kind=statistics');
  return page.json().items[0] as { id: string; state: string; revision: number };
}

beforeAll(async () => {
  recorder = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const body = JSON.parse(text) as Received['body'];
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ outcome: 'stored', revision: body.revision, hubId: null }));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => recorder.listen(port, '127.0.0.1', resolve));
  national = await createTestApp();
  await makeStateProfile(national.handle.db);
  admin = await signInNew(national, 'admin');
  coordinator = await signInNew(national, 'coordinator');
  const key = await admin.request('POST', '/api/federation/link/key');
  const linked = await admin.request('PUT', '/api/federation/link', {
    hubUrl: `http://127.0.0.1:${port}`,
    token: 'imp_recorder-token-0123456789abcdef',
    version: key.json().version,
  });
  expect(linked.statusCode, linked.body).toBe(200);
}, 120_000);

afterAll(async () => {
  await national?.close();
  await new Promise((resolve) => recorder?.close(resolve));
});

describe('statistics sent to the hub', () => {
  it('count only what the portal publishes: a withheld review changes nothing sent', async () => {
    await publishReview(true, ['in_progress', 'in_progress', 'implemented']);
    const chosen = await coordinator.request('PUT', '/api/federation/statistics', { shared: true, version: null });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const first = await until('the first statistics', () =>
      received.find((request) => request.url === '/api/federation/inbound/statistics'),
    );
    expect(first.method).toBe('PUT');
    expect(first.headers['signature-input']).toMatch(/"@method" "@authority" "@path" "@query"/);
    expect(first.headers['content-digest']).toMatch(/^sha-256=:/);
    expect(first.body.statistics?.total).toBe(3);
    expect(first.body.statistics?.byStatus).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'in_progress', count: 2 }),
        expect.objectContaining({ code: 'implemented', count: 1 }),
      ]),
    );
    await until('the statistics marked sent', async () => (await statisticsShare()).state === 'sent');

    // A withheld review: counted nowhere, so the next count is the same and nothing is sent.
    await publishReview(false, ['implemented', 'implemented', 'not_started', 'not_started']);
    const share = await statisticsShare();
    const before = received.length;
    expect((await coordinator.request('POST', `/api/federation/shares/${share.id}/retry`)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(received.length).toBe(before);
    expect((await statisticsShare()).revision).toBe(share.revision);

    // A published one changes the counts: a new revision is sent.
    await publishReview(true, ['implemented']);
    await coordinator.request('POST', `/api/federation/shares/${share.id}/retry`);
    const second = await until('the new statistics', () => received.length > before && received[received.length - 1]);
    expect(second.body.revision).toBeGreaterThan(first.body.revision);
    expect(second.body.statistics?.total).toBe(4);
    expect(second.body.statistics?.byStatus).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'implemented', count: 2 })]),
    );
  }, 60_000);

  it('no one but the secretariat chooses what is shared, and only the admin links', async () => {
    for (const role of ['focal_point', 'viewer', 'stakeholder'] as const) {
      const client = await signInNew(national, role);
      expect(
        (await client.request('PUT', '/api/federation/statistics', { shared: false, version: 1 })).statusCode,
      ).toBe(403);
      expect((await client.request('GET', '/api/federation/shares')).statusCode).toBe(403);
    }
    expect((await coordinator.request('POST', '/api/federation/link/key')).statusCode).toBe(403);
  });
});
