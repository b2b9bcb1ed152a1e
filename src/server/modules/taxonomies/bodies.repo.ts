import { sql } from 'kysely';
import type { Mechanism } from '../../../shared/schemas/register';
import type { Executor } from '../../http/context';

/** Every body with its names in the six languages and how many reviews it issued. */
export function findBodyRecords(db: Executor) {
  return db
    .selectFrom('bodies as b')
    .select(['b.code', 'b.mechanism', 'b.name', 'b.version'])
    .select(sql<number>`(select count(*) from reviews v where v.body_code = b.code)`.as('reviews'))
    .orderBy('b.sort')
    .orderBy('b.code')
    .execute();
}

export function findBody(db: Executor, code: string) {
  return db.selectFrom('bodies').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A new body goes after the seeded ones (their sort is their place in the seed list). */
export function insertBody(db: Executor, body: { code: string; mechanism: Mechanism; name: string }) {
  return db
    .insertInto('bodies')
    .values({ ...body, sort: sql<number>`(select coalesce(max(sort), 0) + 1 from bodies)` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Renames a body at its version; undefined when the version moved. */
export function updateBodyAtVersion(
  db: Executor,
  code: string,
  version: number,
  patch: { mechanism: Mechanism; name: string },
) {
  return db
    .updateTable('bodies')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('code', '=', code)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function countBodyReviews(db: Executor, code: string): Promise<number> {
  const row = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('body_code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
