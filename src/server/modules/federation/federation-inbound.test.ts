import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeHubMember } from '../../../../tests/factories';
import type { PracticePayload } from '../../../shared/schemas/hub';
import { generateKeyPair, type KeyPair, signRequest } from './signatures';

// The hub's inbound federation routes through the whole HTTP app (inject): token, signature,
// nonce, payload check, idempotence by revision, and the scope rules of a federate token.

let hub: TestApp;
let admin: Client;
let key: KeyPair;
let token: string;
let linkId: string;
let memberId: string;

const practice = (title: string): PracticePayload => ({
  level: 'national',
  themes: ['coordination'],
  texts: { en: { title, summary: 'A summary', body: '<p>Body <script>alert(1)</script><b>bold</b></p>' } },
  contact: null,
  links: [{ url: 'https://example.org/doc', label: 'Source document' }],
  source: 'Annual report 2024',
});

async function signed(
  method: 'PUT' | 'DELETE',
  path: string,
  payload: unknown,
  options: { nonce?: string; token?: string; signWith?: KeyPair } = {},
) {
  const body = JSON.stringify(payload);
  const signer = options.signWith ?? key;
  const headers = await signRequest({
    method,
    url: `http://localhost:80${path}`,
    body,
    token: options.token ?? token,
    keyId: signer.keyId,
    privateKeyPem: signer.privateKeyPem,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  return hub.app.inject({ method, url: path, headers, payload: body });
}

beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
  admin = await signInNew(hub, 'hub_admin');
  memberId = (
    await makeHubMember(hub.handle.db, { country_code: 'SI', name: 'Permanent Interdepartmental Working Group' })
  ).id;
  key = generateKeyPair();
  const created = await admin.request('POST', '/api/hub/federation-links', {
    memberId,
    instanceName: 'Implementa Slovenia',
    publicJwk: key.publicJwk,
  });
  expect(created.statusCode, created.body).toBe(201);
  token = created.json().token;
  linkId = created.json().link.id;
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

describe('a hub receives signed federation requests', () => {
  const ref = randomUUID();
  const path = `/api/federation/inbound/practices/${ref}`;

  it('stores a practice under the member, sanitised, published and searchable, with its origin', async () => {
    const response = await signed('PUT', path, { revision: 1, practice: practice('Inter-ministerial coordination') });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'stored', revision: 1 });
    const id = response.json().hubId as string;
    const row = await hub.handle.db
      .selectFrom('hub_practices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ member_id: memberId, status: 'published', origin_ref: ref, origin_revision: 1 });
    const text = await hub.handle.db
      .selectFrom('hub_practice_texts')
      .selectAll()
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(text.body).not.toContain('script');
    expect(text.body).toContain('<strong>bold</strong>');
    const documents = await hub.handle.db.selectFrom('hub_documents').selectAll().where('ref_id', '=', id).execute();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ kind: 'practice', country_code: 'SI', visibility: 'public' });
    const origin = await hub.app.inject({ method: 'GET', url: `/api/hub/practices/${id}/origin` });
    expect(origin.json().origin).toMatchObject({ instanceName: 'Implementa Slovenia', revision: 1 });
  });

  it('the same revision twice changes nothing; an older one never overwrites a newer one', async () => {
    const again = await signed('PUT', path, { revision: 1, practice: practice('Something else') });
    expect(again.json()).toMatchObject({ outcome: 'unchanged', revision: 1 });
    expect((await signed('PUT', path, { revision: 3, practice: practice('Third') })).json().outcome).toBe('stored');
    const older = await signed('PUT', path, { revision: 2, practice: practice('Second, late') });
    expect(older.json()).toMatchObject({ outcome: 'stale', revision: 3 });
    const titles = await hub.handle.db.selectFrom('hub_practice_texts').select('title').execute();
    expect(titles.map((row) => row.title)).toContain('Third');
    expect(titles.map((row) => row.title)).not.toContain('Second, late');
  });

  it('a replayed request is refused', async () => {
    const nonce = 'replay-nonce-0123456789';
    const first = await signed('PUT', path, { revision: 4, practice: practice('Fourth') }, { nonce });
    expect(first.statusCode).toBe(200);
    const replay = await signed('PUT', path, { revision: 4, practice: practice('Fourth') }, { nonce });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.issues[0].message).toMatch(/used before/);
  });

  it('a bad payload answers 400 naming the field, and nothing is stored', async () => {
    const bad = { ...practice('Bad'), themes: ['not-a-theme'] };
    const response = await signed('PUT', `/api/federation/inbound/practices/${randomUUID()}`, {
      revision: 1,
      practice: bad,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('practice.themes.0');
  });

  it('a request signed by another key, or not signed, is refused', async () => {
    const other = generateKeyPair();
    const forged = await signed('PUT', path, { revision: 9, practice: practice('Forged') }, { signWith: other });
    expect(forged.statusCode).toBe(401);
    const unsigned = await hub.app.inject({
      method: 'PUT',
      url: path,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ revision: 9, practice: practice('Unsigned') }),
    });
    expect(unsigned.statusCode).toBe(401);
  });

  it('a federate token reaches only the federation routes (403), and other tokens do not reach these', async () => {
    const elsewhere = await hub.app.inject({
      method: 'GET',
      url: '/api/hub/federation-links',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('API_TOKEN_SCOPE');
    const write = await admin.request('POST', '/api/admin/api-tokens', {
      name: 'A writer',
      scope: 'write',
      expiresInDays: 7,
    });
    const writer = write.json().secret as string;
    const refused = await signed(
      'PUT',
      path,
      { revision: 10, practice: practice('By a write token') },
      { token: writer },
    );
    expect(refused.statusCode).toBe(403);
    const asFederate = await admin.request('POST', '/api/admin/api-tokens', {
      name: 'Not here',
      scope: 'federate',
      expiresInDays: 7,
    });
    expect(asFederate.statusCode).toBe(400);
  });

  it('statistics are public as aggregates, on the API and on a page without script', async () => {
    const statistics = {
      total: 12,
      byStatus: [{ code: 'in_progress', label: { en: 'In progress', fr: 'En cours' }, count: 5 }],
      byMechanism: [{ code: 'upr', count: 12 }],
      byTheme: [{ code: '7', label: { en: 'Adequate housing' }, count: 3 }],
      countedAt: new Date().toISOString(),
    };
    expect((await signed('PUT', '/api/federation/inbound/statistics', { revision: 1, statistics })).statusCode).toBe(
      200,
    );
    const api = await hub.app.inject({ method: 'GET', url: `/api/hub/members/${memberId}/statistics` });
    expect(api.statusCode).toBe(200);
    expect(api.json().statistics.total).toBe(12);
    const page = await hub.app.inject({ method: 'GET', url: `/hub/fr/members/${memberId}/statistics` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('En cours');
    expect(page.body).toContain('Implementa Slovenia');
    expect(page.body).not.toContain('<script');
    const missing = await hub.app.inject({ method: 'GET', url: `/hub/en/members/${randomUUID()}/statistics` });
    expect(missing.statusCode).toBe(404);
  });

  it('revoking the link withdraws everything that came through it and the token stops working', async () => {
    const revoked = await admin.request('POST', `/api/hub/federation-links/${linkId}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', practices: 0 });
    const practices = await hub.handle.db
      .selectFrom('hub_practices')
      .select('status')
      .where('federation_link_id', '=', linkId)
      .execute();
    expect(practices.every((row) => row.status === 'withdrawn')).toBe(true);
    const documents = await hub.handle.db
      .selectFrom('hub_documents')
      .select('id')
      .where('kind', '=', 'practice')
      .execute();
    expect(documents).toHaveLength(0);
    expect((await hub.app.inject({ method: 'GET', url: `/api/hub/members/${memberId}/statistics` })).statusCode).toBe(
      404,
    );
    const after = await signed('PUT', path, { revision: 11, practice: practice('After revocation') });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('API_TOKEN_REVOKED');
  });

  it('only the hub admin manages links', async () => {
    for (const role of ['moderator', 'member', 'reader'] as const) {
      const client = await signInNew(hub, role);
      expect((await client.request('GET', '/api/hub/federation-links')).statusCode).toBe(403);
    }
  });
});
