import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { HubEventsTable } from '../../db/schema';
import type { Executor } from '../../http/context';

// Events and registrations: their only SQL.

function eventsQuery(db: Executor, userId: string | null) {
  return db
    .selectFrom('hub_events as e')
    .leftJoin('hub_members as m', 'm.id', 'e.organiser_member_id')
    .selectAll('e')
    .select([
      'm.name as member_name',
      'm.name_i18n as member_name_i18n',
      (eb) =>
        eb
          .selectFrom('hub_event_registrations as r')
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.status', '=', 'registered')
          .select((inner) => inner.fn.countAll<string>().as('c'))
          .as('registered'),
      (eb) =>
        eb
          .selectFrom('hub_event_registrations as r')
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.status', '=', 'waiting')
          .select((inner) => inner.fn.countAll<string>().as('c'))
          .as('waiting'),
      (eb) =>
        eb
          .selectFrom('hub_event_registrations as r')
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000')
          .select('r.status')
          .as('my_status'),
    ]);
}

/** Events an audience sees: upcoming (ending from now on) or past, by start (past: latest first). */
export async function findEvents(
  db: Executor,
  options: { userId: string | null; publicOnly: boolean; past: boolean; limit: number; offset: number },
) {
  let query = eventsQuery(db, options.userId);
  if (options.publicOnly) query = query.where('e.visibility', '=', 'public');
  query = options.past
    ? query.where('e.ends_at', '<', sql<Date>`now()`)
    : query.where('e.ends_at', '>=', sql<Date>`now()`);
  let count = db.selectFrom('hub_events as e').select((eb) => eb.fn.countAll<string>().as('c'));
  if (options.publicOnly) count = count.where('e.visibility', '=', 'public');
  count = options.past
    ? count.where('e.ends_at', '<', sql<Date>`now()`)
    : count.where('e.ends_at', '>=', sql<Date>`now()`);
  const [items, total] = await Promise.all([
    query
      .orderBy('e.starts_at', options.past ? 'desc' : 'asc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.c) };
}

export function findEvent(db: Executor, id: string, userId: string | null) {
  return eventsQuery(db, userId).where('e.id', '=', id).executeTakeFirst();
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/** Every public event from `since` on, for the iCalendar feed. */
export function findFeedEvents(db: Executor, since: Date) {
  return eventsQuery(db, null)
    .where('e.visibility', '=', 'public')
    .where('e.ends_at', '>=', since)
    .orderBy('e.starts_at')
    .execute();
}

export function insertEvent(db: Executor, values: Insertable<HubEventsTable>) {
  return db.insertInto('hub_events').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateEvent(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Insertable<HubEventsTable>>,
) {
  const result = await db
    .updateTable('hub_events')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Locks the event's row, so that two people taking its last place are served one after the other. */
export function lockEvent(db: Executor, id: string) {
  return db
    .selectFrom('hub_events')
    .select(['id', 'capacity', 'waiting_list', 'status', 'ends_at', 'title_i18n'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function countRegistered(db: Executor, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('hub_event_registrations')
    .select((eb) => eb.fn.countAll<string>().as('c'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.c);
}

export function findRegistration(db: Executor, eventId: string, userId: string) {
  return db
    .selectFrom('hub_event_registrations')
    .select('status')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function upsertRegistration(
  db: Executor,
  eventId: string,
  userId: string,
  status: 'registered' | 'waiting' | 'cancelled',
) {
  await db
    .insertInto('hub_event_registrations')
    .values({ event_id: eventId, user_id: userId, status })
    .onConflict((oc) =>
      // A cancelled place taken again goes to the end of the waiting list: its time is now.
      oc.columns(['event_id', 'user_id']).doUpdateSet({ status, updated_at: sql`now()`, created_at: sql`now()` }),
    )
    .execute();
}

/** The first on the waiting list (who waited longest), with their account's details. */
export function firstWaiting(db: Executor, eventId: string) {
  return db
    .selectFrom('hub_event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'waiting')
    .orderBy('r.created_at')
    .limit(1)
    .executeTakeFirst();
}
