import type { Transaction } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import { type ActionNotification, openActionStatuses } from '../../../shared/schemas/actions';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import { type Actor, systemActor } from '../../http/context';
import { translatorFor } from '../../i18n';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { reminderDueAt } from '../../lib/dates';
import { signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { mailedFocalPoints, queueMail, readMailPreference, writeMailPreference } from '../outbox/outbox.service';
import {
  cancelReminders,
  findReminder,
  finishReminder,
  insertReminder,
  lockReminder,
  rescheduleReminder,
  setReminderJob,
} from './actions.reminders.repo';
import { lockAction } from './actions.repo';

/**
 * Brings an action's reminders in line with it, in the transaction of its change: while it is
 * still to be done and has an end date, one reminder `days` before that date and one on the day
 * after it (when it becomes overdue); none otherwise (`days` is ACTION_REMINDER_DAYS). Reminders of another date are cancelled. A
 * reminder already sent (or skipped) for this date stays as it is, so moving the date away and
 * back never sends it twice; one whose time has already passed is recorded as skipped.
 */
export async function syncReminders(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'jobs'> & { settings: Pick<Deps['settings'], 'ACTION_REMINDER_DAYS'> },
  action: { id: string; status: string; end_date: string | null },
): Promise<void> {
  const days = deps.settings.ACTION_REMINDER_DAYS;
  const due = openActionStatuses.includes(action.status as never) ? action.end_date : null;
  await cancelReminders(trx, action.id, due);
  if (!due) return;
  const now = Date.now();
  for (const [kind, offset] of [
    ['due_soon', -days],
    ['overdue', 1],
  ] as const) {
    const dueAt = reminderDueAt(due, offset);
    const existing = await findReminder(trx, action.id, kind, due);
    if (existing && existing.status !== 'cancelled') continue;
    if (existing && dueAt.getTime() <= now) continue;
    let id: string;
    if (existing) {
      await rescheduleReminder(trx, existing.id, dueAt);
      id = existing.id;
    } else {
      const status = dueAt.getTime() <= now ? 'skipped' : 'scheduled';
      const row = await insertReminder(trx, { action_id: action.id, kind, due_date: due, due_at: dueAt, status });
      if (row.status !== 'scheduled') continue;
      id = row.id;
    }
    // The row keeps the id of its live job: a job of an earlier schedule finds another id and stops.
    await setReminderJob(
      trx,
      id,
      await deps.jobs.send(trx, 'action_reminder', { reminderId: id }, { startAfter: dueAt }),
    );
  }
}

function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(isoDate));
}

/**
 * The reminder job: mails the main and alternate focal points of the action's responsible entity,
 * each in their language, in one transaction, and marks the reminder sent, so that a retried job
 * sends nothing twice. An action done, cancelled or moved to another date meanwhile is skipped.
 */
export async function sendActionReminder(
  deps: Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> },
  job: JobAttempt<JobPayloads['action_reminder']>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const reminder = await lockReminder(trx, job.data.reminderId);
    if (reminder?.status !== 'scheduled' || reminder.job_id !== job.id) return;
    const action = await lockAction(trx, reminder.action_id);
    const stillDue = action && openActionStatuses.includes(action.status) && action.end_date === reminder.due_date;
    if (!action || !stillDue) {
      await finishReminder(trx, reminder.id, { status: 'skipped', mail_count: null });
      return;
    }
    const overdue = reminder.kind === 'overdue';
    let mails = 0;
    for (const person of await mailedFocalPoints(trx, [action.responsible_entity_id], 'actions')) {
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      const values = {
        name: person.name,
        entity: person.entity_name,
        title: action.title,
        due: formatDay(locale, reminder.due_date),
        link: `${deps.settings.publicUrl}/actions/${action.id}`,
        settingsLink: `${deps.settings.publicUrl}/settings`,
      };
      await queueMail(trx, deps, {
        kind: 'action_reminder',
        locale,
        to: person.email,
        userId: person.id,
        subject: overdue ? t('mail.actionOverdue.subject', values) : t('mail.actionDueSoon.subject', values),
        text: overdue ? t('mail.actionOverdue.body', values) : t('mail.actionDueSoon.body', values),
      });
      mails++;
    }
    await finishReminder(trx, reminder.id, { status: 'sent', mail_count: mails });
    await recordAudit(trx, systemActor(`job:${job.id}`), {
      action: 'update',
      recordType: 'action_reminder',
      recordId: reminder.id,
      before: { status: 'scheduled' },
      after: { status: 'sent', actionId: action.id, kind: reminder.kind, mails },
    });
  });
}

// Whether a person wants these reminders by e-mail.

export async function getActionNotification(db: Database, actor: Actor): Promise<ActionNotification> {
  const user = signedIn(actor);
  return { actionsByEmail: await readMailPreference(db, user.id, 'actions') };
}

export async function setActionNotification(
  db: Database,
  actor: Actor,
  input: ActionNotification,
): Promise<ActionNotification> {
  const user = signedIn(actor);
  return db.transaction().execute(async (trx) => {
    const before = await readMailPreference(trx, user.id, 'actions');
    await writeMailPreference(trx, user.id, 'actions', input.actionsByEmail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'notification_preferences',
      recordId: user.id,
      before: { actionsByEmail: before },
      after: input,
    });
    return { actionsByEmail: input.actionsByEmail };
  });
}
