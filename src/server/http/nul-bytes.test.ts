import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../tests/app';

// Issue 14 part 6: a NUL byte in 15 query parameters and 3 JSON bodies gave 500 (PostgreSQL refuses
// it in text). Generated from the routes the server registers (its OpenAPI document), so a new
// route is covered the day it is added: every query parameter, every top-level JSON body field and
// every path parameter, one at a time, carrying "\u0000", answers 400 naming that field.

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
interface Probe {
  label: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
  field: string;
}

const nul = 'a\u0000b';
const someId = '00000000-0000-4000-8000-000000000001';
let test: TestApp;
let admin: Client;
let probes: Probe[];

beforeAll(async () => {
  test = await createTestApp();
  admin = await signInNew(test, 'admin');
  const spec = (await admin.request('GET', '/api/openapi.json')).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  probes = [];
  for (const [path, operations] of Object.entries(spec.paths))
    for (const [verb, operation] of Object.entries(operations)) {
      const method = verb.toUpperCase() as Probe['method'];
      const params = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      const url = path.replace(/\{[^}]+\}/g, someId);
      for (const parameter of params)
        probes.push({
          label: `${method} ${path} path ${parameter.name}`,
          method,
          url: path.replace(`{${parameter.name}}`, encodeURIComponent(nul)).replace(/\{[^}]+\}/g, someId),
          field: parameter.name,
        });
      for (const parameter of (operation.parameters ?? []).filter((each) => each.in === 'query'))
        probes.push({
          label: `${method} ${path} query ${parameter.name}`,
          method,
          url: `${url}?${new URLSearchParams({ [parameter.name]: nul })}`,
          field: parameter.name,
        });
      const json = operation.requestBody?.content?.['application/json']?.schema?.properties;
      for (const name of Object.keys(json ?? {}))
        probes.push({ label: `${method} ${path} body ${name}`, method, url, body: { [name]: nul }, field: name });
    }
}, 60_000);
afterAll(() => test.close());

describe('a NUL byte anywhere in a request', () => {
  it('answers 400 naming the field, on every registered route', async () => {
    // Enough of the API to be sure the document was read, not an empty list passed.
    expect(probes.filter((probe) => probe.label.includes(' query ')).length).toBeGreaterThan(40);
    expect(probes.filter((probe) => probe.label.includes(' body ')).length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const probe of probes) {
      const response = await admin.request(probe.method, probe.url, probe.body).catch((error: Error) => error);
      if (response instanceof Error) {
        wrong.push(`${probe.label}: ${response.message}`);
        continue;
      }
      const issue = response.statusCode === 400 ? response.json().error.issues[0] : undefined;
      if (issue?.message !== 'issues.nulByte' || issue.path !== probe.field)
        wrong.push(`${probe.label}: ${response.statusCode} ${response.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('answers 400 for nested fields and keys too, with the path', async () => {
    const response = await admin.request('POST', '/api/saved-views', { name: 'x', query: { q: ['ok', nul] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0]).toMatchObject({ path: 'query.q.1', message: 'issues.nulByte' });
    const key = await admin.request('POST', '/api/saved-views', { name: 'x', query: { [nul]: 1 } });
    expect(key.statusCode).toBe(400);
  });
});
