import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type { MailKind, OutboxMail, OutboxQuery } from '../../../shared/schemas/outbox';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { signedIn } from '../../lib/guards';
import { mailHtml } from '../../mail/html';
import { recordAudit } from '../audit/audit.service';
import { canOutbox } from './outbox.policy';
import { presentMail } from './outbox.presenter';
import {
  findMailById,
  findMails,
  insertMail,
  recordMailFailure,
  recordMailSent,
  requeueFailedMail,
  setMailJob,
} from './outbox.repo';

export interface QueuedMail {
  kind: MailKind;
  to: string;
  /** The recipient's account, when they have one. */
  userId: string | null;
  subject: string;
  text: string;
  /**
   * The recipient's language: given, the mail also goes as HTML in that language and direction,
   * rendered from the text (mail/html.ts); without it, text only.
   */
  locale?: Locale;
}

/**
 * Queues a mail in the transaction that makes the change causing it: a rolled-back change sends
 * nothing, a committed one is never lost. The job worker sends it (deliverMail), with retries.
 */
export async function queueMail(trx: Transaction<DB>, deps: Pick<Deps, 'jobs'>, mail: QueuedMail): Promise<string> {
  const row = await insertMail(trx, {
    kind: mail.kind,
    recipient_user_id: mail.userId,
    to_address: mail.to,
    subject: mail.subject,
    body: mail.text,
    body_html: mail.locale ? mailHtml(mail.text, mail.locale) : null,
  });
  const jobId = await deps.jobs.send(trx, 'mail', { mailId: row.id, userId: mail.userId });
  await setMailJob(trx, row.id, jobId);
  return row.id;
}

/** The mail job: sends one outbox message; a throw makes pg-boss try again later, or give up. */
export async function deliverMail(
  deps: Pick<Deps, 'db' | 'mailer'>,
  job: JobAttempt<JobPayloads['mail']>,
): Promise<void> {
  const mail = await findMailById(deps.db, job.data.mailId);
  // Sent already: a job retried after a crash between the sending and pg-boss's bookkeeping.
  if (!mail || mail.status === 'sent' || mail.body === null) return;
  try {
    await deps.mailer.send({
      to: mail.to_address,
      subject: mail.subject,
      text: mail.body,
      ...(mail.body_html ? { html: mail.body_html } : {}),
    });
  } catch (error) {
    await recordMailFailure(deps.db, mail.id, reasonOf(error), job.lastAttempt);
    throw error;
  }
  await recordMailSent(deps.db, mail.id);
}

function reasonOf(error: unknown): string {
  const cause = error instanceof AppError && error.cause instanceof Error ? error.cause : error;
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
}

/** The mail once its first attempt is over (or still pending after the wait): for the setup script. */
export async function waitForFirstAttempt(db: Database, id: string, timeoutMs: number): Promise<OutboxMail | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await findMailById(db, id);
    if (row?.status !== 'pending' || Date.now() > deadline) return row ? presentMail(row) : null;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The outbox for the admin page: newest first, filtered by status, paged in the database. */
export async function listOutbox(deps: Deps, actor: Actor, query: OutboxQuery): Promise<Page<OutboxMail>> {
  const user = signedIn(actor);
  if (!canOutbox(user, 'list')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findMails(deps.db, query);
  return { items: rows.map(presentMail), total, page: query.page, pageSize: query.pageSize };
}

/** Queues a failed mail again, with a fresh set of retries; only a failed one (else CONFLICT). */
export async function retryMail(deps: Deps, actor: Actor, id: string): Promise<OutboxMail> {
  const user = signedIn(actor);
  if (!canOutbox(user, 'retry')) throw new AppError('FORBIDDEN');
  return deps.db.transaction().execute(async (trx) => {
    const before = await findMailById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status !== 'failed') throw new AppError('CONFLICT');
    const jobId = await deps.jobs.send(trx, 'mail', { mailId: id, userId: before.recipient_user_id });
    const after = await requeueFailedMail(trx, id, jobId);
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'mail',
      recordId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
      after: { status: after.status },
    });
    return presentMail(after);
  });
}

// Notification preferences, kept here beside the mail they govern and read by the modules that
// queue such mail (calls, actions, indicators, calendar) through this face.
export { mailedFocalPoints, readMailPreference, writeMailPreference } from './mail-preferences.repo';
