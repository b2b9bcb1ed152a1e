import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Expectation, expectations, type Outcome } from './access-matrix.expectations';
import { fill, hasForeign, type Variant } from './access-matrix.fill';
import { buildWorld, type Persona, personas, type World } from './access-matrix.world';

/**
 * The access matrix (issue 14): every route the server registers × every role × entity relation
 * (own entity, another entity, the LRG it delegated to, none) and anonymous callers, on Labour's
 * records and on foreign ones. Reads are sent to every person; writes to anonymous callers and,
 * when the table gives a payload, to every person the table refuses (an allowed write would change
 * the world under the other rows; the modules' own tests cover them).
 * `npm test` runs a sample of persons; `npm run check:security:access` (ACCESS_MATRIX=full) all.
 */
const full = process.env.ACCESS_MATRIX === 'full';
const sample = new Set(['viewer', 'coordinator', 'focal_point/own', 'focal_point/other', 'validator/own']);
const people: (Persona | null)[] = [null, ...personas.filter((p) => full || sample.has(p.name))];

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 180_000);
afterAll(() => world?.test.close());

const key = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

function matches(outcome: Outcome, response: LightMyRequestResponse): boolean {
  if (outcome === 'ok') return response.statusCode >= 200 && response.statusCode < 400;
  return response.statusCode === outcome;
}

function send(persona: Persona | null, method: string, url: string, body?: unknown) {
  const client = persona ? world.clients.get(persona.name) : undefined;
  const pdf = url.includes('/attachments?');
  return world.test.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {}),
      ...(pdf ? { 'content-type': 'application/octet-stream' } : {}),
    },
    ...(body !== undefined ? { payload: body as Buffer } : {}),
  });
}

/**
 * What a person bound to entities must never read, on any route (decision 020): the ids, texts
 * and cluster names outside their scope. Labour and its region: Education's and nobody's; Education: Labour's.
 */
function unreadable(persona: Persona | null): string[] {
  if (!persona || persona.relation === 'none') return [];
  const p = world.params as Record<string, string>;
  const nobodys = [p.nobodysRecommendation, p.textE, p.foreignCluster, p.foreignClusterName];
  if (persona.relation === 'other')
    return [
      ...nobodys,
      p.recommendation,
      p.textA,
      p.action,
      p.cluster,
      p.clusterName,
      p.progressUpdate,
      p.attachment,
    ].map(String);
  return [...nobodys, p.foreignRecommendation, p.textC, p.foreignAction].map(String);
}

function urlOf(route: { url: string }, expectation: Expectation, variant: Variant) {
  const path = fill(route.url, world.params, variant);
  const query = expectation.query?.replace(/\{(\w+)\}/g, (_, name: string) => world.params[name] as string);
  return query ? `${path}?${query}` : path;
}

describe('access matrix', () => {
  it('names every registered route, and only those', () => {
    const registered = new Set(world.routes.filter((r) => r.method !== 'HEAD').map(key));
    const missing = [...registered].filter((route) => !(route in expectations));
    expect(missing, 'routes without an expectation in tests/access-matrix.expectations.ts').toEqual([]);
    expect(Object.keys(expectations).filter((route) => !registered.has(route))).toEqual([]);
    // Each HEAD route is its GET's twin (Fastify adds it), so the GET's row covers it.
    for (const head of world.routes.filter((r) => r.method === 'HEAD'))
      expect(registered.has(`GET ${head.url}`) || head.url === '/api/docs/', head.url).toBe(true);
  });

  it('answers each person as the table says', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    let checked = 0;
    const started = Date.now();
    for (const route of world.routes.filter((r) => r.method !== 'HEAD')) {
      const expectation = expectations[key(route)];
      if (!expectation) continue;
      const reads = route.method === 'GET';
      const variants: Variant[] = hasForeign(route.url) && expectation.foreign ? ['target', 'foreign'] : ['target'];
      for (const variant of variants) {
        const rule = variant === 'foreign' ? (expectation.foreign ?? expectation.rule) : expectation.rule;
        const url = urlOf(route, expectation, variant);
        const body = reads ? undefined : expectation.body?.(world.params);
        const asked = people.filter((persona) => {
          if (reads || persona === null) return true;
          // Writes: only the refusals, and only with a payload the schema accepts.
          return expectation.body !== undefined && rule(persona) !== 'ok';
        });
        const responses = await Promise.all(asked.map((persona) => send(persona, route.method, url, body)));
        asked.forEach((persona, index) => {
          const response = responses[index] as LightMyRequestResponse;
          const outcome = rule(persona);
          checked++;
          // A write is validated before the session is looked at: without a payload the table
          // gives, an anonymous write passes when it is refused (400, 401, 403, 404), never done.
          const refusedAnonymously =
            persona === null &&
            !reads &&
            expectation.body === undefined &&
            [400, 401, 403, 404].includes(response.statusCode);
          const who = `${key(route)} [${variant}] as ${persona?.name ?? 'anonymous'}`;
          if (!matches(outcome, response) && !refusedAnonymously)
            failures.push(`${who}: expected ${outcome}, got ${response.statusCode}`);
          // The portal shows the UN's texts to anyone (decision 032), whatever a person's scope in
          // the app; what it never shows is proved by its own crawl (modules/public/public.test.ts).
          if (reads && response.statusCode < 300 && !url.startsWith('/public/')) {
            const body = response.body;
            for (const secret of unreadable(persona))
              if (secret && body.includes(secret)) failures.push(`${who}: the answer holds "${secret.slice(0, 40)}"`);
          }
        });
      }
    }
    console.info(`access matrix: ${checked} requests in ${Date.now() - started} ms (${full ? 'full' : 'sample'})`);
    expect(failures).toEqual([]);
  });
});
