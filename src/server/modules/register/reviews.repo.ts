import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import { inScope, type Scope } from '../assignments/scope';

/** Reviews with their recommendations counted by status, within the reader's scope (decision 020). */
function reviewsQuery(db: Executor, scope: Scope) {
  return db
    .selectFrom('reviews as v')
    .innerJoin('bodies as b', 'b.code', 'v.body_code')
    .selectAll('v')
    .select(['b.name as body_name', 'b.mechanism'])
    .select(
      sql<Record<string, number>>`(
        select coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb)
        from (select r.status, count(*)::int as n from recommendations r where r.review_id = v.id and ${inScope(scope, 'r.id')} group by r.status) s
      )`.as('status_counts'),
    );
}

export async function findReviews(
  db: Executor,
  query: { body?: string; page: number; pageSize: number },
  scope: Scope,
) {
  let base = db.selectFrom('reviews as v');
  if (query.body) base = base.where('v.body_code', '=', query.body);
  let list = reviewsQuery(db, scope);
  if (query.body) list = list.where('v.body_code', '=', query.body);
  const [rows, count] = await Promise.all([
    list
      .orderBy('v.review_date', (ob) => ob.desc().nullsLast())
      .orderBy('v.symbol')
      .orderBy('v.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findReview(db: Executor, id: string, scope: Scope) {
  return reviewsQuery(db, scope).where('v.id', '=', id).executeTakeFirst();
}
