import type { Transaction } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import { systemActor } from '../../http/context';
import { translatorFor } from '../../i18n';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { reminderDueAt, todayUtc } from '../../lib/dates';
import { recordAudit } from '../audit/audit.service';
import { mailedFocalPoints, queueMail } from '../outbox/outbox.service';
import { nextDueDate } from './due-dates';
import {
  cancelWaiting,
  insertReminder,
  lockReminder,
  lockReminderOfDate,
  setReminder,
} from './indicator-reminders.repo';
import { findIndicator, type IndicatorRow } from './indicators.repo';

type ReminderDeps = Pick<Deps, 'jobs'> & { settings: Pick<Deps['settings'], 'INDICATOR_REMINDER_DAYS'> };

/** The next due date of an indicator row as the repository reads it. */
export function dueDateOf(row: IndicatorRow): string | null {
  return nextDueDate({
    frequency: row.frequency,
    lastPeriodEnd: row.last_period_end,
    baselineYear: row.baseline_year,
    targetYear: row.target_year,
    createdOn: row.created_on,
  });
}

/**
 * Puts the reminder of the indicator's next due date in step with its data, in the caller's
 * transaction: the reminders of other dates still waiting are cancelled (their jobs then do
 * nothing), and the due date gets one reminder row and one job. Idempotent: scheduling again
 * for the same date changes nothing, and a reminder already sent for a date is never sent again
 * if the date comes back. A due date already past gets no reminder (the list shows it overdue);
 * one whose reminder day has passed but not the date itself is reminded at once.
 */
export async function rescheduleReminder(trx: Transaction<DB>, deps: ReminderDeps, indicatorId: string) {
  const row = await findIndicator(trx, indicatorId);
  const dueDate = row ? dueDateOf(row) : null;
  await cancelWaiting(trx, indicatorId, dueDate);
  if (!dueDate) return null;

  const existing = await lockReminderOfDate(trx, indicatorId, dueDate);
  if (existing && existing.status !== 'cancelled') return { dueDate, status: existing.status };
  const planned = reminderDueAt(dueDate, -deps.settings.INDICATOR_REMINDER_DAYS);
  const past = dueDate < todayUtc();
  const dueAt = new Date(Math.max(planned.getTime(), Date.now()));
  const status = past ? 'skipped' : 'scheduled';
  const id =
    existing?.id ??
    (await insertReminder(trx, { indicator_id: indicatorId, due_date: dueDate, due_at: dueAt, status }));
  const jobId =
    status === 'scheduled'
      ? await deps.jobs.send(trx, 'indicator_reminder', { reminderId: id }, { startAfter: dueAt })
      : null;
  await setReminder(trx, id, { status, due_at: dueAt, job_id: jobId, done: status === 'skipped' });
  return { dueDate, status };
}

/**
 * The reminder job: mails the data owner's focal points that the indicator's next value is due,
 * in one transaction. A job of a reminder cancelled, rescheduled (another job is live) or done
 * already does nothing, so a retried or stale job never mails twice.
 */
export async function sendIndicatorReminder(
  deps: Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> },
  job: JobAttempt<JobPayloads['indicator_reminder']>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const reminder = await lockReminder(trx, job.data.reminderId);
    if (reminder?.status !== 'scheduled' || reminder.job_id !== job.id) return;
    const indicator = await findIndicator(trx, reminder.indicator_id);
    let mails = 0;
    if (indicator && dueDateOf(indicator) === reminder.due_date) {
      for (const person of await mailedFocalPoints(trx, [indicator.owner_entity_id], 'indicators')) {
        const locale = person.locale as Locale;
        const t = translatorFor(locale);
        const due = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(reminder.due_date),
        );
        const values = {
          name: person.name,
          entity: person.entity_name,
          code: indicator.code,
          title: indicator.title,
          due,
          link: `${deps.settings.publicUrl}/indicators/${indicator.id}`,
          settingsLink: `${deps.settings.publicUrl}/indicators`,
        };
        await queueMail(trx, deps, {
          kind: 'indicator_reminder',
          locale,
          to: person.email,
          userId: person.id,
          subject: t('mail.indicatorReminder.subject', { code: indicator.code, due }),
          text: t('mail.indicatorReminder.body', values),
        });
        mails++;
      }
    }
    const status = indicator && dueDateOf(indicator) === reminder.due_date ? 'sent' : 'skipped';
    await setReminder(trx, reminder.id, { status, mail_count: mails, done: true });
    await recordAudit(trx, systemActor(`job:${job.id}`), {
      action: 'update',
      recordType: 'indicator_reminder',
      recordId: reminder.id,
      before: { status: 'scheduled' },
      after: { status, indicatorId: reminder.indicator_id, dueDate: reminder.due_date, mails },
    });
  });
}
