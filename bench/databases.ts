import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { type Database, openDatabase } from '../src/server/db/database';
import { prepareDatabase } from '../src/server/db/prepare';
import type { DB } from '../src/server/db/schema';

export type BenchKind = 'postgres' | 'pglite';

/** A fresh, prepared database for one benchmark run, with a raw COPY path beside Kysely. */
export interface BenchDatabase {
  kind: BenchKind;
  db: Database;
  /** Runs `copy <table> (<columns>) from …` with `data` in COPY text format; resolves when loaded. */
  copyIn(table: string, columns: readonly string[], data: string): Promise<void>;
  /** the PostgreSQL database's name (kept by `close(true)`), or 'memory' */
  name: string;
  close(keep?: boolean): Promise<void>;
}

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * PostgreSQL: a new database `implementa_bench_<random>` on the server, opened with the app's
 * `openDatabase({ url })`, dropped on close. COPY goes through pg-copy-streams on its own client.
 */
async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `implementa_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => sql`create database ${sql.id(name)}`.execute(admin));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await prepareDatabase(handle.db);
  return {
    kind: 'postgres',
    db: handle.db,
    copyIn: async (table, columns, data) => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const stream = client.query(copyFromStdin(`copy ${table} (${columns.join(', ')}) from stdin`));
        await pipeline(Readable.from(chunks(data)), stream);
      } finally {
        await client.end();
      }
    },
    name,
    close: async (keep = false) => {
      await handle.close();
      if (!keep) await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * PGlite in memory, built exactly as `openDatabase({ memory: true })` builds it (same extensions,
 * same node-postgres adapter and pool), but keeping the PGlite handle: COPY FROM STDIN through
 * the adapter aborts the WASM backend (exit(1)), so COPY uses PGlite's `/dev/blob` instead.
 */
async function openPglite(): Promise<BenchDatabase> {
  const pglite = await PGlite.create('memory://', { extensions: { unaccent, pg_trgm, btree_gist } });
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await prepareDatabase(db);
  return {
    kind: 'pglite',
    db,
    copyIn: async (table, columns, data) => {
      // One statement at a time: wait for anything the pool is running.
      await sql`select 1`.execute(db);
      await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([data]) });
    },
    name: 'memory',
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function openBenchDatabase(kind: BenchKind, serverUrl = defaultServerUrl): Promise<BenchDatabase> {
  return kind === 'postgres' ? openPostgres(serverUrl) : openPglite();
}

/**
 * Drops the bench database once the pool's connections are gone: forcing it while a closing
 * client is still connected makes that client emit an unhandled error.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const open = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(admin);
      if (open.rows[0]?.n === 0) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
  });
}

function* chunks(data: string, size = 1 << 20) {
  for (let start = 0; start < data.length; start += size) yield Buffer.from(data.slice(start, start + size));
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

/** One value in COPY text format (`\N` for null; arrays as `{…}`; objects as JSON). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return escapeCopy(`{${value.map(arrayItem).join(',')}}`);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return escapeCopy(JSON.stringify(value));
  return escapeCopy(String(value));
}

function arrayItem(item: unknown): string {
  if (item === null) return 'NULL';
  const text = String(item);
  return /^[A-Za-z0-9._-]+$/.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}

function escapeCopy(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Rows → COPY text format for the given columns. */
export function copyText(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(columns.map((column) => copyValue(row[column])).join('\t'));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
