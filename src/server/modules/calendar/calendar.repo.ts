import { type Insertable, sql, type Updateable } from 'kysely';
import type { CalendarQuery, CalendarStatus } from '../../../shared/schemas/calendar';
import type { CalendarEventsTable, LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';
import { slicesFor } from '../../lib/batches';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';
import type { ComputedEvent, ReviewFacts, UprCycleDates } from './calendar.rules';

// Dates leave the database as ISO text: a calendar day, never shifted by a time zone.
const startsOn = sql<string>`to_char(ev.starts_on, 'YYYY-MM-DD')`;
const endsOn = sql<string | null>`to_char(ev.ends_on, 'YYYY-MM-DD')`;

export interface EventRow {
  id: string;
  kind: string;
  title: string | null;
  starts_on: string;
  ends_on: string | null;
  body_code: string | null;
  body_name: LocalizedText | null;
  review_id: string | null;
  review_symbol: string | null;
  status: string | null;
  source: 'computed' | 'manual';
  estimated: boolean;
  overridden: boolean;
  notes: string | null;
  version: number;
}

function selectEvents(db: Executor) {
  return db
    .selectFrom('calendar_events as ev')
    .leftJoin('bodies as b', 'b.code', 'ev.body_code')
    .leftJoin('reviews as rv', 'rv.id', 'ev.review_id')
    .select([
      'ev.id',
      'ev.kind',
      'ev.title',
      startsOn.as('starts_on'),
      endsOn.as('ends_on'),
      'ev.body_code',
      sql<LocalizedText | null>`b.name`.as('body_name'),
      'ev.review_id',
      'rv.symbol as review_symbol',
      'ev.status',
      'ev.source',
      'ev.estimated',
      'ev.overridden',
      'ev.notes',
      'ev.version',
    ]);
}

/** Events overlapping from..to (both days included), filtered, earliest first, one page. */
export async function findEvents(db: Executor, query: CalendarQuery): Promise<{ rows: EventRow[]; total: number }> {
  let base = db
    .selectFrom('calendar_events as ev')
    .where('ev.starts_on', '<=', sql<Date>`${query.to}::date`)
    .where(sql<boolean>`coalesce(ev.ends_on, ev.starts_on) >= ${query.from}::date`);
  if (query.kind) base = base.where('ev.kind', '=', query.kind);
  if (query.body) base = base.where('ev.body_code', '=', query.body);
  if (query.status) base = base.where('ev.status', '=', query.status);
  const ids = base.select('ev.id');
  const [rows, count] = await Promise.all([
    selectEvents(db)
      .where('ev.id', 'in', ids)
      .orderBy('ev.starts_on')
      .orderBy('ev.kind')
      .orderBy('ev.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as EventRow[], total: Number(count.n) };
}

/** The events a feed lists: from `from` on, earliest first. */
export async function findEventsFrom(db: Executor, from: string): Promise<EventRow[]> {
  const rows = await selectEvents(db)
    .where(sql<boolean>`coalesce(ev.ends_on, ev.starts_on) >= ${from}::date`)
    .orderBy('ev.starts_on')
    .orderBy('ev.id')
    .execute();
  return rows as EventRow[];
}

export async function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  return (await selectEvents(db).where('ev.id', '=', id).executeTakeFirst()) as EventRow | undefined;
}

export async function lockEvent(db: Executor, id: string) {
  return db
    .selectFrom('calendar_events')
    .select(['id', 'source', 'overridden', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertEvent(db: Executor, row: Insertable<CalendarEventsTable>): Promise<string> {
  const inserted = await db.insertInto('calendar_events').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Changes an event if it is still at `version`; false when someone changed it first. */
export async function updateEventAtVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<CalendarEventsTable>,
): Promise<boolean> {
  const result = await updateAtVersion(db, 'calendar_events', id, version, changes).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEventAtVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await deleteAtVersion(db, 'calendar_events', id, version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function bodyExists(db: Executor, code: string): Promise<boolean> {
  return Boolean(await db.selectFrom('bodies').select('code').where('code', '=', code).executeTakeFirst());
}

// The computation.

/** One computation at a time: an import and a person's "recompute" would race on the keys. */
export async function lockComputation(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(4242018)`.execute(db);
}

/**
 * The reviews whose due dates are the State's obligations: those of the installation's State
 * (`state_profile.country_iso2`) and those that name no State (a thematic list of the State's own
 * review). Another State's concluding observations, imported for reference, set it no deadline.
 * An installation with no State profile yet (before setup) has nothing to compare with: every
 * review counts.
 */
export async function findReviewFacts(db: Executor): Promise<ReviewFacts[]> {
  const rows = await db
    .selectFrom('reviews as rv')
    .innerJoin('bodies as b', 'b.code', 'rv.body_code')
    .select([
      'rv.id',
      'rv.body_code',
      'b.mechanism',
      'rv.country_iso2',
      'rv.cycle',
      sql<string | null>`to_char(rv.review_date, 'YYYY-MM-DD')`.as('review_date'),
      sql<string | null>`to_char(rv.follow_up_due, 'YYYY-MM-DD')`.as('follow_up_due'),
      'rv.follow_up_months',
    ])
    .where('b.mechanism', 'in', ['upr', 'treaty_body'])
    .where(
      sql<boolean>`rv.country_iso2 is null
        or not exists (select 1 from state_profile)
        or rv.country_iso2 = (select country_iso2 from state_profile where id = 1)`,
    )
    .execute();
  return rows.map((row) => ({
    id: row.id,
    bodyCode: row.body_code,
    mechanism: row.mechanism,
    countryIso2: row.country_iso2,
    cycle: row.cycle === null ? null : Number(row.cycle),
    reviewDate: row.review_date,
    followUpDue: row.follow_up_due,
    followUpMonths: row.follow_up_months === null ? null : Number(row.follow_up_months),
  }));
}

export async function findUprCycles(db: Executor): Promise<UprCycleDates[]> {
  return db
    .selectFrom('upr_cycles')
    .select([
      'cycle',
      sql<string>`to_char(starts, 'YYYY-MM-DD')`.as('starts'),
      sql<string>`to_char(ends, 'YYYY-MM-DD')`.as('ends'),
    ])
    .execute();
}

export async function findComputedEvents(db: Executor) {
  return db
    .selectFrom('calendar_events as ev')
    .select([
      'ev.id',
      'ev.computed_key',
      'ev.kind',
      startsOn.as('starts_on'),
      'ev.body_code',
      'ev.review_id',
      'ev.estimated',
      'ev.overridden',
      'ev.status',
    ])
    .where('ev.source', '=', 'computed')
    .execute();
}

export async function insertComputed(db: Executor, events: (ComputedEvent & { status: CalendarStatus | null })[]) {
  for (const slice of slicesFor(events, 8))
    await db
      .insertInto('calendar_events')
      .values(
        slice.map((event) => ({
          kind: event.kind,
          starts_on: event.startsOn,
          body_code: event.bodyCode,
          review_id: event.reviewId,
          status: event.status,
          source: 'computed' as const,
          computed_key: event.key,
          estimated: event.estimated,
        })),
      )
      .execute();
}

export async function updateComputed(
  db: Executor,
  id: string,
  changes: { starts_on?: string; estimated?: boolean; body_code?: string; review_id?: string; status?: CalendarStatus },
): Promise<void> {
  await db
    .updateTable('calendar_events')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteEvents(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  // One array parameter, however many events a recomputation drops.
  await db.deleteFrom('calendar_events').where('id', '=', sql<string>`any(${ids}::uuid[])`).execute();
}
