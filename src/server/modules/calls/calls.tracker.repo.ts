import { type RawBuilder, sql } from 'kysely';
import type { AnswerStatus, TrackerQuery } from '../../../shared/schemas/calls';
import type { Executor } from '../../http/context';
import { escapeLike } from '../../lib/like';
import { focalPointCount } from './calls.columns.repo';

// Progress: where each entity stands on each call in its inbox.

/**
 * Where each entity stands on each call in its inbox: how many of the call's recommendations are
 * assigned to it (its items; they follow the assignments), how many it has submitted or drafted,
 * and its status. On time means every item submitted before the end of the deadline day (UTC).
 */
export function progressTable(): RawBuilder<ProgressColumns> {
  return sql<ProgressColumns>`(
    select i.call_id, i.entity_id, i.created_at as received_at, c.deadline,
      n.item_count, n.submitted_count, n.draft_count, n.last_submitted_at,
      case
        when n.item_count > 0 and n.submitted_count = n.item_count then
          case when n.last_submitted_at < (c.deadline + 1)::timestamp at time zone 'UTC'
            then 'answered_on_time' else 'answered_late' end
        when now() >= (c.deadline + 1)::timestamp at time zone 'UTC' then 'late'
        when n.submitted_count + n.draft_count > 0 then 'draft'
        else 'not_started'
      end as status
    from inbox_items i
    join calls c on c.id = i.call_id
    cross join lateral (
      select count(*)::int as item_count,
        (count(*) filter (where pu.status in ('submitted', 'endorsed', 'validated')))::int as submitted_count,
        (count(*) filter (where pu.status in ('draft', 'returned')))::int as draft_count,
        max(pu.submitted_at) as last_submitted_at
      from call_recommendations cr
      join assignments a on a.recommendation_id = cr.recommendation_id and a.entity_id = i.entity_id
      left join progress_updates pu
        on pu.call_id = cr.call_id and pu.entity_id = i.entity_id and pu.recommendation_id = cr.recommendation_id
      where cr.call_id = i.call_id
    ) n
    where i.kind = 'call'
  )`;
}

export interface ProgressColumns {
  call_id: string;
  entity_id: string;
  received_at: Date;
  item_count: number;
  submitted_count: number;
  draft_count: number;
  last_submitted_at: Date | null;
  status: AnswerStatus;
}

export function progress(db: Executor) {
  return db.selectFrom(progressTable().as('p'));
}

/** One entity's standing on a call; undefined when the call is not in its inbox. */
export function findProgress(db: Executor, callId: string, entityId: string) {
  return progress(db)
    .selectAll('p')
    .where('p.call_id', '=', callId)
    .where('p.entity_id', '=', entityId)
    .executeTakeFirst();
}

/** The entities of a sent call that have not answered yet (the reminders' recipients). */
export async function unansweredEntityIds(db: Executor, callId: string): Promise<string[]> {
  const rows = await progress(db)
    .select('p.entity_id')
    .where('p.call_id', '=', callId)
    .where('p.status', 'not in', ['answered_on_time', 'answered_late'])
    .execute();
  return rows.map((row) => row.entity_id);
}

/** Each entity's standing on a sent call, paged, late ones first, with the counts by status. */
export async function findTracker(db: Executor, callId: string, query: TrackerQuery) {
  let base = progress(db).innerJoin('entities as e', 'e.id', 'p.entity_id').where('p.call_id', '=', callId);
  const all = base;
  if (query.status) base = base.where('p.status', '=', query.status);
  if (query.q) base = base.where('e.name', 'ilike', `%${escapeLike(query.q)}%`);
  const [rows, count, byStatus] = await Promise.all([
    base
      .select([
        'p.entity_id',
        'p.status',
        'p.item_count',
        'p.submitted_count',
        'p.draft_count',
        'p.last_submitted_at',
        'e.kind',
        'e.name',
        'e.acronym',
        'e.lrg_level',
        focalPointCount.as('focal_point_count'),
      ])
      .orderBy(
        sql`array_position(array['late', 'not_started', 'draft', 'answered_late', 'answered_on_time'], p.status)`,
      )
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    all
      .select(['p.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('p.status')
      .execute(),
  ]);
  return { rows, total: Number(count.total), byStatus };
}

/** Counts of a call's entities by status. */
export function countByStatus(db: Executor, callId: string) {
  return progress(db)
    .select(['p.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.call_id', '=', callId)
    .groupBy('p.status')
    .execute();
}
