import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../tests/app';
import { buildApp } from '../app';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('response headers', () => {
  it('sends HSTS only over HTTPS', async () => {
    const plain = await test.app.inject({ method: 'GET', url: '/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without a trusted proxy a forwarded protocol is the client's word, not TLS.
    const claimed = await test.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends a Permissions-Policy refusing camera, microphone and geolocation', async () => {
    for (const url of ['/health', '/api/session', '/api/nothing-here']) {
      const policy = String((await test.app.inject({ method: 'GET', url })).headers['permissions-policy']);
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()'])
        expect(policy).toContain(feature);
    }
  });

  it('marks the session and every signed-in API answer no-store, public ones not', async () => {
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/session' });
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const client = await signInNew(test, 'coordinator');
    for (const url of ['/api/session', '/api/me/activity', '/api/recommendations', '/api/saved-views']) {
      const response = await client.request('GET', url);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const patched = await client.request('PATCH', '/api/me', { locale: 'fr', version: 1 });
    expect(patched.headers['cache-control']).toBe('no-store');
    expect((await test.app.inject({ method: 'GET', url: '/health' })).headers['cache-control']).toBeUndefined();
  });
});

describe('API reference access (API_DOCS)', () => {
  const paths = ['/api/docs', '/api/docs/json', '/api/openapi.json'];

  it('is for signed-in people by default', async () => {
    for (const url of paths) {
      const response = await test.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
    }
    const client = await signInNew(test, 'viewer');
    const spec = await client.request('GET', '/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toMatch(/^3\./);
    expect([200, 302]).toContain((await client.request('GET', '/api/docs')).statusCode);
  });

  it('can be public or off', async () => {
    const build = (apiDocs: 'public' | 'off') =>
      buildApp({
        deps: test.deps,
        sessionSecret: 'test-secret-test-secret-test-secret-123',
        defaultLocale: 'en',
        databaseKind: test.handle.kind,
        webDir: '/nonexistent',
        apiDocs,
      });
    const open = await build('public');
    const off = await build('off');
    try {
      for (const url of paths) {
        expect((await open.inject({ method: 'GET', url })).statusCode, url).toBeLessThan(400);
        expect((await off.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
    } finally {
      await open.close();
      await off.close();
    }
  });
});
