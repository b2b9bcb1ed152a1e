import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../tests/app';
import { applyFixture } from '../../../tests/fixture-imports';

const serverUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/*
 * Issue 14, part 1: pg_terminate_backend on the app's connections used to end the process
 * (`Unhandled 'error' event` on the pool, 57P01). PostgreSQL only: PGlite runs in the process and
 * has no backends another connection could terminate.
 */
describe.skipIf(!serverUrl)('a terminated backend (PostgreSQL only: PGlite has no backends to terminate)', () => {
  let test: TestApp;
  let coordinator: Client;
  let admin: pg.Client;
  let database: string;
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    test = await createTestApp();
    await applyFixture(test.handle, 'upr-info/upr-info-sessions-1-5.sample.csv');
    coordinator = await signInNew(test, 'coordinator');
    const row = await sql<{ name: string }>`select current_database() as name`.execute(test.handle.db);
    database = row.rows[0]?.name ?? '';
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    process.on('uncaughtException', record);
  }, 120_000);
  afterAll(async () => {
    process.off('uncaughtException', record);
    await admin?.end();
    await test?.close();
  });

  /** Every connection of the app's database but the admin's own, ended as a failover would. */
  async function terminateBackends(): Promise<number> {
    const result = await admin.query(
      'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return Number(result.rows[0]?.n ?? 0);
  }

  it('the process lives, requests meanwhile succeed or answer 503 DATABASE_UNAVAILABLE, and it recovers alone', async () => {
    const statuses = new Map<number, number>();
    let terminated = 0;
    for (let round = 0; round < 3; round++) {
      // A transaction holding its connection idle between two statements: the client is checked
      // out when the server ends it (the case that threw on the client, not the pool).
      const idleInTransaction = test.handle.db
        .transaction()
        .execute(async (trx) => {
          await sql`select 1`.execute(trx);
          await sleep(400);
          await sql`select 1`.execute(trx);
        })
        .then(
          () => 'committed',
          (error: Error) => error.message,
        );
      const requests = Array.from({ length: 20 }, async (_, n) =>
        n % 4 === 0
          ? { ready: true, response: await test.app.inject({ method: 'GET', url: '/ready' }) }
          : {
              ready: false,
              response: await coordinator.request('GET', `/api/recommendations?page=${(n % 3) + 1}&q=education`),
            },
      );
      await sleep(100);
      terminated += await terminateBackends();
      for (const { ready, response } of await Promise.all(requests)) {
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode === 503 && !ready) {
          expect(response.json().error.code).toBe('DATABASE_UNAVAILABLE');
          expect(response.headers['retry-after']).toBe('5');
        }
      }
      // Ended by the server mid-transaction: rejected, never committed.
      expect(await idleInTransaction).not.toBe('committed');
      await sleep(200);
    }
    expect(terminated).toBeGreaterThanOrEqual(3);
    expect(
      [...statuses.keys()].every((status) => status === 200 || status === 503),
      JSON.stringify([...statuses]),
    ).toBe(true);

    // Ready again without a restart: the pool opens fresh connections.
    let ready = 0;
    for (let attempt = 0; attempt < 50 && ready !== 200; attempt++) {
      ready = (await test.app.inject({ method: 'GET', url: '/ready' })).statusCode;
      if (ready !== 200) await sleep(200);
    }
    expect(ready).toBe(200);
    for (let n = 0; n < 10; n++) {
      const response = await coordinator.request('GET', '/api/recommendations?q=education');
      expect(response.statusCode, response.body).toBe(200);
    }
    // Writes too.
    const write = await coordinator.request('POST', '/api/saved-views', {
      name: 'After the failover',
      query: { q: 'education' },
    });
    expect([200, 201]).toContain(write.statusCode);
    expect(uncaught).toEqual([]);
  }, 120_000);
});
