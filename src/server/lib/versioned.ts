import {
  type DeleteQueryBuilder,
  type DeleteResult,
  sql,
  type Updateable,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import type { DB } from '../db/schema';
import type { Executor } from '../http/context';

// "Versions" in ARCHITECTURE.md: an edit names the version it was made on, and changes the row
// only if that is still the row's version (else the caller answers 409). One spelling of it.

/** Tables whose rows carry an `id` and a `version`. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof DB];

type IdOf<T extends VersionedTable> = DB[T] extends { id: infer Id }
  ? Id extends { __select__: infer S }
    ? S
    : Id
  : never;

/**
 * `update <table> set …, version = version + 1[, updated_at = now()] where id = ? and version = ?`,
 * for the caller to narrow further (`where status …`) and finish (`returning…`, `executeTakeFirst`).
 * `touch: false` for tables without `updated_at`.
 */
export function updateAtVersion<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: IdOf<T>,
  version: number,
  patch: Updateable<DB[T]>,
  options: { touch?: boolean } = {},
): UpdateQueryBuilder<DB, T, T, UpdateResult> {
  const stamp = options.touch === false ? {} : { updated_at: sql<Date>`now()` };
  // Kysely cannot check a column name against a table that is still a type parameter; the
  // signature above is what keeps callers right.
  const query = db.updateTable(table as 'calls') as unknown as UpdateQueryBuilder<DB, 'calls', 'calls', UpdateResult>;
  return query
    .set({ ...(patch as Updateable<DB['calls']>), version: sql<number>`version + 1`, ...stamp })
    .where('id', '=', id as string)
    .where('version', '=', version) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
}

/** `delete from <table> where id = ? and version = ?`, for the caller to narrow further and finish. */
export function deleteAtVersion<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: IdOf<T>,
  version: number,
): DeleteQueryBuilder<DB, T, DeleteResult> {
  return db
    .deleteFrom(table as 'calls')
    .where('id', '=', id as string)
    .where('version', '=', version) as unknown as DeleteQueryBuilder<DB, T, DeleteResult>;
}
