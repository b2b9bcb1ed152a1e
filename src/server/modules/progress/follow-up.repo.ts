import { sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { FollowUpQuery } from '../../../shared/schemas/progress';
import type { Executor } from '../../http/context';
import { localizedText } from '../../lib/language';
import { inScope, type Scope } from '../assignments/scope';

/** Treaty body recommendations picked for follow-up, nearest deadline first, filtered and paged in SQL. */
export async function findFollowUps(
  db: Executor,
  scope: Scope,
  query: FollowUpQuery & { id?: string },
  locale: Locale,
) {
  let base = db
    .selectFrom('recommendations as r')
    .leftJoin('reviews as v', 'v.id', 'r.review_id')
    .where('r.follow_up', '=', true)
    .where(inScope(scope, 'r.id'));
  if (query.bodyCode) base = base.where('r.body_code', '=', query.bodyCode);
  if (query.reviewId) base = base.where('r.review_id', '=', query.reviewId);
  if (query.ungraded) base = base.where('r.follow_up_grade', 'is', null);
  if (query.id) base = base.where('r.id', '=', query.id);
  const [rows, count] = await Promise.all([
    base
      .select([
        'r.id',
        'r.number',
        'r.body_code',
        'r.review_id',
        'v.symbol as review_symbol',
        'r.status',
        'r.follow_up_due',
        'r.follow_up_grade',
        'r.follow_up_graded_at',
        'r.follow_up_grade_document',
        'r.version',
        sql<boolean>`r.follow_up_due is not null and r.follow_up_due < current_date and r.follow_up_grade is null`.as(
          'overdue',
        ),
        ...localizedText(locale),
      ])
      .orderBy(sql`r.follow_up_due asc nulls last`)
      .orderBy('r.number_sort')
      .orderBy('r.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findFollowUp(db: Executor, id: string) {
  return db
    .selectFrom('recommendations')
    .select([
      'id',
      'status',
      'follow_up',
      'follow_up_grade',
      'follow_up_graded_at',
      'follow_up_grade_document',
      'version',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
