import { sql } from 'kysely';
import type { Executor } from '../../http/context';

function reviewsQuery(db: Executor) {
  return db
    .selectFrom('reviews as v')
    .innerJoin('bodies as b', 'b.code', 'v.body_code')
    .selectAll('v')
    .select(['b.name as body_name', 'b.mechanism'])
    .select(
      sql<Record<string, number>>`(
        select coalesce(jsonb_object_agg(s.status, s.n), '{}'::jsonb)
        from (select r.status, count(*)::int as n from recommendations r where r.review_id = v.id group by r.status) s
      )`.as('status_counts'),
    );
}

export async function findReviews(db: Executor, query: { body?: string; page: number; pageSize: number }) {
  let base = db.selectFrom('reviews as v');
  if (query.body) base = base.where('v.body_code', '=', query.body);
  let list = reviewsQuery(db);
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

export function findReview(db: Executor, id: string) {
  return reviewsQuery(db).where('v.id', '=', id).executeTakeFirst();
}
