import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type FolderLock, lockDataFolder } from './lock';
import type { DB } from './schema';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Closes the pool, then PGlite (which flushes), then releases the folder lock. */
  close(): Promise<void>;
}

// Return bigint counts and numerics as JS numbers where they fit; timestamps stay Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export interface DatabaseOptions {
  /** Told of each connection the server dropped (a restart, a failover, a terminated backend). */
  onConnectionLost?: (error: Error) => void;
}

/**
 * A pool that outlives its connections. node-postgres emits 'error' on the pool for an idle
 * connection the server closes, and on the client itself for one checked out between two queries
 * (a transaction while Node works, pg-boss's maintenance): with no listener either one throws and
 * ends the process. Listened to, the broken client is dropped (the pool does so for idle ones;
 * one checked out is released unqueryable and never reused), the query it ran rejects (a 503, see
 * http/errors.ts) and the next checkout opens a fresh connection once the server answers again.
 */
function resilientPool(config: pg.PoolConfig, options: DatabaseOptions): pg.Pool {
  const pool = new pg.Pool(config);
  const lost = (error: Error) => options.onConnectionLost?.(error);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return pool;
}

/** One way to reach the database: node-postgres, over a server or over PGlite's adapter. */
export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if ('url' in target) {
    const pool = resilientPool(
      {
        connectionString: target.url,
        max: 10,
        // A server that does not answer (a failover in progress) fails the request, not hangs it.
        // This also bounds the wait for a free connection: a request queued longer gets a 503.
        connectionTimeoutMillis: 10_000,
        // Notices a peer gone without a word (a dropped network path) instead of waiting on it.
        keepAlive: true,
      },
      options,
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let lock: FolderLock | undefined;
  if ('dataDir' in target) lock = lockDataFolder(target.dataDir);
  try {
    const pglite = await PGlite.create('dataDir' in target ? `${target.dataDir}/pgdata` : 'memory://', {
      extensions: { unaccent, pg_trgm, btree_gist },
    });
    const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Answers once the database does: the readiness probe. */
export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
