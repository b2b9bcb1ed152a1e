import { type RawBuilder, sql } from 'kysely';
import type { TrendInterval } from '../../../shared/schemas/dashboards';
import type { Executor } from '../../http/context';

export interface TrendCell {
  /** first day of the period, YYYY-MM-DD */
  period: string;
  status: string;
  count: number;
}

/**
 * Recommendations per status at the end of each period from `first` to `last` (first days of
 * months or quarters, UTC), from the current statuses and the status history.
 *
 * A recommendation counts from its creation. Walking back from its current status, each change
 * after a period's end is undone (its status out, its previous status back in); a change whose
 * previous status is null is the recommendation's first status (as the importer records it), so
 * before it the recommendation is not counted. Written as a difference array: every
 * recommendation adds its current status at the period it was created in, and every change adds
 * "previous in, new out" over the periods from that creation up to the change's own period, where
 * the reverse delta cancels it. A running sum per status then gives each period's counts. One
 * pass over the filtered recommendations and over the changes since `first` (earlier changes
 * cancel out before the range and are not read).
 */
export async function countStatusesOverTime(
  db: Executor,
  where: RawBuilder<boolean>,
  interval: TrendInterval,
  first: string,
  last: string,
): Promise<TrendCell[]> {
  const unit = sql.lit(interval);
  const step = sql.lit(interval === 'month' ? '1 month' : '3 months');
  const start = sql`${first}::timestamp`;
  const end = sql`${last}::timestamp`;
  const bucket = (column: RawBuilder<unknown>) => sql`date_trunc(${unit}, ${column} at time zone 'UTC')`;
  const { rows } = await sql<TrendCell>`
    with f as (
      select r.id, r.status, greatest(${bucket(sql.ref('r.created_at'))}, ${start}) as cb
      from recommendations r where ${where}
    ),
    h as (
      select f.cb, greatest(${bucket(sql.ref('h.changed_at'))}, f.cb) as hb, h.status, h.previous_status
      from recommendation_status_history h join f on f.id = h.recommendation_id
      where h.changed_at >= (${start} at time zone 'UTC')
    ),
    d as (
      select cb as b, status, 1 as n from f
      union all select cb, status, -1 from h where hb > cb
      union all select cb, previous_status, 1 from h where hb > cb and previous_status is not null
      union all select hb, status, 1 from h where hb > cb
      union all select hb, previous_status, -1 from h where hb > cb and previous_status is not null
    ),
    agg as (select b, status, sum(n)::int as n from d where b <= ${end} group by b, status),
    p as (select generate_series(${start}, ${end}, ${step}::interval) as b),
    s as (select distinct status from agg)
    select to_char(p.b, 'YYYY-MM-DD') as period, s.status,
      (sum(coalesce(agg.n, 0)) over (partition by s.status order by p.b))::int as count
    from p cross join s left join agg on agg.b = p.b and agg.status = s.status
    order by s.status, p.b`.execute(db);
  return rows;
}
