import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalAlarmType } from 'ical-generator';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { CalendarFeed } from '../../../shared/schemas/calendar';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { titleOf } from './calendar.presenter';
import { findEventsFrom } from './calendar.repo';
import { addDays } from './calendar.rules';
import { requireCalendar } from './calendar.service';
import { deleteFeedToken, findFeedOwner, findFeedToken, findSettings, upsertFeedToken } from './calendar.settings.repo';

/*
 * A person's feed is a secret address a calendar application polls without a session. The token
 * is 32 random bytes; only its SHA-256 is stored, so the address is shown once, when it is made;
 * making a new one or revoking it ends the old address at once.
 */

/** A token as it appears in the address: 43 base64url characters. */
export const feedTokenPattern = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** How far back a feed reaches: a year of past events is enough for any calendar application. */
const feedPastDays = 365;

export async function getFeed(db: Database, actor: Actor): Promise<CalendarFeed> {
  const user = requireCalendar(actor, 'feed');
  const row = await findFeedToken(db, user.id);
  return {
    active: Boolean(row),
    createdAt: row?.created_at.toISOString() ?? null,
    lastUsedAt: row?.last_used_at?.toISOString() ?? null,
    url: null,
  };
}

/** Makes (or remakes) the person's feed address; the answer is the only time it is shown. */
export async function createFeed(deps: Pick<Deps, 'db' | 'settings'>, actor: Actor): Promise<CalendarFeed> {
  const user = requireCalendar(actor, 'feed');
  const token = randomBytes(32).toString('base64url');
  return deps.db.transaction().execute(async (trx) => {
    const before = await findFeedToken(trx, user.id);
    await upsertFeedToken(trx, user.id, hashOf(token));
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      recordType: 'calendar_feed',
      recordId: user.id,
      after: { regenerated: Boolean(before) },
    });
    const row = await findFeedToken(trx, user.id);
    return {
      active: true,
      createdAt: row?.created_at.toISOString() ?? null,
      lastUsedAt: null,
      url: `${deps.settings.publicUrl}/api/calendar/feed/${token}.ics`,
    };
  });
}

export async function revokeFeed(db: Database, actor: Actor): Promise<void> {
  const user = requireCalendar(actor, 'feed');
  await db.transaction().execute(async (trx) => {
    if (!(await deleteFeedToken(trx, user.id))) return;
    await recordAudit(trx, actor, { action: 'delete', recordType: 'calendar_feed', recordId: user.id });
  });
}

const midnightUtc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The iCalendar text of a feed: every event as an all-day VEVENT (its id as a stable UID), worded
 * in the owner's language, with an alarm the smallest reminder days before those still to do.
 * An unknown, revoked or disabled owner's token answers NOT_FOUND, never which of these it is.
 */
export async function renderFeed(deps: Pick<Deps, 'db' | 'settings'>, token: string): Promise<string> {
  if (!feedTokenPattern.test(token)) throw new AppError('NOT_FOUND');
  const owner = await findFeedOwner(deps.db, hashOf(token));
  if (!owner) throw new AppError('NOT_FOUND');
  const locale = owner.locale as Locale;
  const t = translatorFor(locale);
  const today = new Date().toISOString().slice(0, 10);
  const [events, { remindDays }] = await Promise.all([
    findEventsFrom(deps.db, addDays(today, -feedPastDays)),
    findSettings(deps.db),
  ]);
  const alarmDays = Math.min(...remindDays);
  const calendar = ical({
    name: t('calendar.feedName'),
    prodId: { company: 'Implementa', product: 'calendar', language: locale.toUpperCase() },
  });
  for (const event of events) {
    const summary = titleOf(event, locale);
    const details = [
      event.status ? t(`calendar.status.${event.status}`) : null,
      event.estimated ? t('calendar.estimated') : null,
      event.notes,
    ].filter(Boolean);
    const vevent = calendar.createEvent({
      id: `${event.id}@implementa`,
      allDay: true,
      start: midnightUtc(event.starts_on),
      // DTEND of an all-day event is the day after its last day.
      end: midnightUtc(addDays(event.ends_on ?? event.starts_on, 1)),
      summary: event.estimated ? `${summary} (${t('calendar.estimated')})` : summary,
      description: details.join('\n') || null,
      url: `${deps.settings.publicUrl}/calendar?date=${event.starts_on}`,
    });
    const open = event.status === null || ['due', 'accepted', 'scheduled'].includes(event.status);
    if (open && event.starts_on >= today)
      vevent.createAlarm({ type: ICalAlarmType.display, trigger: alarmDays * 86_400, description: summary });
  }
  return calendar.toString();
}
