import { sql } from 'kysely';
import type { Role } from '../../../shared/schemas/identity';
import type { Executor } from '../../http/context';
import type { EventRow } from './calendar.repo';

const asDate = (day: string) => sql<Date>`${day}::date`;

// The daily reminder run: which day is scheduled, which events are coming up, what was sent.

/** Claims a day's run; false when it was scheduled already. */
export async function claimRun(db: Executor, day: string): Promise<boolean> {
  const row = await db
    .insertInto('calendar_reminder_runs')
    .values({ day })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .executeTakeFirst();
  return Boolean(row);
}

export async function setRunJob(db: Executor, day: string, jobId: string): Promise<void> {
  await db.updateTable('calendar_reminder_runs').set({ job_id: jobId }).where('day', '=', asDate(day)).execute();
}

export async function finishRun(db: Executor, day: string, eventCount: number, mailCount: number): Promise<void> {
  await db
    .updateTable('calendar_reminder_runs')
    .set({ status: 'done', event_count: eventCount, mail_count: mailCount, done_at: sql`now()` })
    .where('day', '=', asDate(day))
    .execute();
}

export function findRun(db: Executor, day: string) {
  return db
    .selectFrom('calendar_reminder_runs')
    .select(['status', 'event_count', 'mail_count', 'job_id'])
    .where('day', '=', asDate(day))
    .executeTakeFirst();
}

/**
 * Events still to be done that fall from `day` to `until`: reports and replies due, visits
 * accepted or scheduled, reviews and sessions (no status). Submitted reports, held and merely
 * requested visits need no reminder.
 */
export async function findUpcoming(db: Executor, day: string, until: string) {
  const rows = await db
    .selectFrom('calendar_events as ev')
    .leftJoin('bodies as b', 'b.code', 'ev.body_code')
    .leftJoin('reviews as rv', 'rv.id', 'ev.review_id')
    .select([
      'ev.id',
      'ev.kind',
      'ev.title',
      sql<string>`to_char(ev.starts_on, 'YYYY-MM-DD')`.as('starts_on'),
      sql<string | null>`to_char(ev.ends_on, 'YYYY-MM-DD')`.as('ends_on'),
      'ev.body_code',
      'b.name as body_name',
      'ev.review_id',
      'rv.symbol as review_symbol',
      'ev.status',
      'ev.source',
      'ev.estimated',
      'ev.overridden',
      'ev.notes',
      'ev.version',
    ])
    .where('ev.starts_on', '>=', asDate(day))
    .where('ev.starts_on', '<=', asDate(until))
    .where((eb) => eb.or([eb('ev.status', 'is', null), eb('ev.status', 'in', ['due', 'accepted', 'scheduled'])]))
    .orderBy('ev.starts_on')
    .orderBy('ev.id')
    .execute();
  return rows as EventRow[];
}

/** Records the reminders about to be sent; returns those not sent before (a retry finds them). */
export async function markSent(
  db: Executor,
  rows: { event_id: string; days_before: number; due_on: string; sent_on: string }[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('calendar_reminders_sent')
    .values(rows)
    .onConflict((oc) => oc.columns(['event_id', 'days_before', 'due_on']).doNothing())
    .returning('event_id')
    .execute();
  return new Set(inserted.map((row) => row.event_id));
}

/** The people of the given roles who get calendar reminders: active, not opted out. */
export function remindedPeople(db: Executor, roles: readonly Role[]) {
  return db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as n', 'n.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('u.role', 'in', roles)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`coalesce(n.calendar_by_email, true)`)
    .orderBy('u.email')
    .execute();
}
