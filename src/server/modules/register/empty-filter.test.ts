import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';

let test: TestApp;
let viewer: Client;

beforeAll(async () => {
  test = await createTestApp();
  viewer = await signInNew(test, 'viewer');
});
afterAll(() => test.close());

describe('a register address with an empty or broken filter', () => {
  it('answers an empty filter as none, and a malformed one with a 400 naming it', async () => {
    const empty = await viewer.request('GET', '/api/recommendations?review=&theme=&pageSize=5');
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json().total).toBe(0);
    const bad = await viewer.request('GET', '/api/recommendations?review=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.issues)).toContain('review');
    const csv = await viewer.request('GET', '/api/recommendations/export.csv?status=');
    expect(csv.statusCode).toBe(200);
    // The API description still builds from the query schema.
    expect((await viewer.request('GET', '/api/openapi.json')).statusCode).toBe(200);
  });
});
