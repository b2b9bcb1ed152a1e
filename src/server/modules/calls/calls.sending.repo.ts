import { sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { Executor } from '../../http/context';
import { recommendationText } from '../../lib/language';

// Inbox items and mail of a call sent.

export async function insertInboxItems(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .insertInto('inbox_items')
    .columns(['entity_id', 'kind', 'call_id'])
    .expression((eb) =>
      eb
        .selectFrom('call_entities')
        .select(['entity_id', sql<'call'>`'call'`.as('kind'), 'call_id'])
        .where('call_id', '=', callId),
    )
    .returning('entity_id')
    .execute();
  return rows.map((row) => row.entity_id);
}

/** How many of the call's recommendations are assigned to each of these entities. */
export async function itemCounts(db: Executor, callId: string, entityIds: string[]): Promise<Map<string, number>> {
  if (entityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('call_recommendations as cr')
    .innerJoin('assignments as a', 'a.recommendation_id', 'cr.recommendation_id')
    .select(['a.entity_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cr.call_id', '=', callId)
    .where('a.entity_id', 'in', entityIds)
    .groupBy('a.entity_id')
    .execute();
  return new Map(rows.map((row) => [row.entity_id, Number(row.n)]));
}

// Reminders.

export async function insertReminders(
  db: Executor,
  rows: {
    call_id: string;
    days_from_deadline: number;
    due_at: Date;
    status: 'scheduled' | 'skipped';
    manual?: boolean;
  }[],
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('call_reminders')
    .values(rows.map((row) => ({ ...row, done_at: row.status === 'skipped' ? new Date() : null })))
    .returning(['id', 'status', 'due_at'])
    .execute();
}

export async function setReminderJob(db: Executor, id: string, jobId: string): Promise<void> {
  await db.updateTable('call_reminders').set({ job_id: jobId }).where('id', '=', id).execute();
}

export function lockReminder(db: Executor, id: string) {
  return db
    .selectFrom('call_reminders')
    .select(['id', 'call_id', 'days_from_deadline', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function finishReminder(
  db: Executor,
  id: string,
  result: { status: 'sent' | 'skipped'; entity_count: number | null; mail_count: number | null },
): Promise<void> {
  await db
    .updateTable('call_reminders')
    .set({ ...result, done_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function findReminders(db: Executor, callId: string) {
  return db
    .selectFrom('call_reminders')
    .select(['days_from_deadline', 'due_at', 'status', 'entity_count', 'mail_count', 'done_at'])
    .where('call_id', '=', callId)
    .orderBy('due_at')
    .execute();
}

/**
 * The recommendations of a call that are an entity's to answer (assigned or delegated), in the
 * register's order, each with its number, document and text in the reader's language: what the
 * call's mail lists. At most `limit`, and how many there are.
 */
export async function mailItems(db: Executor, callId: string, entityId: string, locale: Locale, limit: number) {
  return db
    .selectFrom('call_recommendations as cr')
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.recommendation_id', '=', 'cr.recommendation_id').on('a.entity_id', '=', entityId),
    )
    .innerJoin('recommendations as r', 'r.id', 'cr.recommendation_id')
    .leftJoin('reviews as v', 'v.id', 'r.review_id')
    .select(['r.number', 'v.symbol', 'v.body_code', recommendationText(locale).as('text')])
    .where('cr.call_id', '=', callId)
    .orderBy('v.review_date', 'desc')
    .orderBy('r.number_sort')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}
