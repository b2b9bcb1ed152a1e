import { readdir, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Database } from './database';

const migrationsDir = new URL('../../../migrations/', import.meta.url);

/**
 * Applies migrations/*.sql in name order, each in its own transaction, once. Files are
 * append-only: a migration that has run is never edited. An advisory lock keeps two servers
 * starting at once on PostgreSQL from racing.
 */
export async function migrate(db: Database): Promise<string[]> {
  const files = (await readdir(migrationsDir)).filter((name) => name.endsWith('.sql')).sort();
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const name of files) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(4242001)`.execute(trx);
      const done = await trx.selectFrom('schema_migrations').select('name').where('name', '=', name).executeTakeFirst();
      if (done) return;
      const text = await readFile(new URL(name, migrationsDir), 'utf8');
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name }).execute();
      applied.push(name);
    });
  }
  return applied;
}
