import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../tests/app';
import { makeRecommendations, makeReview, makeStateProfile, makeUser } from '../../../tests/factories';
import { bootElementId } from './page-boot';

// A built client in miniature: index.html only.
const webDir = mkdtempSync(join(tmpdir(), 'implementa-boot-'));
writeFileSync(
  join(webDir, 'index.html'),
  '<!doctype html>\n<html>\n  <head>\n    <title>Implementa</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>',
);

let test: TestApp;
let cookie: string;
beforeAll(async () => {
  test = await createTestApp({}, { webDir });
  const db = test.handle.db;
  await makeStateProfile(db);
  const review = await makeReview(db, { symbol: 'A/HRC/58/1' });
  await makeRecommendations(db, review, [{}, {}]);
  // A name that would end the data block if it were not escaped, and a replacement pattern.
  const user = await makeUser(db, { role: 'coordinator', locale: 'fr', name: 'Ana </script><b>x</b> $& $1' });
  cookie = (await signInAs(test.app, user.email)).cookie;
}, 180_000);
afterAll(() => test?.close());

const page = (url: string, headers: Record<string, string> = {}) =>
  test.app.inject({ method: 'GET', url, headers: { cookie, ...headers } });

/** The answers in the page's data block, parsed as the client parses them. */
function answersOf(html: string): Record<string, unknown> {
  const match = new RegExp(`<script type="application/json" id="${bootElementId}">([^<]*)</script>`).exec(html);
  expect(match, html).not.toBeNull();
  return JSON.parse(match?.[1] ?? '{}');
}

describe('a page is sent with its first API answers (decision 041)', () => {
  it('the register: who is signed in and the first page of results, each as the API answers it', async () => {
    const response = await page('/register');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers.vary).toMatch(/cookie/);
    const answers = answersOf(response.body);
    expect(Object.keys(answers).sort()).toEqual([
      '/api/recommendations?pageSize=20&lang=fr',
      '/api/saved-views',
      '/api/session',
      '/api/state-profile',
      '/api/taxonomies/status/terms?pageSize=200',
    ]);
    const session = await page('/api/session');
    expect(answers['/api/session']).toEqual(session.json());
    const results = await page('/api/recommendations?pageSize=20&lang=fr');
    expect(answers['/api/recommendations?pageSize=20&lang=fr']).toEqual(results.json());
    expect((answers['/api/recommendations?pageSize=20&lang=fr'] as { total: number }).total).toBe(2);
  });

  it('never lets the data end its element, and keeps `$` patterns as they are', async () => {
    const response = await page('/register');
    expect(response.body).not.toContain('</script><b>');
    const session = answersOf(response.body)['/api/session'] as { user: { name: string } };
    expect(session.user.name).toBe('Ana </script><b>x</b> $& $1');
  });

  it('a filtered register, or another page, gets what every signed-in page asks only', async () => {
    const shell = ['/api/session', '/api/state-profile'];
    expect(Object.keys(answersOf((await page('/register?q=water')).body))).toEqual(shell);
    expect(Object.keys(answersOf((await page('/calendar')).body))).toEqual(shell);
  });

  it('the dashboards: their four default views', async () => {
    const answers = answersOf((await page('/dashboards')).body);
    expect(Object.keys(answers)).toEqual([
      '/api/session',
      '/api/state-profile',
      '/api/bodies',
      '/api/dashboards/status?dimension=mechanism&limit=12',
      '/api/dashboards/trend?interval=month&periods=12',
      '/api/dashboards/overdue?page=1&pageSize=20',
    ]);
  });

  it('signed out: the session that says so, and nothing a signed-in page would ask', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/register' });
    const answers = answersOf(response.body);
    expect(Object.keys(answers)).toEqual(['/api/session']);
    expect((answers['/api/session'] as { user: unknown }).user).toBeNull();
  });

  it('compressed for a browser that accepts it', async () => {
    const response = await page('/register', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toContain(bootElementId);
  });
});
