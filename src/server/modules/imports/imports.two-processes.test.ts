import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';
import { buildApp } from '../../app';
import { type DatabaseHandle, openDatabase } from '../../db/database';

/*
 * Issue 14, "two app processes on one PostgreSQL": the double-apply guard and the apply's progress
 * lived in one process's memory. A second app instance stands for the second process: on
 * PostgreSQL its own pool on the same database (its own connections, as another process has); on
 * PGlite the same handle (one process by design: the data folder is locked). Both instances run
 * in this process, so everything below is also checked in the database row itself.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let a: TestApp;
let b: FastifyInstance;
let bHandle: DatabaseHandle;
let database: string;
let onA: Client;
let onB: Client;

beforeAll(async () => {
  a = await createTestApp();
  database = (await sql<{ name: string }>`select current_database() as name`.execute(a.handle.db)).rows[0]?.name ?? '';
  if (serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    bHandle = await openDatabase({ url: url.toString() });
  } else bHandle = a.handle;
  b = await buildApp({
    deps: { ...a.deps, db: bHandle.db },
    sessionSecret: 'test-secret-test-secret-test-secret-123', // tests/app.ts's: sessions are rows, shared
    defaultLocale: 'en',
    databaseKind: bHandle.kind,
    webDir: '/nonexistent',
    rateLimitAllowList: ['127.0.0.1'],
  });
  onA = await signInNew(a, 'coordinator');
  // The session made on A, used on B: sessions live in the database.
  onB = clientFor(b, onA.cookie, onA.csrfToken, onA.userId);
}, 120_000);
afterAll(async () => {
  await b?.close();
  if (bHandle && bHandle !== a?.handle) await bHandle.close();
  await a?.close();
});

async function upload(path: string): Promise<{ importId: string; counts: { create: number } }> {
  const response = await a.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(path.split('/').pop() ?? path)}`,
    headers: { cookie: onA.cookie, 'x-csrf-token': onA.csrfToken, 'content-type': 'application/octet-stream' },
    payload: readFixture(path),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const stored = (id: string) =>
  a.handle.db
    .selectFrom('imports')
    .select(['status', 'progress_done', 'progress_total'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('two app instances on one database', () => {
  it('the session made on one instance is valid on the other', async () => {
    const response = await onB.request('GET', '/api/session');
    expect(response.statusCode, response.body).toBe(200);
  });

  it('apply the same import at once: exactly one applies, the other gets 409 CONFLICT', async () => {
    const preview = await upload('upr-info/upr-info-sessions-1-5.sample.csv');
    expect(preview.counts.create).toBeGreaterThan(0);
    const responses = await Promise.all([
      onA.request('POST', `/api/imports/${preview.importId}/apply`, {}),
      onB.request('POST', `/api/imports/${preview.importId}/apply`, {}),
    ]);
    expect(responses.map((r) => r.statusCode).sort(), responses.map((r) => r.body).join('\n')).toEqual([200, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe('CONFLICT');
    expect((await stored(preview.importId)).status).toBe('applied');
    const recommendations = await a.handle.db
      .selectFrom('recommendations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Applied once: the preview's creations, no twin of any.
    expect(Number(recommendations.n)).toBe(preview.counts.create);
    // And never again, from either instance.
    expect((await onB.request('POST', `/api/imports/${preview.importId}/apply`, {})).statusCode).toBe(409);
  }, 120_000);

  it('a claim left by a process that died is refused while fresh, and taken again once stale', async () => {
    const preview = await upload('upr-info/upr-info-sessions-6-9.sample.csv');
    // What a process killed mid-apply leaves: the claim, and no transaction holding its lock.
    await sql`update imports set status = 'applying', apply_heartbeat_at = now() where id = ${preview.importId}`.execute(
      a.handle.db,
    );
    const fresh = await onB.request('POST', `/api/imports/${preview.importId}/apply`, {});
    expect(fresh.statusCode).toBe(409);
    await sql`update imports set apply_heartbeat_at = now() - interval '11 minutes' where id = ${preview.importId}`.execute(
      a.handle.db,
    );
    const retried = await onB.request('POST', `/api/imports/${preview.importId}/apply`, {});
    expect(retried.statusCode, retried.body).toBe(200);
    expect((await stored(preview.importId)).status).toBe('applied');
  }, 120_000);

  // PostgreSQL only: on PGlite's single connection nothing else runs while the apply's transaction
  // does, so there is no moment at which another request could read the progress.
  it.skipIf(!serverUrl)(
    'the progress of an apply running on one instance is read from the other',
    async () => {
      const preview = await upload('upr-info/upr-info-sessions-10-13.sample.csv');
      // Hold the apply after its rows are written: the calendar's recomputation waits for this lock.
      const admin = new pg.Client({ connectionString: new URL(`/${database}`, serverUrl).toString() });
      await admin.connect();
      try {
        await admin.query('select pg_advisory_lock(4242018)');
        const applying = onA.request('POST', `/api/imports/${preview.importId}/apply`, {});
        let seen: { status: string; progress: { done: number; total: number } | null } | undefined;
        for (let attempt = 0; attempt < 150; attempt++) {
          const response = await onB.request('GET', `/api/imports/${preview.importId}`);
          expect(response.statusCode, response.body).toBe(200);
          seen = response.json();
          if (seen?.progress && seen.progress.total > 0 && seen.progress.done === seen.progress.total) break;
          await sleep(200);
        }
        expect(seen?.status).toBe('applying');
        expect(seen?.progress?.done).toBeGreaterThan(0);
        expect(seen?.progress?.done).toBe(seen?.progress?.total);
        // In the row, where any process reads it.
        expect(await stored(preview.importId)).toMatchObject({
          status: 'applying',
          progress_done: seen?.progress?.done,
        });
        // Meanwhile the other instance may not apply it, even once the heartbeat looks stale: the
        // apply's transaction, alive, holds the claim's advisory lock.
        expect((await onB.request('POST', `/api/imports/${preview.importId}/apply`, {})).statusCode).toBe(409);
        await admin.query(`update imports set apply_heartbeat_at = now() - interval '11 minutes' where id = $1`, [
          preview.importId,
        ]);
        expect((await onB.request('POST', `/api/imports/${preview.importId}/apply`, {})).statusCode).toBe(409);
        await admin.query('select pg_advisory_unlock(4242018)');
        const done = await applying;
        expect(done.statusCode, done.body).toBe(200);
        const after = (await onB.request('GET', `/api/imports/${preview.importId}`)).json();
        expect(after).toMatchObject({ status: 'applied', progress: null });
      } finally {
        await admin.end();
      }
    },
    120_000,
  );
});
