import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import { everything, inScope, type Scope } from '../assignments/scope';

export async function findLinked(db: Executor, id: string, scope: Scope = everything) {
  const rows = await db
    .selectFrom('recommendation_links')
    .select(['a', 'b', 'kind'])
    .where((eb) => eb.or([eb('a', '=', id), eb('b', '=', id)]))
    .execute();
  const others = rows.map((row) => ({ id: row.a === id ? row.b : row.a, kind: row.kind }));
  if (others.length === 0) return [];
  const recs = await db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .select([
      'r.id',
      'r.number',
      'r.body_code',
      'v.symbol',
      sql<string>`coalesce(r.text_en, r.text_fr, r.text_es, r.text_ar, r.text_ru, r.text_zh)`.as('text'),
    ])
    .where(
      'r.id',
      'in',
      others.map((o) => o.id),
    )
    .where(inScope(scope, 'r.id'))
    .execute();
  const byId = new Map(recs.map((rec) => [rec.id, rec]));
  return others.flatMap((other) => {
    const rec = byId.get(other.id);
    return rec ? [{ ...rec, kind: other.kind }] : [];
  });
}

export type LinkedRow = Awaited<ReturnType<typeof findLinked>>[number];

/** Links two recommendations (or changes the kind of their link); true when the link is new. */
export async function insertLink(
  db: Executor,
  a: string,
  b: string,
  kind: 'related' | 'duplicate',
  userId: string | null,
): Promise<boolean> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const row = await db
    .insertInto('recommendation_links')
    .values({ a: first, b: second, kind, created_by: userId })
    .onConflict((oc) => oc.columns(['a', 'b']).doUpdateSet({ kind }))
    // xmax is 0 on a row this statement inserted, not on one it updated.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirst();
  return !!row?.inserted;
}

export async function findLink(db: Executor, a: string, b: string) {
  const [first, second] = a < b ? [a, b] : [b, a];
  return db
    .selectFrom('recommendation_links')
    .select('kind')
    .where('a', '=', first)
    .where('b', '=', second)
    .executeTakeFirst();
}

export async function deleteLink(db: Executor, a: string, b: string): Promise<number> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const result = await db
    .deleteFrom('recommendation_links')
    .where('a', '=', first)
    .where('b', '=', second)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
