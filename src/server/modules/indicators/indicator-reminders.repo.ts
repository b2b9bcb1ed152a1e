import { sql } from 'kysely';
import type { Executor } from '../../http/context';

type ReminderStatus = 'scheduled' | 'sent' | 'skipped' | 'cancelled';

/** Cancels the reminders still waiting, but for the one of `keepDate` when given. */
export async function cancelWaiting(db: Executor, indicatorId: string, keepDate: string | null): Promise<void> {
  let query = db
    .updateTable('indicator_reminders')
    .set({ status: 'cancelled', done_at: sql`now()` })
    .where('indicator_id', '=', indicatorId)
    .where('status', '=', 'scheduled');
  if (keepDate) query = query.where('due_date', '<>', keepDate);
  await query.execute();
}

export function lockReminderOfDate(db: Executor, indicatorId: string, dueDate: string) {
  return db
    .selectFrom('indicator_reminders')
    .select(['id', 'status'])
    .where('indicator_id', '=', indicatorId)
    .where('due_date', '=', dueDate)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertReminder(
  db: Executor,
  row: { indicator_id: string; due_date: string; due_at: Date; status: ReminderStatus },
): Promise<string> {
  const inserted = await db.insertInto('indicator_reminders').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function setReminder(
  db: Executor,
  id: string,
  changes: { status: ReminderStatus; due_at?: Date; job_id?: string | null; mail_count?: number; done: boolean },
): Promise<void> {
  const { done, ...rest } = changes;
  await db
    .updateTable('indicator_reminders')
    .set({ ...rest, done_at: done ? sql`now()` : null })
    .where('id', '=', id)
    .execute();
}

export function lockReminder(db: Executor, id: string) {
  return db
    .selectFrom('indicator_reminders')
    .select(['id', 'indicator_id', 'status', 'job_id', sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date')])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The live reminder of an indicator (scheduled, or the last one done), for its page. */
export function findCurrentReminder(db: Executor, indicatorId: string) {
  return db
    .selectFrom('indicator_reminders')
    .select([sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'), 'due_at', 'status'])
    .where('indicator_id', '=', indicatorId)
    .where('status', '<>', 'cancelled')
    .orderBy('due_date', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The main and alternate focal points of an entity who want indicator reminders by e-mail. */
export function mailedOwners(db: Executor, entityId: string) {
  return db
    .selectFrom('entity_people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .leftJoin('notification_preferences as n', 'n.user_id', 'u.id')
    .select(['e.name as entity_name', 'u.id', 'u.name', 'u.email', 'u.locale'])
    .where('p.entity_id', '=', entityId)
    .where('p.role', 'in', ['main', 'alternate'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`coalesce(n.indicators_by_email, true)`)
    .orderBy('p.role')
    .execute();
}

export async function findIndicatorPreference(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('indicators_by_email')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.indicators_by_email ?? true;
}

export async function upsertIndicatorPreference(db: Executor, userId: string, value: boolean): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, indicators_by_email: value })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ indicators_by_email: value, updated_at: sql`now()` }))
    .execute();
}
