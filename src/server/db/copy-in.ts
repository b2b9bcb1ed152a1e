import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from '../http/context';

const copyCapable = new WeakMap<object, Promise<boolean>>();

/**
 * Whether `db` may run COPY FROM STDIN: a PostgreSQL server may, PGlite may not (COPY through its
 * node-postgres adapter aborts the WASM backend). Asked once per database object.
 */
export function supportsCopy(db: Executor): Promise<boolean> {
  let known = copyCapable.get(db);
  if (!known) {
    known = sql<{ v: string }>`select version() as v`
      .execute(db)
      .then((result) => !/PGlite/i.test(result.rows[0]?.v ?? ''));
    copyCapable.set(db, known);
    known.catch(() => copyCapable.delete(db)); // asked again next time
  }
  return known;
}

/**
 * Runs `copy … from stdin` on the connection of `trx` (inside its transaction), streaming `chunks`
 * in COPY text format. Kysely has no COPY, but its pg driver hands the compiled `sql` to
 * `client.query()`, which runs any object with a `submit()` method (pg's Submittable) in turn
 * with the connection's other queries: the pg-copy-streams query goes in as that `sql`. The call
 * returns at once; the copy ends when the stream has been written and the server has loaded it.
 * Chunks are produced while the server works on the previous ones, so Node and PostgreSQL overlap.
 */
export async function copyIn(trx: Executor, statement: string, chunks: Iterable<string> | AsyncIterable<string>) {
  const stream = copyFrom(statement);
  const loaded = pipeline(Readable.from(chunks), stream);
  try {
    await trx.executeQuery(CompiledQuery.raw(stream as unknown as string));
  } catch (error) {
    // Not submitted: end the stream so that the pipeline settles, then report the real error.
    stream.destroy(error as Error);
    await loaded.catch(() => undefined);
    throw error;
  }
  await loaded;
}
