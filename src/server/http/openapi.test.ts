import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../tests/app';

/** Routes that are not the API: probes, the reference itself and its files. */
const notTheApi = [/^\/health$/, /^\/ready$/, /^\/api\/openapi\.json$/, /^\/api\/docs(?:\/|$)/];

interface Operation {
  parameters?: { name: string; in: string; example?: unknown; schema?: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses?: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
}

const registered: { method: string; url: string }[] = [];
let test: TestApp;
let document: { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };
beforeAll(async () => {
  test = await createTestApp(
    {},
    {
      onRoute: (route) => {
        for (const method of [route.method].flat()) registered.push({ method, url: route.url });
      },
    },
  );
  const admin = await signInNew(test, 'admin');
  document = (await admin.request('GET', '/api/openapi.json')).json();
});
afterAll(() => test.close());

/** Fastify's `/api/x/:id` is OpenAPI's `/api/x/{id}`. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]\w*)/g, '{$1}');
}

function hasExample(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  if ('example' in value || 'examples' in value) return true;
  return Object.values(value).some(hasExample);
}

describe('the OpenAPI document', () => {
  it('names every route the app registers, with its method', () => {
    const api = registered.filter(
      (route) =>
        route.method !== 'HEAD' && route.url.startsWith('/api/') && !notTheApi.some((re) => re.test(route.url)),
    );
    expect(api.length).toBeGreaterThan(100);
    const missing = api
      .filter((route) => !document.paths[openApiPath(route.url)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('says how a machine authenticates: session cookie with CSRF, or a bearer API token', () => {
    expect(Object.keys((document.components as { securitySchemes: object }).securitySchemes).sort()).toEqual([
      'bearer',
      'csrf',
      'session',
    ]);
  });

  it('pages every growing list the same way: page and pageSize in, { items, total, page, pageSize } out', () => {
    const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
    const odd: string[] = [];
    const arrays: string[] = [];
    for (const { route, operation } of operations) {
      const names = new Set(operation.parameters?.filter((p) => p.in === 'query').map((p) => p.name));
      const schema = operation.responses?.['200']?.content?.['application/json']?.schema as
        | { type?: string; properties?: Record<string, unknown> }
        | undefined;
      const paged = names.has('page') || names.has('pageSize');
      if (names.has('offset') || names.has('cursor')) odd.push(`${route}: offset or cursor`);
      if (paged && !(names.has('page') && names.has('pageSize'))) odd.push(`${route}: page without pageSize`);
      // Exports (CSV, XLSX) take the register's query, paging included, and answer the whole file.
      if (paged && schema && !['items', 'total', 'page', 'pageSize'].every((key) => key in (schema?.properties ?? {})))
        odd.push(`${route}: paged, not answering { items, total, page, pageSize }`);
      if (route.startsWith('GET') && schema?.type === 'array') arrays.push(route);
    }
    expect(odd).toEqual([]);
    // Lists answered whole: fixed reference lists, a person's own few, one record's children.
    // A list that grows with use is paged; adding one here needs a reason as good as these.
    expect(arrays.sort()).toEqual(
      [
        'GET /api/bodies', // the UN bodies: a fixed reference list (≈ 60)
        'GET /api/bodies/records', // the same, with their versions, for the admin editing them
        'GET /api/admin/users/{id}/sessions', // where one person is signed in: a few
        'GET /api/countries', // ISO 3166: a fixed reference list
        'GET /api/indicators/{id}/series/periods', // one indicator's periods with values, for a chart's picker
        'GET /api/imports/mappings', // saved column mappings: a handful per installation
        'GET /api/me/sessions', // where I am signed in: a few
        'GET /api/recommendations/{id}/assignments', // one recommendation's entities
        'GET /api/saved-views', // the reader's own saved views of the register
        'GET /api/taxonomies', // the lists of terms (themes, SDGs, …): fixed
        'GET /api/taxonomies/{code}/variants', // groups of one term's spellings, to merge: a few, shrinking
      ].sort(),
    );
  });

  it('gives examples: every paged list its page and pageSize, and the token payloads theirs', () => {
    const lists = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.parameters?.some((parameter) => parameter.name === 'pageSize'))
        .map(([method, operation]) => ({ route: `${method} ${path}`, operation })),
    );
    expect(lists.length).toBeGreaterThan(10);
    const withoutExample = lists
      .filter(({ operation }) => !hasExample(operation.parameters?.find((parameter) => parameter.name === 'pageSize')))
      .map(({ route }) => route);
    expect(withoutExample).toEqual([]);
    expect(hasExample(document.paths['/api/admin/api-tokens']?.post?.requestBody)).toBe(true);
  });
});
