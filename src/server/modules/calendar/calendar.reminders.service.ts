import type { Locale } from '../../../shared/i18n/locales';
import { rolesWith } from '../../../shared/roles';
import type { Deps } from '../../deps';
import { systemActor } from '../../http/context';
import { translatorFor } from '../../i18n';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { reminderHourUtc, todayUtc } from '../../lib/dates';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { titleOf } from './calendar.presenter';
import { claimRun, findUpcoming, finishRun, markSent, remindedPeople, setRunJob } from './calendar.reminders.repo';
import { addDays, daysBetween } from './calendar.rules';
import { findSettings } from './calendar.settings.repo';

/*
 * Reminders run once a day as one job (calendar_reminders, sent with a start time like the calls'
 * reminders), not as one job per event and offset: computed dates move with every import and a
 * person's edit, and the reminder days are a setting; a daily look at what is coming up needs no
 * job to be found and moved when any of these change. What was sent is recorded per event,
 * offset and due date, so a retried or repeated run sends nothing twice and a date moved later
 * is reminded again for its new day.
 */

type ReminderDeps = Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

/**
 * The offset whose window holds an event `daysLeft` away: the smallest reminder day at or beyond
 * it. With 30 and 7, an event 20 days away gets the 30-day reminder, 5 days away the 7-day one;
 * an event added 10 days before its date still gets one reminder (the 30-day one) at once.
 */
export function offsetFor(daysLeft: number, offsets: number[]): number | null {
  const fitting = offsets.filter((days) => days >= daysLeft).sort((a, b) => a - b);
  return fitting[0] ?? null;
}

/** Schedules the run of `day` at the reminder hour (or now, when that has passed), once per day. */
export async function scheduleReminderRun(deps: Pick<Deps, 'db' | 'jobs'>, day: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimRun(trx, day))) return;
    const at = new Date(`${day}T${String(reminderHourUtc).padStart(2, '0')}:00:00Z`);
    const jobId = await deps.jobs.send(trx, 'calendar_reminders', { day }, at > new Date() ? { startAfter: at } : {});
    await setRunJob(trx, day, jobId);
  });
}

/** At start-up: today's and tomorrow's runs, in case the chain of daily runs was broken. */
export async function startCalendarReminders(deps: Pick<Deps, 'db' | 'jobs'>): Promise<void> {
  const today = todayUtc();
  await scheduleReminderRun(deps, today);
  await scheduleReminderRun(deps, addDays(today, 1));
}

function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(isoDate));
}

/**
 * The daily run: schedules tomorrow's first (a failing run must not end the chain), then, in one
 * transaction, finds the events whose reminder window has come and mails each coordinator who
 * wants calendar reminders one message listing them, in their language.
 */
export async function sendCalendarReminders(
  deps: ReminderDeps,
  job: JobAttempt<JobPayloads['calendar_reminders']>,
): Promise<void> {
  const day = job.data.day;
  await scheduleReminderRun(deps, addDays(day, 1));
  await deps.db.transaction().execute(async (trx) => {
    const { remindDays } = await findSettings(trx);
    const until = addDays(day, Math.max(...remindDays));
    const upcoming = await findUpcoming(trx, day, until);
    const due = upcoming.flatMap((event) => {
      const daysLeft = daysBetween(day, event.starts_on);
      const offset = offsetFor(daysLeft, remindDays);
      return offset === null ? [] : [{ event, daysLeft, offset }];
    });
    const fresh = await markSent(
      trx,
      due.map(({ event, offset }) => ({
        event_id: event.id,
        days_before: offset,
        due_on: event.starts_on,
        sent_on: day,
      })),
    );
    const items = due.filter(({ event }) => fresh.has(event.id));
    let mails = 0;
    if (items.length > 0) {
      for (const person of await remindedPeople(trx, rolesWith('coordinates'))) {
        const locale = person.locale as Locale;
        const t = translatorFor(locale);
        const lines = items.map(({ event, daysLeft }) =>
          t('mail.calendarReminder.line', {
            date: formatDay(locale, event.starts_on),
            title: titleOf(event, locale),
            days: daysLeft,
            estimated: event.estimated ? 'yes' : 'no',
          }),
        );
        await queueMail(trx, deps, {
          kind: 'calendar_reminder',
          locale,
          to: person.email,
          userId: person.id,
          subject: t('mail.calendarReminder.subject', { count: items.length }),
          text: t('mail.calendarReminder.body', {
            name: person.name,
            list: lines.map((line) => `• ${line}`).join('\n'),
            link: `${deps.settings.publicUrl}/calendar`,
            settingsLink: `${deps.settings.publicUrl}/calendar#reminders`,
          }),
        });
        mails++;
      }
    }
    await finishRun(trx, day, items.length, mails);
    if (items.length > 0)
      await recordAudit(trx, systemActor(`job:${job.id}`), {
        action: 'update',
        recordType: 'calendar_reminder',
        recordId: null,
        after: { day, events: items.map(({ event, offset }) => ({ id: event.id, offset })), mails },
      });
  });
}
