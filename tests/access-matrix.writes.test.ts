import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectations } from './access-matrix.expectations';
import { buildWorld, type Persona, personas, type World } from './access-matrix.world';
import { writeCases } from './access-matrix.writes.cases';
import {
  changedTables,
  fingerprint,
  freshClient,
  mailSettled,
  type WriteCase,
  type WriteCtx,
  writeCtx,
} from './access-matrix.writes.world';
import type { Client } from './app';

/**
 * The access matrix for writes (issue 14): every write route the server registers (POST, PUT,
 * PATCH, DELETE) × every person (role × entity relation) and anonymous callers, each case on
 * fresh records (`arrange`). An allowed write answers 2xx and is there afterwards: the tables it
 * names changed, and its read-back (`check`) sees it. A refused one answers the table's status
 * (401, 403, 404) and changes nothing: every table of the database hashes the same before and
 * after (`fingerprint`). A write route without a case here fails.
 *
 * `npm test` runs a deterministic sample: per route, anonymous, one of the secretariat, one person
 * bound to an entity and one reader, chosen by the route's position, so that every route is asked
 * by every class of person and, across routes, every persona is used. `npm run
 * check:security:access` (ACCESS_MATRIX=full) asks everyone.
 */
const full = process.env.ACCESS_MATRIX === 'full';
/** While writing a case: only the routes whose key matches this pattern (ACCESS_MATRIX_ONLY='bulk|totp'). */
const only = process.env.ACCESS_MATRIX_ONLY ? new RegExp(process.env.ACCESS_MATRIX_ONLY) : undefined;
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const key = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

let world: World;
let ctx: WriteCtx;
beforeAll(async () => {
  world = await buildWorld();
  ctx = writeCtx(world);
}, 600_000);
afterAll(() => world?.test.close());

const secretariat = personas.filter((p) => p.role === 'admin' || p.role === 'coordinator');
const bound = personas.filter((p) => p.relation !== 'none');
const readers = personas.filter((p) => p.relation === 'none' && !secretariat.includes(p));

/** Who is asked about the route at this position: everyone, or one per class of person. */
function askedAbout(index: number): (Persona | null)[] {
  if (full) return [null, ...personas];
  return [
    null,
    secretariat[index % secretariat.length] as Persona,
    bound[index % bound.length] as Persona,
    readers[index % readers.length] as Persona,
  ];
}

async function send(
  client: Pick<Client, 'cookie' | 'csrfToken'> | undefined,
  method: string,
  url: string,
  body: unknown,
) {
  const file = Buffer.isBuffer(body);
  return world.test.app.inject({
    method: method as 'POST',
    url,
    headers: {
      ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {}),
      ...(file ? { 'content-type': 'application/octet-stream' } : {}),
    },
    ...(body !== undefined ? { payload: body as Buffer } : {}),
  });
}

describe('access matrix for writes', () => {
  it('has a case for every write route the server registers, and for no other', () => {
    const registered = world.routes.filter((r) => writeMethods.has(r.method)).map(key);
    expect(
      registered.filter((route) => !(route in writeCases)),
      'write routes without a case in tests/access-matrix.writes.cases*.ts',
    ).toEqual([]);
    expect(Object.keys(writeCases).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('allows and refuses each write as the table says', { timeout: 1_800_000 }, async () => {
    const failures: string[] = [];
    let allowed = 0;
    let refused = 0;
    const started = Date.now();
    // Where the time goes, printed with the count (the sample must stay quick in `npm test`).
    const spent = { arrange: 0, fingerprint: 0, request: 0 };
    const since = (from: number) => performance.now() - from;
    const routes = world.routes.filter((r) => writeMethods.has(r.method)).map(key);
    for (const [index, route] of routes.entries()) {
      const spec = writeCases[route] as WriteCase | undefined;
      if (!spec || (only && !only.test(route))) continue;
      const rule = spec.rule ?? expectations[route]?.rule;
      if (!rule) {
        failures.push(`${route}: no rule`);
        continue;
      }
      const method = route.split(' ')[0] as string;
      const variants: [string, WriteCase][] = [
        ['', spec],
        ...(spec.foreign ? [[' [foreign]', spec.foreign] as [string, WriteCase]] : []),
      ];
      for (const [label, variant] of variants)
        for (const persona of askedAbout(index)) {
          const who = `${route}${label} as ${persona?.name ?? 'anonymous'}`;
          const spec = variant;
          const rule = variant.rule ?? expectations[route]?.rule;
          if (!rule) continue;
          try {
            let mark = performance.now();
            const client = persona
              ? spec.freshPerson
                ? await freshClient(world, persona)
                : world.clients.get(persona.name)
              : undefined;
            const p = { ...world.params, ...(await spec.arrange?.(ctx, client)) };
            // A case may send another session than the person's (a sign-in waiting for its code).
            const sender = p._cookie ? { cookie: p._cookie, csrfToken: p._csrf ?? '' } : client;
            await mailSettled(ctx.db);
            spent.arrange += since(mark);
            mark = performance.now();
            const before = await fingerprint(ctx.db);
            spent.fingerprint += since(mark);
            mark = performance.now();
            const response = await send(sender, method, spec.url(p), spec.body?.(p));
            await mailSettled(ctx.db);
            spent.request += since(mark);
            mark = performance.now();
            const after = await fingerprint(ctx.db);
            spent.fingerprint += since(mark);
            const changed = changedTables(before, after);
            const outcome = rule(persona);
            if (outcome === 'ok') {
              allowed++;
              if (response.statusCode < 200 || response.statusCode >= 300) {
                failures.push(`${who}: expected 2xx, got ${response.statusCode} ${response.body.slice(0, 200)}`);
                continue;
              }
              const missing = spec.changes.filter((table) => !changed.includes(table));
              if (missing.length > 0)
                failures.push(
                  `${who}: answered ${response.statusCode} but ${missing.join(', ')} did not change (changed: ${changed.join(', ') || 'nothing'})`,
                );
              const problem = await spec.check?.(ctx, p, response, client);
              if (problem) failures.push(`${who}: ${problem}`);
            } else {
              refused++;
              if (response.statusCode !== outcome)
                failures.push(`${who}: expected ${outcome}, got ${response.statusCode} ${response.body.slice(0, 200)}`);
              if (changed.length > 0) failures.push(`${who}: refused, yet ${changed.join(', ')} changed`);
            }
          } catch (error) {
            failures.push(`${who}: ${(error as Error).message.slice(0, 300)}`);
          }
        }
    }
    console.info(
      `access matrix (writes): ${allowed + refused} cases (${allowed} allowed, ${refused} refused) on ${routes.length} routes in ${Date.now() - started} ms (${full ? 'full' : 'sample'}; arrange ${Math.round(spent.arrange)} ms, fingerprints ${Math.round(spent.fingerprint)} ms, requests ${Math.round(spent.request)} ms; load ${loadavg()[0]?.toFixed(1)})`,
    );
    expect(failures).toEqual([]);
  });
});
