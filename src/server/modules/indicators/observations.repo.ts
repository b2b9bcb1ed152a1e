import { type Insertable, sql, type Updateable } from 'kysely';
import type { ObservationListQuery } from '../../../shared/schemas/indicators';
import type { ObservationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';

const periodStart = sql<string>`to_char(x.period_start, 'YYYY-MM-DD')`.as('period_start');
const periodEnd = sql<string>`to_char(x.period_end, 'YYYY-MM-DD')`.as('period_end');

function withPlace(db: Executor) {
  return db
    .selectFrom('observations as x')
    .leftJoin('entities as p', 'p.id', 'x.place_entity_id')
    .leftJoin('users as u', 'u.id', 'x.entered_by')
    .select([
      'x.id',
      'x.indicator_id',
      'x.place_entity_id',
      periodStart,
      periodEnd,
      'x.value',
      'x.lower_bound',
      'x.upper_bound',
      'x.disaggregation',
      'x.source',
      'x.entered_by',
      'x.version',
      'x.created_at',
      'p.kind as place_kind',
      'p.name as place_name',
      'p.acronym as place_acronym',
      'p.lrg_level as place_lrg_level',
      'u.name as entered_by_name',
    ]);
}

export type ObservationRow = NonNullable<Awaited<ReturnType<typeof findObservation>>>;

export function findObservation(db: Executor, indicatorId: string, id: string) {
  return withPlace(db).where('x.indicator_id', '=', indicatorId).where('x.id', '=', id).executeTakeFirst();
}

/** One page of an indicator's observations, latest period first, for one place or all. */
export async function findObservations(db: Executor, indicatorId: string, query: ObservationListQuery) {
  let base = db.selectFrom('observations as x').where('x.indicator_id', '=', indicatorId);
  if (query.place === 'national') base = base.where('x.place_entity_id', 'is', null);
  else if (query.place) base = base.where('x.place_entity_id', '=', query.place);
  const [rows, count] = await Promise.all([
    withPlace(db)
      .where('x.id', 'in', base.select('x.id'))
      .orderBy('x.period_end', 'desc')
      .orderBy(sql`p.name nulls first`)
      .orderBy(sql`x.disaggregation::text`)
      .orderBy('x.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * Observations of the same indicator, place and disaggregation whose period overlaps
 * [start, end] (both days included), but for `exceptId`: what the exclusion constraint refuses.
 */
export function findOverlapping(
  db: Executor,
  o: {
    indicatorId: string;
    placeId: string | null;
    disaggregation: Record<string, string>;
    start: string;
    end: string;
  },
  exceptId?: string,
) {
  let query = db
    .selectFrom('observations as x')
    .select(['x.id', periodStart, periodEnd])
    .where('x.indicator_id', '=', o.indicatorId)
    .where(sql<boolean>`x.disaggregation = ${JSON.stringify(o.disaggregation)}::jsonb`)
    .where(
      sql<boolean>`daterange(x.period_start, x.period_end, '[]') && daterange(${o.start}::date, ${o.end}::date, '[]')`,
    )
    .limit(5);
  query = o.placeId ? query.where('x.place_entity_id', '=', o.placeId) : query.where('x.place_entity_id', 'is', null);
  if (exceptId) query = query.where('x.id', '<>', exceptId);
  return query.execute();
}

/** Every observation of an indicator, as an import compares the file with them. */
export function findAllObservations(db: Executor, indicatorId: string) {
  return db
    .selectFrom('observations as x')
    .select(['x.id', 'x.place_entity_id', periodStart, periodEnd, 'x.value', 'x.lower_bound', 'x.upper_bound'])
    .select(['x.disaggregation', 'x.source', 'x.version'])
    .where('x.indicator_id', '=', indicatorId)
    .execute();
}

export function insertObservations(db: Executor, rows: Insertable<ObservationsTable>[]) {
  return db.insertInto('observations').values(rows).returning('id').execute();
}

export async function updateObservationAtVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<ObservationsTable>,
): Promise<boolean> {
  const result = await updateAtVersion(db, 'observations', id, version, changes).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteObservationAtVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await deleteAtVersion(db, 'observations', id, version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function lastPeriodEnd(db: Executor, indicatorId: string): Promise<string | null> {
  const row = await db
    .selectFrom('observations')
    .select(sql<string | null>`to_char(max(period_end), 'YYYY-MM-DD')`.as('last'))
    .where('indicator_id', '=', indicatorId)
    .executeTakeFirst();
  return row?.last ?? null;
}

// Series for charts: totals only (no disaggregation), bounded.

/** The latest `limit` periods of the national totals and of the LRGs named, oldest first. */
export function overTime(db: Executor, indicatorId: string, placeIds: string[], limit: number) {
  const inPlaces = (alias: string) => {
    const column = sql.ref(`${alias}.place_entity_id`);
    return placeIds.length
      ? sql<boolean>`(${column} is null or ${column} in (${sql.join(placeIds)}))`
      : sql<boolean>`${column} is null`;
  };
  return db
    .selectFrom('observations as x')
    .select(['x.place_entity_id', periodStart, periodEnd, 'x.value', 'x.lower_bound', 'x.upper_bound'])
    .where('x.indicator_id', '=', indicatorId)
    .where(sql<boolean>`x.disaggregation = '{}'::jsonb`)
    .where(inPlaces('x'))
    .where(
      sql<boolean>`(x.period_start, x.period_end) in (
        select y.period_start, y.period_end from observations y
        where y.indicator_id = ${indicatorId} and y.disaggregation = '{}'::jsonb and ${inPlaces('y')}
        group by y.period_start, y.period_end
        order by y.period_end desc, y.period_start desc limit ${limit})`,
    )
    .orderBy('x.period_end')
    .orderBy('x.period_start')
    .execute();
}

/** The LRGs with the most totals observed, most first: what the chart shows when there is no national value. */
export async function busiestPlaces(db: Executor, indicatorId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('observations')
    .select('place_entity_id')
    .where('indicator_id', '=', indicatorId)
    .where('place_entity_id', 'is not', null)
    .where(sql<boolean>`disaggregation = '{}'::jsonb`)
    .groupBy('place_entity_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('place_entity_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.place_entity_id as string);
}

/** The totals of the LRGs for one period, highest first, at most `limit` (one more tells that there are more). */
export function acrossPlaces(db: Executor, indicatorId: string, start: string, end: string, limit: number) {
  return db
    .selectFrom('observations as x')
    .innerJoin('entities as p', 'p.id', 'x.place_entity_id')
    .select(['p.id', 'p.kind', 'p.name', 'p.acronym', 'p.lrg_level', 'x.value', 'x.lower_bound', 'x.upper_bound'])
    .where('x.indicator_id', '=', indicatorId)
    .where(sql<boolean>`x.disaggregation = '{}'::jsonb`)
    .where('x.period_start', '=', start)
    .where('x.period_end', '=', end)
    .orderBy('x.value', 'desc')
    .orderBy('p.name')
    .limit(limit + 1)
    .execute();
}

/** The periods with LRG totals, latest first, with how many LRGs each has. */
export function placePeriods(db: Executor, indicatorId: string, limit: number) {
  return db
    .selectFrom('observations as x')
    .select([periodStart, periodEnd, sql<number>`count(*)::int`.as('place_count')])
    .where('x.indicator_id', '=', indicatorId)
    .where('x.place_entity_id', 'is not', null)
    .where(sql<boolean>`x.disaggregation = '{}'::jsonb`)
    .groupBy(['x.period_start', 'x.period_end'])
    .orderBy('x.period_end', 'desc')
    .orderBy('x.period_start', 'desc')
    .limit(limit)
    .execute();
}

/** The distinct disaggregations an indicator's observations use, and whether any names an LRG. */
export function usedDisaggregations(db: Executor, indicatorId: string) {
  return db
    .selectFrom('observations as x')
    .select(['x.disaggregation', sql<boolean>`bool_or(x.place_entity_id is not null)`.as('by_place')])
    .where('x.indicator_id', '=', indicatorId)
    .groupBy('x.disaggregation')
    .limit(1000)
    .execute();
}
