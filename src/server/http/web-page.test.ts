import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../tests/app';
import { makeUser } from '../../../tests/factories';
import { documentOnlyHeaders } from './headers';
import { webPage } from './web-page';

// A built client in miniature: index.html and the list build/preload-plugin.ts writes.
const webDir = mkdtempSync(join(tmpdir(), 'implementa-preload-'));
mkdirSync(join(webDir, '.vite'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'assets/recommendation.js'), 'export default 1;\n');
writeFileSync(
  join(webDir, 'index.html'),
  '<!doctype html>\n<html>\n  <head>\n    <title>Implementa</title>\n  </head>\n</html>',
);
const route = (page: string, part: string, isPublic = false) => ({
  modules: [`/assets/${page}.js`, '/assets/shared.js'],
  css: page === 'calendar' ? ['/assets/calendar.css'] : [],
  part,
  public: isPublic,
});
writeFileSync(
  join(webDir, '.vite/route-preloads.json'),
  JSON.stringify({
    routes: {
      '/': route('home', 'home'),
      '/sign-in': route('sign-in', 'sign_in', true),
      '/register/:id': route('recommendation', 'register_id'),
      '/register/reviews': route('reviews', 'register_reviews'),
      '/calendar': route('calendar', 'calendar'),
    },
    parts: {
      'en/@core': '/assets/core-en.js',
      'fr/@core': '/assets/core-fr.js',
      'en/register_id': '/assets/register_id-en.js',
      'fr/register_id': '/assets/register_id-fr.js',
      'en/sign_in': '/assets/sign_in-en.js',
      'en/register_reviews': '/assets/reviews-en.js',
    },
  }),
);

const preloaded = (html: string) =>
  [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);

describe('index.html names what the page needs first', () => {
  const page = webPage(webDir);

  it("preloads the route's chunks and the catalogue parts in the visitor's language", () => {
    expect(preloaded(page('/register/4f1c', 'fr', true))).toEqual([
      '/assets/core-fr.js',
      '/assets/register_id-fr.js',
      '/assets/recommendation.js',
      '/assets/shared.js',
    ]);
  });

  it('prefers a literal segment over a parameter, as the client router does', () => {
    expect(preloaded(page('/register/reviews', 'en', true))).toContain('/assets/reviews.js');
    expect(preloaded(page('/register/reviews', 'en', true))).not.toContain('/assets/recommendation.js');
  });

  it('preloads the sign-in page for a signed-out visitor to a signed-in page', () => {
    expect(preloaded(page('/register/4f1c', 'en', false))).toEqual([
      '/assets/core-en.js',
      '/assets/sign_in-en.js',
      '/assets/sign-in.js',
      '/assets/shared.js',
    ]);
  });

  it("preloads a page's CSS as a style, and only the core for an unknown path", () => {
    expect(page('/calendar', 'en', true)).toContain('<link rel="preload" as="style" href="/assets/calendar.css">');
    expect(preloaded(page('/no/such/page', 'en', true))).toEqual(['/assets/core-en.js']);
  });

  it('sends index.html untouched when the build wrote no list', () => {
    const bare = mkdtempSync(join(tmpdir(), 'implementa-bare-'));
    writeFileSync(join(bare, 'index.html'), '<!doctype html><title>Implementa</title>');
    expect(webPage(bare)('/register/1', 'en', true)).toBe('<!doctype html><title>Implementa</title>');
  });
});

describe('the server sends it', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({}, { webDir });
  }, 180_000);
  afterAll(() => test.close());

  it("in the signed-in user's language, revalidated every time", async () => {
    const user = await makeUser(test.handle.db, { role: 'coordinator', locale: 'fr' });
    const client = await signInAs(test.app, user.email);
    const response = await test.app.inject({
      method: 'GET',
      url: '/register/4f1c?tab=1',
      headers: { cookie: client.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(preloaded(response.body)).toContain('/assets/register_id-fr.js');
    expect(preloaded(response.body)).toContain('/assets/recommendation.js');

    const signedOut = await test.app.inject({
      method: 'GET',
      url: '/register/4f1c',
      headers: { 'accept-language': 'fr' },
    });
    expect(preloaded(signedOut.body)).toContain('/assets/core-fr.js');
    expect(preloaded(signedOut.body)).toContain('/assets/sign-in.js');
  });

  it('sends a script without the headers only a document obeys, the page with them', async () => {
    const script = await test.app.inject({ method: 'GET', url: '/assets/recommendation.js' });
    expect(script.statusCode).toBe(200);
    for (const name of documentOnlyHeaders) expect(script.headers[name]).toBeUndefined();
    expect(script.headers['permissions-policy']).toBeUndefined();
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin');

    const page = await test.app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['permissions-policy']).toMatch(/camera=\(\)/);
  });
});
