import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { lockDataFolder } from './lock';

/**
 * Backup and restore (`npm run backup` / `npm run restore`). PostgreSQL: pg_dump's custom format
 * and pg_restore, Debian's postgresql-client of the server's major version. PGlite: its own data
 * folder as a gzipped tar (`dumpDataDir`, loaded back with `loadDataDir`), taken under the folder
 * lock, so a running app refuses the backup instead of it copying a folder mid-write.
 * Evidence files (DATA_DIR/files or S3) are not in the database: copy them alongside.
 */
export class BackupError extends Error {
  override name = 'BackupError';
}

const extensions = { unaccent, pg_trgm, btree_gist };
const pgdata = (dataDir: string) => join(dataDir, 'pgdata');

export async function backupPglite(dataDir: string, out: string): Promise<void> {
  if (!existsSync(join(pgdata(dataDir), 'PG_VERSION'))) throw new BackupError(`No database in ${pgdata(dataDir)}`);
  const lock = lockDataFolder(dataDir);
  try {
    const pglite = await PGlite.create(pgdata(dataDir), { extensions });
    try {
      const dump = await pglite.dumpDataDir('gzip');
      writeFileSync(out, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

export async function restorePglite(from: string, dataDir: string, force: boolean): Promise<void> {
  const lock = lockDataFolder(dataDir);
  try {
    const target = pgdata(dataDir);
    if (existsSync(target) && readdirSync(target).length > 0) {
      if (!force) throw new BackupError(`${target} holds a database: restore over it only with --force`);
      rmSync(target, { recursive: true, force: true });
    }
    const pglite = await PGlite.create(target, {
      extensions,
      loadDataDir: new Blob([readFileSync(from)], { type: 'application/x-gzip' }),
    });
    await pglite.close();
  } finally {
    lock.release();
  }
}

export function backupPostgres(url: string, out: string): void {
  run('pg_dump', ['--format=custom', '--no-owner', '--file', out, '--dbname', url]);
}

export async function restorePostgres(url: string, from: string, force: boolean): Promise<void> {
  const tables = await countUserTables(url);
  if (tables > 0 && !force)
    throw new BackupError(`The database holds ${tables} tables: restore over it only with --force`);
  const clean = tables > 0 ? ['--clean', '--if-exists'] : [];
  run('pg_restore', [...clean, '--no-owner', '--exit-on-error', '--single-transaction', '--dbname', url, from]);
}

async function countUserTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      "select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error)
    throw new BackupError(
      `${command}: ${result.error.message} (apt-get install postgresql-client, same major as the server)`,
    );
  if (result.status !== 0) throw new BackupError(`${command} failed: ${result.stderr.trim()}`);
}

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/** Row count and an md5 of every row's text, in order, for each table: what a round trip must keep. */
export async function tableChecksums(db: Database): Promise<TableChecksum[]> {
  const tables = await sql<{ schema: string; name: string }>`
    select schemaname as schema, tablename as name from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`.execute(db);
  const sums: TableChecksum[] = [];
  for (const { schema, name } of tables.rows) {
    const result = await sql<{ rows: number; md5: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5
      from ${sql.table(`${schema}.${name}`)} t`.execute(db);
    const row = result.rows[0];
    sums.push({ table: `${schema}.${name}`, rows: row?.rows ?? 0, md5: row?.md5 ?? '' });
  }
  return sums;
}
