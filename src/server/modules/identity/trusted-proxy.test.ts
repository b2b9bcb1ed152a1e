import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/app';
import { makeUser, testPassword } from '../../../../tests/factories';
import { buildApp } from '../../app';

// One proxy in front (TRUST_PROXY=1): it connects from 10.0.0.2 and appends the address it saw
// to whatever X-Forwarded-For the client sent. Only that last entry can be believed.
const proxy = '10.0.0.2';
const client = '203.0.113.7';

let test: TestApp;
let app: FastifyInstance;
beforeAll(async () => {
  test = await createTestApp();
  app = await buildApp({
    deps: test.deps,
    sessionSecret: 'test-secret-test-secret-test-secret-123',
    defaultLocale: 'en',
    databaseKind: test.handle.kind,
    webDir: '/nonexistent',
    trustProxy: 1,
  });
});
afterAll(async () => {
  await app.close();
  await test.close();
});

describe('behind one trusted proxy', () => {
  it('rate-limits by the proxy-appended address however the client rotates X-Forwarded-For', async () => {
    const user = await makeUser(test.handle.db);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: user.email, password: `wrong-${i}` },
        remoteAddress: proxy,
        headers: { 'x-forwarded-for': `198.51.100.${i}, ${client}` },
      });
      codes.push(response.statusCode);
    }
    expect(codes.slice(0, 10).every((code) => code === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);

    const audited = await test.handle.db
      .selectFrom('audit_events')
      .select('ip')
      .where('action', '=', 'sign_in_failed')
      .where('record_id', '=', user.id)
      .execute();
    expect(audited.length).toBe(10);
    expect(new Set(audited.map((row) => row.ip))).toEqual(new Set([client]));
  });

  it('believes X-Forwarded-Proto from the proxy: Secure cookie and HSTS', async () => {
    const user = await makeUser(test.handle.db);
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: testPassword },
      remoteAddress: proxy,
      headers: { 'x-forwarded-for': '192.0.2.50', 'x-forwarded-proto': 'https' },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/Secure/);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});

describe('behind proxies named by address', () => {
  it('believes X-Forwarded-For from a listed proxy only', async () => {
    const listed = await buildApp({
      deps: test.deps,
      sessionSecret: 'test-secret-test-secret-test-secret-123',
      defaultLocale: 'en',
      databaseKind: test.handle.kind,
      webDir: '/nonexistent',
      trustProxy: ['10.0.0.0/24'],
    });
    try {
      const user = await makeUser(test.handle.db);
      const from = async (remoteAddress: string) => {
        await listed.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: user.email, password: 'wrong' },
          remoteAddress,
          headers: { 'x-forwarded-for': `198.51.100.99, ${client}` },
        });
        const row = await test.handle.db
          .selectFrom('audit_events')
          .select('ip')
          .where('record_id', '=', user.id)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        return row.ip;
      };
      expect(await from(proxy)).toBe(client);
      // A client reaching the server directly cannot pass for someone else.
      expect(await from('192.0.2.200')).toBe('192.0.2.200');
    } finally {
      await listed.close();
    }
  });
});
