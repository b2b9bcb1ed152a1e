import { sql } from 'kysely';
import type { Executor } from '../../http/context';

// Reminders of actions' due dates, and who gets them.

type Kind = 'due_soon' | 'overdue';

export function findReminder(db: Executor, actionId: string, kind: Kind, dueDate: string) {
  return db
    .selectFrom('action_reminders')
    .select(['id', 'status'])
    .where('action_id', '=', actionId)
    .where('kind', '=', kind)
    .where(sql<boolean>`due_date = ${dueDate}::date`)
    .executeTakeFirst();
}

export function insertReminder(
  db: Executor,
  row: { action_id: string; kind: Kind; due_date: string; due_at: Date; status: 'scheduled' | 'skipped' },
) {
  return db
    .insertInto('action_reminders')
    .values({ ...row, done_at: row.status === 'skipped' ? new Date() : null })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
}

/** A cancelled reminder of a date that came back is scheduled again (never one already sent). */
export async function rescheduleReminder(db: Executor, id: string, dueAt: Date): Promise<void> {
  await db
    .updateTable('action_reminders')
    .set({ status: 'scheduled', due_at: dueAt, done_at: null })
    .where('id', '=', id)
    .where('status', '=', 'cancelled')
    .execute();
}

export async function setReminderJob(db: Executor, id: string, jobId: string): Promise<void> {
  await db.updateTable('action_reminders').set({ job_id: jobId }).where('id', '=', id).execute();
}

/**
 * Cancels the scheduled reminders of an action other than those of `keepDate` (its end date
 * while it is still to be done; null cancels them all). Their jobs then find nothing to do.
 */
export async function cancelReminders(db: Executor, actionId: string, keepDate: string | null): Promise<number> {
  let query = db
    .updateTable('action_reminders')
    .set({ status: 'cancelled', done_at: sql`now()` })
    .where('action_id', '=', actionId)
    .where('status', '=', 'scheduled');
  if (keepDate) query = query.where(sql<boolean>`due_date <> ${keepDate}::date`);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function lockReminder(db: Executor, id: string) {
  return db
    .selectFrom('action_reminders')
    .select([
      'id',
      'action_id',
      'kind',
      sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'),
      'status',
      'job_id',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function finishReminder(
  db: Executor,
  id: string,
  result: { status: 'sent' | 'skipped'; mail_count: number | null },
): Promise<void> {
  await db
    .updateTable('action_reminders')
    .set({ ...result, done_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function findReminders(db: Executor, actionId: string) {
  return db
    .selectFrom('action_reminders')
    .select([
      'kind',
      sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'),
      'due_at',
      'status',
      'mail_count',
      'done_at',
    ])
    .where('action_id', '=', actionId)
    .orderBy('due_at')
    .orderBy('kind')
    .execute();
}
