import { type Insertable, type Selectable, sql } from 'kysely';
import type { OutboxQuery } from '../../../shared/schemas/outbox';
import type { MailOutboxTable } from '../../db/schema';
import type { Executor } from '../../http/context';

export type MailRow = Selectable<MailOutboxTable>;

export function insertMail(
  db: Executor,
  mail: Pick<
    Insertable<MailOutboxTable>,
    'kind' | 'recipient_user_id' | 'to_address' | 'subject' | 'body' | 'body_html'
  >,
): Promise<MailRow> {
  return db.insertInto('mail_outbox').values(mail).returningAll().executeTakeFirstOrThrow();
}

export async function setMailJob(db: Executor, id: string, jobId: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ job_id: jobId }).where('id', '=', id).execute();
}

export function findMailById(db: Executor, id: string): Promise<MailRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sent: the text goes (it can hold a single-use link); the record of the sending stays. */
export async function recordMailSent(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: 'sent',
      body: null,
      body_html: null,
      attempts: sql`attempts + 1`,
      last_error: null,
      sent_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function recordMailFailure(db: Executor, id: string, error: string, final: boolean): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: final ? 'failed' : 'retrying',
      attempts: sql`attempts + 1`,
      last_error: error,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '<>', 'sent')
    .execute();
}

/** Puts a failed mail back in the queue's hands; undefined when it is not (or no longer) failed. */
export function requeueFailedMail(db: Executor, id: string, jobId: string): Promise<MailRow | undefined> {
  return db
    .updateTable('mail_outbox')
    .set({ status: 'pending', job_id: jobId, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}

/** Newest first, filtered by status, paged in SQL. */
export async function findMails(db: Executor, query: OutboxQuery): Promise<{ rows: MailRow[]; total: number }> {
  let base = db.selectFrom('mail_outbox');
  if (query.status) base = base.where('status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
