import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { CallDetail, NotificationPreferences } from '../../../shared/schemas/calls';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import { type Actor, systemActor } from '../../http/context';
import { translatorFor } from '../../i18n';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { reminderDueAt, todayUtc } from '../../lib/dates';
import { invalid, signedIn } from '../../lib/guards';
import { localize } from '../../lib/language';
import { recordAudit } from '../audit/audit.service';
import { mailedFocalPoints, queueMail, readMailPreference, writeMailPreference } from '../outbox/outbox.service';
import { nmirfNameOf } from '../state-profile/state-profile.service';
import { requireCan, requireDraft } from './calls.guards';
import { findCall, updateCallAtVersion } from './calls.repo';
import { askedWithoutAssignment } from './calls.selection.repo';
import {
  finishReminder,
  insertInboxItems,
  insertReminders,
  itemCounts,
  lockReminder,
  mailItems,
  setReminderJob,
} from './calls.sending.repo';
import { getCall } from './calls.service';
import { findProgress, unansweredEntityIds } from './calls.tracker.repo';

/** How many of an entity's recommendations the call's mail lists; the rest are counted. */
const mailedItems = 25;
const shortText = 220;

/** "• 115.18 (A/HRC/59/15): Ratify the…", one line each, and how many more the call holds. */
function itemList(
  t: ReturnType<typeof translatorFor>,
  items: { number: string | null; symbol: string | null; body_code: string | null; text: string }[],
  count: number,
): string {
  const lines = items.map((item) => {
    const text = item.text.replace(/\s+/g, ' ').trim();
    return `• ${t('mail.call.item', {
      number: item.number ?? '–',
      symbol: item.symbol ?? item.body_code ?? '',
      text: text.length > shortText ? `${text.slice(0, shortText - 1).trimEnd()}…` : text,
    })}`;
  });
  if (count > items.length) lines.push(`• ${t('mail.call.more', { count: count - items.length })}`);
  return lines.join('\n');
}

function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(isoDate));
}

/**
 * Sends a draft, in one transaction: the call becomes sent, each entity asked gets it in its
 * inbox, its main and alternate focal points get a mail in their own language (unless they
 * turned such mail off), and the reminders are scheduled as jobs. A reminder whose time has
 * already passed is recorded as skipped.
 */
export async function sendCall(deps: Deps, actor: Actor, id: string, version: number): Promise<CallDetail> {
  const user = requireCan(actor, 'manage');
  // Read before the transaction: on PGlite's one connection a read beside it would wait for it.
  const nmirf = await nmirfNameOf(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const call = await requireDraft(trx, id);
    if (call.version !== version) throw new AppError('STALE_VERSION');
    if (call.deadline < todayUtc()) invalid('deadline', 'issues.call.deadlineInPast');
    const detail = await findCall(trx, id);
    if (!detail || detail.recommendation_count === 0) invalid('recommendationIds', 'issues.call.noRecommendations');
    if (detail.entity_count === 0) invalid('entityIds', 'issues.call.noEntities');
    if ((await askedWithoutAssignment(trx, id)).length > 0) invalid('entityIds', 'issues.call.entityNotAssigned');
    if (!(await updateCallAtVersion(trx, id, version, { status: 'sent', sent_at: new Date(), sent_by: user.id })))
      throw new AppError('STALE_VERSION');
    const entityIds = await insertInboxItems(trx, id);
    const counts = await itemCounts(trx, id, entityIds);
    let mails = 0;
    // An entity's focal point and deputy reading one language get the same list: read it once.
    const lists = new Map<string, Awaited<ReturnType<typeof mailItems>>>();
    for (const person of await mailedFocalPoints(trx, entityIds, 'calls')) {
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      const count = counts.get(person.entity_id) ?? 0;
      const key = `${person.entity_id}:${locale}`;
      const items = lists.get(key) ?? (await mailItems(trx, id, person.entity_id, locale, mailedItems));
      lists.set(key, items);
      await queueMail(trx, deps, {
        kind: 'call_for_input',
        to: person.email,
        userId: person.id,
        locale,
        subject: t('mail.call.subject', { title: call.title }),
        text: t('mail.call.body', {
          name: person.name,
          coordinator: user.name,
          nmirf: localize(nmirf, locale) || t('mail.nmirfGeneric'),
          entity: person.entity_name,
          list: itemList(t, items, count),
          count,
          deadline: formatDay(locale, call.deadline),
          message: call.message,
          link: `${deps.settings.publicUrl}/inbox/${id}/${person.entity_id}`,
          settingsLink: `${deps.settings.publicUrl}/settings`,
        }),
      });
      mails++;
    }
    const reminders = await scheduleReminders(trx, deps, id, call.deadline, detail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { status: 'draft' },
      after: { status: 'sent', entityIds, mails, reminders },
    });
    return getCall(trx, actor, id);
  });
}

