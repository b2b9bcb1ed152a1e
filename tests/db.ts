import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/server/db/database';
import { prepareDatabase } from '../src/server/db/prepare';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 * Tests build their own records with the factories, so nothing needs truncating.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ memory: true });
    await prepareDatabase(handle.db);
    return handle;
  }
  const name = `implementa_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => sql`create database ${sql.id(name)}`.execute(admin));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await prepareDatabase(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropWhenClosed(serverUrl, name);
    },
  };
}

/**
 * Drops the test database once the pool's last connection has gone. `with (force)` would kill a
 * connection still closing, and pg then raises that as an uncaught error in the test run.
 */
async function dropWhenClosed(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await withAdmin(serverUrl, (admin) => sql`drop database if exists ${sql.id(name)}`.execute(admin));
      return;
    } catch (error) {
      // 55006: still being accessed; the closing connection is about to go.
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await withAdmin(serverUrl, (admin) => sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin));
}

async function withAdmin(url: string, run: (db: Kysely<unknown>) => Promise<unknown>): Promise<void> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
}
