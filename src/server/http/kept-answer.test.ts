import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../tests/app';
import { makeEntity, makeRecommendations, makeReview, makeStateProfile } from '../../../tests/factories';
import { acceptedEncoding } from './kept-answer';

describe('acceptedEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    ['deflate', null],
    ['gzip;q=0', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });
});

let test: TestApp;
let coordinator: Client;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  await makeStateProfile(db);
  await makeEntity(db, { kind: 'ministry', name: 'Ministry of Justice' });
  const review = await makeReview(db, { symbol: 'A/HRC/58/1' });
  await makeRecommendations(
    db,
    review,
    Array.from({ length: 12 }, () => ({})),
  );
  coordinator = await signInNew(test, 'coordinator');
}, 180_000);

afterAll(() => test?.close());

const read = (url: string, acceptEncoding?: string) =>
  test.app.inject({
    method: 'GET',
    url,
    headers: { cookie: coordinator.cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
  });

const targets = ['/api/recommendations?lang=en', '/api/entities', '/api/dashboards/status?dimension=mechanism'];

describe('kept answers are sent as kept bytes (decision 041)', () => {
  it.each(targets)(
    '%s: one JSON whatever the encoding, the same compressed bytes while nothing changed',
    async (url) => {
      const plain = await read(url);
      expect(plain.statusCode, plain.body).toBe(200);
      expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(plain.headers['content-encoding']).toBeUndefined();
      const json = plain.json();
      expect(json).toBeTypeOf('object');
      if (plain.rawPayload.length < 1024) return;

      const br = await read(url, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/);
      expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
      const again = await read(url, 'br');
      expect(again.rawPayload.equals(br.rawPayload)).toBe(true);

      const gzip = await read(url, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    },
  );

  it('the register answer is at least 1 KB here, so the compressed path is tested', async () => {
    expect((await read(targets[0] as string)).rawPayload.length).toBeGreaterThan(1024);
  });

  it('a write moves the generation on: the next answer, compressed, shows it', async () => {
    const before = brotliDecompressSync((await read(targets[0] as string, 'br')).rawPayload).toString();
    expect(before).toContain('A/HRC/58/1');
    await test.handle.db.updateTable('reviews').set({ symbol: 'A/HRC/58/9' }).execute();
    const after = JSON.parse(brotliDecompressSync((await read(targets[0] as string, 'br')).rawPayload).toString());
    expect(after.items[0].reviewSymbol).toBe('A/HRC/58/9');
    expect(JSON.stringify(after)).not.toContain('A/HRC/58/1"');
  });

  it('the response schema still shapes the answer: the search time is that of the search, kept with it', async () => {
    const first = (await read(targets[0] as string)).json();
    const second = (await read(targets[0] as string)).json();
    expect(second.tookMs).toBe(first.tookMs);
    expect(first.tookMs).toBeGreaterThanOrEqual(0);
  });
});