async function scheduleReminders(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'jobs'>,
  callId: string,
  deadline: string,
  call: { remind_before: number[]; remind_after: number[] },
) {
  const now = Date.now();
  const days = [...call.remind_before.map((d) => -Number(d)), ...call.remind_after.map(Number)];
  const rows = await insertReminders(
    trx,
    [...new Set(days)].map((offset) => {
      const dueAt = reminderDueAt(deadline, offset);
      return {
        call_id: callId,
        days_from_deadline: offset,
        due_at: dueAt,
        status: dueAt.getTime() <= now ? 'skipped' : 'scheduled',
      };
    }),
  );
  for (const row of rows) {
    if (row.status !== 'scheduled') continue;
    const jobId = await deps.jobs.send(trx, 'call_reminder', { reminderId: row.id }, { startAfter: row.due_at });
    await setReminderJob(trx, row.id, jobId);
  }
  return rows.map((row) => ({ dueAt: row.due_at.toISOString(), status: row.status }));
}

/**
 * The reminder job: mails the focal points of the entities that have not answered yet, before
 * or after the deadline, in one transaction; marks the reminder sent so that a retried job
 * sends nothing twice.
 */
export async function sendCallReminder(
  deps: Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> },
  job: JobAttempt<JobPayloads['call_reminder']>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const reminder = await lockReminder(trx, job.data.reminderId);
    if (reminder?.status !== 'scheduled') return;
    const call = await findCall(trx, reminder.call_id);
    if (call?.status !== 'sent') {
      await finishReminder(trx, reminder.id, { status: 'skipped', entity_count: null, mail_count: null });
      return;
    }
    const pending = await unansweredEntityIds(trx, call.id);
    const progress = new Map<string, { item_count: number; submitted_count: number }>();
    for (const entityId of pending) {
      const row = await findProgress(trx, call.id, entityId);
      if (row) progress.set(entityId, row);
    }
    const overdue = reminder.days_from_deadline > 0;
    let mails = 0;
    for (const person of await mailedFocalPoints(trx, pending, 'calls')) {
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      const standing = progress.get(person.entity_id);
      const values = {
        name: person.name,
        entity: person.entity_name,
        title: call.title,
        deadline: formatDay(locale, call.deadline),
        count: standing ? standing.item_count - standing.submitted_count : 0,
        link: `${deps.settings.publicUrl}/inbox/${call.id}/${person.entity_id}`,
        settingsLink: `${deps.settings.publicUrl}/settings`,
      };
      await queueMail(trx, deps, {
        kind: 'call_reminder',
        locale,
        to: person.email,
        userId: person.id,
        subject: overdue
          ? t('mail.callOverdue.subject', { title: call.title, deadline: values.deadline })
          : t('mail.callReminder.subject', { title: call.title, deadline: values.deadline }),
        text: overdue ? t('mail.callOverdue.body', values) : t('mail.callReminder.body', values),
      });
      mails++;
    }
    await finishReminder(trx, reminder.id, { status: 'sent', entity_count: pending.length, mail_count: mails });
    await recordAudit(trx, systemActor(`job:${job.id}`), {
      action: 'update',
      recordType: 'call_reminder',
      recordId: reminder.id,
      before: { status: 'scheduled' },
      after: { status: 'sent', callId: call.id, entityIds: pending, mails },
    });
  });
}

/**
 * "Remind now": the coordinator chases the entities that have not answered a sent call, at once,
 * through the same reminder job (and its wording: overdue once the deadline has passed).
 */
export async function remindNow(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireCan(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const call = await findCall(trx, id);
    if (!call) throw new AppError('NOT_FOUND');
    if (call.status !== 'sent') throw new AppError('CONFLICT', { issues: [{ message: 'issues.call.notSent' }] });
    const [year, month, day] = call.deadline.split('-').map(Number);
    const deadline = Date.UTC(year as number, (month as number) - 1, day as number);
    const days = Math.floor((Date.now() - deadline) / 86_400_000);
    const [row] = await insertReminders(trx, [
      { call_id: id, days_from_deadline: days, due_at: new Date(), status: 'scheduled', manual: true },
    ]);
    if (!row) return;
    await setReminderJob(trx, row.id, await deps.jobs.send(trx, 'call_reminder', { reminderId: row.id }));
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'call_reminder',
      recordId: row.id,
      after: { manual: true },
    });
  });
}

// Notification preferences.

export async function getPreferences(db: Database, actor: Actor): Promise<NotificationPreferences> {
  const user = signedIn(actor);
  return { callsByEmail: await readMailPreference(db, user.id, 'calls') };
}

export async function setPreferences(
  db: Database,
  actor: Actor,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  const user = signedIn(actor);
  return db.transaction().execute(async (trx) => {
    const before = { callsByEmail: await readMailPreference(trx, user.id, 'calls') };
    await writeMailPreference(trx, user.id, 'calls', input.callsByEmail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'notification_preferences',
      recordId: user.id,
      before,
      after: input,
    });
    return { callsByEmail: await readMailPreference(trx, user.id, 'calls') };
  });
}
