import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../tests/app';
import { makeUser } from '../../../tests/factories';
import { webCacheControl } from '../app';

// A built web client in miniature: index.html and one hashed asset with the build's .br and .gz.
const webDir = mkdtempSync(join(tmpdir(), 'implementa-web-'));
const script = `export const greeting = ${JSON.stringify('Implementa '.repeat(400))};\n`;
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Implementa</title>');
writeFileSync(join(webDir, 'assets/main-Ab12Cd34.js'), script);
writeFileSync(join(webDir, 'assets/main-Ab12Cd34.js.br'), brotliCompressSync(script));
writeFileSync(join(webDir, 'assets/main-Ab12Cd34.js.gz'), gzipSync(script));

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({}, { webDir });
}, 180_000);
afterAll(() => test.close());

const asset = (acceptEncoding?: string) =>
  test.app.inject({
    method: 'GET',
    url: '/assets/main-Ab12Cd34.js',
    headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
  });

describe('what crosses the wire', () => {
  it('sends the precompressed copy the browser accepts, hashed assets cached for a year', async () => {
    const br = await asset('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);

    const gz = await asset('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');

    const plain = await asset();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates the page itself every time (a new build must show at once)', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/register', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('private, no-cache');
    expect(page.body).toContain('<title>Implementa</title>');
    expect(webCacheControl('/srv/dist/web/index.html')).toBe('no-cache');
    expect(webCacheControl('/srv/dist/web/assets/x-1.js')).toMatch(/immutable/);
  });

  it('compresses API answers over 1 KB for a client that accepts it', async () => {
    const client = await signInAs(test.app, (await makeUser(test.handle.db, { role: 'coordinator' })).email);
    const headers = { cookie: client.cookie };
    const plain = await test.app.inject({ method: 'GET', url: '/api/countries', headers });
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await test.app.inject({
      method: 'GET',
      url: '/api/countries',
      headers: { ...headers, 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 3);
  });
});
