import { sql } from 'kysely';
import type { PeersQuery } from '../../../shared/schemas/peers';
import type { Executor } from '../../http/context';
import { progressTable } from '../calls/calls.tracker.repo';

const inProgress = ['in_progress', 'partially_implemented'];

/** LRGs of one level with their calls answered on time and the state of what is assigned to them. */
export async function findPeers(db: Executor, level: number, query: Omit<PeersQuery, 'level'>) {
  const metrics = db
    .selectFrom('entities as e')
    .where('e.kind', '=', 'lrg')
    .where('e.lrg_level', '=', level)
    .select([
      'e.id',
      'e.name',
      sql<number>`(select count(*) from inbox_items i where i.entity_id = e.id and i.kind = 'call')::int`.as(
        'calls_asked',
      ),
      sql<number>`(select count(*) from ${progressTable()} p where p.entity_id = e.id and p.status = 'answered_on_time')::int`.as(
        'calls_on_time',
      ),
      sql<number>`(select count(distinct a.recommendation_id) from assignments a where a.entity_id = e.id)::int`.as(
        'recommendations',
      ),
      sql<number>`(select count(distinct a.recommendation_id) from assignments a join recommendations r on r.id = a.recommendation_id
        where a.entity_id = e.id and r.status in (${sql.join(inProgress)}))::int`.as('in_progress'),
      sql<number>`(select count(distinct a.recommendation_id) from assignments a join recommendations r on r.id = a.recommendation_id
        where a.entity_id = e.id and r.status = 'implemented')::int`.as('implemented'),
    ]);
  const order =
    query.sort === 'name'
      ? sql`m.name, m.id`
      : query.sort === 'progress'
        ? sql`m.implemented + m.in_progress desc, m.recommendations desc, m.name, m.id`
        : sql`case when m.calls_asked = 0 then null else m.calls_on_time::float / m.calls_asked end desc nulls last, m.calls_asked desc, m.name, m.id`;
  const [rows, count] = await Promise.all([
    db
      .selectFrom(metrics.as('m'))
      .selectAll()
      .orderBy(order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom('entities')
      .where('kind', '=', 'lrg')
      .where('lrg_level', '=', level)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
