import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';
import type { ApiTokenScope, CreatedApiToken } from '../../../shared/schemas/api-tokens';

// Five requests a minute per token: small enough to reach here, each token counting on its own.
const perMinute = 5;
let test: TestApp;
let admin: Client;
beforeAll(async () => {
  test = await createTestApp({ API_TOKEN_RATE_PER_MINUTE: perMinute });
  admin = await signInNew(test, 'admin');
});
afterAll(() => test.close());

async function createToken(scope: ApiTokenScope, ownerEmail = '', name = `Token ${scope}`): Promise<CreatedApiToken> {
  const response = await admin.request('POST', '/api/admin/api-tokens', { name, scope, ownerEmail, expiresInDays: 30 });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function withToken(secret: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: object) {
  return test.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${secret}` },
    ...(body ? { payload: body } : {}),
  });
}

describe('API tokens', () => {
  it('are made by an admin, shown once and stored as a hash only', async () => {
    const owner = await makeUser(test.handle.db, { role: 'focal_point' });
    const created = await createToken('read_scoped', owner.email, 'Warehouse');
    expect(created.secret).toMatch(/^imp_[\w-]{43}$/);
    expect(created.token).toMatchObject({
      name: 'Warehouse',
      scope: 'read_scoped',
      status: 'active',
      owner: { id: owner.id, email: owner.email },
      prefix: created.secret.slice(0, 10),
      lastUsedAt: null,
    });
    const row = await test.handle.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.token.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(created.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.secret);

    const listed = await admin.request('GET', '/api/admin/api-tokens?page=1&pageSize=50');
    expect(listed.json()).toMatchObject({ page: 1, pageSize: 50 });
    expect(listed.body).not.toContain(created.secret);
    expect(listed.json().items.map((token: { id: string }) => token.id)).toContain(created.token.id);

    const audit = await test.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_type', '=', 'api_token')
      .where('record_id', '=', created.token.id)
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['create']);
    expect(JSON.stringify(audit)).not.toContain(row.token_hash);
  });

  it('are refused to anyone who does not administer, and for an unknown or inactive owner', async () => {
    const coordinator = await signInNew(test, 'coordinator');
    const refused = await coordinator.request('POST', '/api/admin/api-tokens', {
      name: 'Mine',
      scope: 'write',
      expiresInDays: 30,
    });
    expect(refused.statusCode).toBe(403);
    expect((await coordinator.request('GET', '/api/admin/api-tokens')).statusCode).toBe(403);

    const disabled = await makeUser(test.handle.db, { status: 'disabled' });
    for (const ownerEmail of ['nobody@test.implementa.example', disabled.email]) {
      const response = await admin.request('POST', '/api/admin/api-tokens', {
        name: 'Nobody',
        scope: 'write',
        ownerEmail,
        expiresInDays: 30,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues).toEqual([
        { path: 'ownerEmail', message: expect.stringContaining(ownerEmail) },
      ]);
    }
    const tooLong = await admin.request('POST', '/api/admin/api-tokens', {
      name: 'x',
      scope: 'write',
      expiresInDays: 1000,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json().error.issues)).toContain('expiresInDays');
  });

  it('act as their owner: read_scoped reads what the owner may read and writes nothing', async () => {
    const owner = await makeUser(test.handle.db, { role: 'viewer' });
    const viewerToken = await createToken('read_scoped', owner.email);
    const adminToken = await createToken('read_scoped');
    // The admin's token may list people, the viewer's may not: the owner's rights, not the token's.
    expect((await withToken(adminToken.secret, 'GET', '/api/admin/users')).statusCode).toBe(200);
    const forbidden = await withToken(viewerToken.secret, 'GET', '/api/admin/users');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');

    const write = await withToken(viewerToken.secret, 'PATCH', '/api/me', { name: 'Changed', version: owner.version });
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toMatchObject({
      code: 'API_TOKEN_SCOPE',
      params: { scope: 'read_scoped', need: 'write' },
    });
    const stored = await test.handle.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', owner.id)
      .executeTakeFirst();
    expect(stored?.name).toBe(owner.name);
  });

  it('with write, change what the owner may change, without a CSRF token, audited as the token', async () => {
    const owner = await makeUser(test.handle.db, { role: 'contributor' });
    const token = await createToken('write', owner.email);
    const response = await withToken(token.secret, 'PATCH', '/api/me', {
      name: 'Renamed by a machine',
      version: owner.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: owner.id, name: 'Renamed by a machine' });
    const event = await test.handle.db
      .selectFrom('audit_events')
      .select(['actor_id', 'actor_label'])
      .where('record_type', '=', 'user')
      .where('record_id', '=', owner.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_id: owner.id, actor_label: `${owner.email} (API token ${token.token.prefix}…)` });
  });

  it('never reach the account routes, whatever their scope', async () => {
    const token = await createToken('write');
    for (const [method, url] of [
      ['GET', '/api/me/sessions'],
      ['GET', '/api/admin/api-tokens'],
      ['POST', `/api/admin/api-tokens/${token.token.id}/revoke`],
      ['DELETE', '/api/session'],
    ] as const) {
      const response = await withToken(token.secret, method, url);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'API_TOKEN_SCOPE', params: { need: 'account' } });
    }
  });

  it('with read_public, read the public portal and its open data only, and say why elsewhere', async () => {
    const token = await createToken('read_public');
    const response = await withToken(token.secret, 'GET', '/api/recommendations');
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({
      code: 'API_TOKEN_SCOPE',
      params: { scope: 'read_public', need: 'public' },
    });
    const portal = await withToken(token.secret, 'GET', '/public/en/');
    expect(portal.statusCode).toBe(200);
    expect((await withToken(token.secret, 'GET', '/public/en/data/recommendations.json')).statusCode).toBe(200);
  });

  it('answer 401 naming why once revoked, expired, unknown, or their owner disabled', async () => {
    const owner = await makeUser(test.handle.db, { role: 'viewer' });
    const revoked = await createToken('read_scoped', owner.email);
    expect((await withToken(revoked.secret, 'GET', '/api/admin/users')).statusCode).toBe(403);
    const revocation = await admin.request('POST', `/api/admin/api-tokens/${revoked.token.id}/revoke`);
    expect(revocation.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect((await admin.request('POST', `/api/admin/api-tokens/${revoked.token.id}/revoke`)).statusCode).toBe(409);
    const afterRevoke = await withToken(revoked.secret, 'GET', '/api/admin/users');
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().error.code).toBe('API_TOKEN_REVOKED');

    const expired = await createToken('read_scoped', owner.email);
    // The clock moves: the token's day has passed.
    await test.handle.db
      .updateTable('api_tokens')
      .set({ created_at: sql<Date>`now() - interval '31 days'`, expires_at: sql<Date>`now() - interval '1 day'` })
      .where('id', '=', expired.token.id)
      .execute();
    const afterExpiry = await withToken(expired.secret, 'GET', '/api/admin/users');
    expect(afterExpiry.statusCode).toBe(401);
    expect(afterExpiry.json().error.code).toBe('API_TOKEN_EXPIRED');

    for (const secret of [`imp_${'x'.repeat(43)}`, 'not-a-token', '']) {
      const unknown = await withToken(secret, 'GET', '/api/admin/users');
      expect(unknown.statusCode, secret).toBe(401);
      expect(unknown.json().error.code).toBe('API_TOKEN_INVALID');
    }

    const live = await createToken('read_scoped', owner.email);
    await test.handle.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', owner.id).execute();
    expect((await withToken(live.secret, 'GET', '/api/admin/users')).json().error.code).toBe('API_TOKEN_REVOKED');

    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'api_token')
      .where('record_id', '=', revoked.token.id)
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['create', 'revoke']);
    const listed = await admin.request('GET', '/api/admin/api-tokens?status=expired');
    expect(listed.json().items.map((token: { id: string }) => token.id)).toEqual([expired.token.id]);
  });

  it('show when they were last used', async () => {
    const token = await createToken('read_scoped');
    await withToken(token.secret, 'GET', '/api/admin/users');
    const listed = await admin.request('GET', '/api/admin/api-tokens?status=active&pageSize=200');
    const found = listed.json().items.find((item: { id: string }) => item.id === token.token.id);
    expect(Date.parse(found.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('are rate limited per token, with RateLimit headers; sessions keep theirs', async () => {
    const first = await createToken('read_scoped');
    const second = await createToken('read_scoped');
    const remaining: string[] = [];
    for (let request = 0; request < perMinute; request += 1) {
      const response = await withToken(first.secret, 'GET', '/api/admin/users');
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe(String(perMinute));
      remaining.push(String(response.headers['ratelimit-remaining']));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await withToken(first.secret, 'GET', '/api/admin/users');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another token, and the same person's session, are not held back by the first token's use.
    expect((await withToken(second.secret, 'GET', '/api/admin/users')).statusCode).toBe(200);
    const session = await admin.request('GET', '/api/admin/users');
    expect(session.statusCode).toBe(200);
    expect(session.headers['ratelimit-limit']).toBeUndefined();
  });

  it('win over a cookie sent beside them, and a session still needs its CSRF token', async () => {
    const person = await makeUser(test.handle.db, { role: 'viewer' });
    const client = await signInAs(test.app, person.email);
    const token = await createToken('read_scoped', person.email);
    const both = await test.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { authorization: `Bearer ${token.secret}`, cookie: client.cookie, 'x-csrf-token': client.csrfToken },
      payload: { name: 'Changed', version: person.version },
    });
    expect(both.json().error.code).toBe('API_TOKEN_SCOPE');
    const noCsrf = await test.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: client.cookie },
      payload: { name: 'Changed', version: person.version },
    });
    expect(noCsrf.json().error.code).toBe('CSRF');
  });
});
