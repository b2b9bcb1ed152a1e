import { sql } from 'kysely';
import type { indicatorReminderStatuses } from '../../../shared/schemas/indicators';
import type { Executor } from '../../http/context';

type ReminderStatus = (typeof indicatorReminderStatuses)[number];

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
