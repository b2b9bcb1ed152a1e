import ical, { ICalEventStatus } from 'ical-generator';
import { AppError } from '../../../shared/errors';
import { type Locale, locales } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type { EventPayload, HubEvent } from '../../../shared/schemas/community';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { conflict, invalid, signedIn } from '../../lib/guards';
import { indexHubDocuments, removeHubDocuments } from '../../lib/hub-index';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { canCommunity } from './community.policy';
import { instantToZoned, plainText, zonedToInstant } from './community.rules';
import {
  countRegistered,
  type EventRow,
  findEvent,
  findEvents,
  findFeedEvents,
  findRegistration,
  firstWaiting,
  insertEvent,
  lockEvent,
  updateEvent as updateEventRow,
  upsertRegistration,
} from './events.repo';

type Texts = Partial<Record<Locale, string>>;

/** A text in the reader's language, else English, else the first language it has. */
export function inLanguage(texts: Texts | null | undefined, locale: Locale): string {
  if (!texts) return '';
  return texts[locale] ?? texts.en ?? Object.values(texts).find(Boolean) ?? '';
}

export function presentEvent(row: EventRow, locale: Locale): HubEvent {
  const t = translatorFor(locale);
  const memberName = row.member_name ? inLanguage(row.member_name_i18n as Texts, locale) || row.member_name : null;
  return {
    id: row.id,
    title: inLanguage(row.title_i18n, locale),
    description: inLanguage(row.description_i18n, locale),
    titleI18n: row.title_i18n,
    descriptionI18n: row.description_i18n,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    start: instantToZoned(row.starts_at, row.time_zone),
    end: instantToZoned(row.ends_at, row.time_zone),
    onlineUrl: row.online_url,
    place: row.place,
    organiser: row.organiser_name ?? memberName ?? t('hub.site.name'),
    organiserMemberId: row.organiser_member_id,
    organiserName: row.organiser_name,
    capacity: row.capacity,
    waitingList: row.waiting_list,
    visibility: row.visibility,
    status: row.status,
    source: row.source,
    registered: Number(row.registered ?? 0),
    waiting: Number(row.waiting ?? 0),
    myRegistration: row.my_status ?? null,
    version: row.version,
  };
}

/** An event the actor may see, or NOT_FOUND as for one that does not exist. */
async function visibleEvent(db: Executor, actor: Actor, id: string): Promise<EventRow> {
  const row = await findEvent(db, id, actor.user?.id ?? null);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.visibility === 'accounts' && !(actor.user && canCommunity(actor.user, 'register')))
    throw new AppError('NOT_FOUND');
  return row;
}

export async function listEvents(
  db: Database,
  actor: Actor,
  query: { past: boolean; page: number; pageSize: number },
): Promise<Page<HubEvent>> {
  const account = Boolean(actor.user && canCommunity(actor.user, 'register'));
  const { items, total } = await findEvents(db, {
    userId: actor.user?.id ?? null,
    publicOnly: !account,
    past: query.past,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map((row) => presentEvent(row, actor.locale)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getEvent(db: Executor, actor: Actor, id: string): Promise<HubEvent> {
  return presentEvent(await visibleEvent(db, actor, id), actor.locale);
}

function rowValues(input: EventPayload) {
  const startsAt = zonedToInstant(input.start, input.timeZone);
  if (!startsAt) invalid('start', 'hubCommunity.errors.timeSkipped');
  const endsAt = zonedToInstant(input.end, input.timeZone);
  if (!endsAt) invalid('end', 'hubCommunity.errors.timeSkipped');
  if (endsAt <= startsAt) invalid('end', 'hubCommunity.errors.endBeforeStart');
  return {
    title_i18n: JSON.stringify(input.title),
    description_i18n: JSON.stringify(input.description),
    starts_at: startsAt,
    ends_at: endsAt,
    time_zone: input.timeZone,
    online_url: input.onlineUrl,
    place: input.place,
    organiser_member_id: input.organiserMemberId,
    organiser_name: input.organiserName,
    capacity: input.capacity,
    waiting_list: input.waitingList,
    visibility: input.visibility,
    source: input.source,
  };
}

/** Writes the event into the hub's search, one row per language it has a title in (decision 037). */
export async function reindexEvent(db: Executor, id: string): Promise<void> {
  const row = await findEvent(db, id, null);
  if (!row || row.status === 'cancelled') return removeHubDocuments(db, 'event', id);
  const documents = locales
    .filter((locale) => row.title_i18n[locale])
    .map((locale) => ({
      kind: 'event' as const,
      refId: id,
      locale,
      visibility: row.visibility,
      title: row.title_i18n[locale] ?? '',
      summary: [row.place, row.online_url ? 'online' : null].filter(Boolean).join(' · '),
      body: plainText(inLanguage(row.description_i18n, locale), 100_000),
      path: `/events/${id}`,
      memberId: row.organiser_member_id,
      countryCode: null,
      systemOfGovernment: null,
      level: null,
      themes: [],
      networkIds: [],
    }));
  await indexHubDocuments(db, 'event', id, documents);
}

function requireEvents(actor: Actor) {
  const user = signedIn(actor);
  if (!canCommunity(user, 'manageEvents')) throw new AppError('FORBIDDEN');
  return user;
}

export async function createEvent(db: Database, actor: Actor, input: EventPayload): Promise<HubEvent> {
  const user = requireEvents(actor);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await insertEvent(trx, { ...rowValues(input), created_by: user.id });
    await reindexEvent(trx, id);
    await recordAudit(trx, actor, { action: 'create', recordType: 'hub_event', recordId: id, after: input });
    return id;
  });
  return getEvent(db, actor, id);
}

export async function changeEvent(
  db: Database,
  actor: Actor,
  id: string,
  input: EventPayload & { version: number; status: 'scheduled' | 'cancelled' },
): Promise<HubEvent> {
  requireEvents(actor);
  await db.transaction().execute(async (trx) => {
    const before = await findEvent(trx, id, null);
    if (!before) throw new AppError('NOT_FOUND');
    if (!(await updateEventRow(trx, id, input.version, { ...rowValues(input), status: input.status })))
      throw new AppError('STALE_VERSION');
    await reindexEvent(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_event',
      recordId: id,
      before: presentEvent(before, 'en'),
      after: input,
    });
  });
  return getEvent(db, actor, id);
}

type MailDeps = Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

/**
 * Registers a signed-in account: a place while there is one; when the event is full, a place on
 * its waiting list if it keeps one, else CONFLICT "full". Cancelling frees the place, which goes
 * to the first on the waiting list, who is told by mail. The event's row is locked meanwhile.
 */
export async function setRegistration(
  deps: MailDeps,
  actor: Actor,
  id: string,
  wanted: 'registered' | 'waiting' | 'cancelled',
): Promise<HubEvent> {
  const user = signedIn(actor);
  if (!canCommunity(user, 'register')) throw new AppError('FORBIDDEN');
  await deps.db.transaction().execute(async (trx) => {
    await visibleEvent(trx, actor, id);
    const event = await lockEvent(trx, id);
    if (!event) throw new AppError('NOT_FOUND');
    const current = (await findRegistration(trx, id, user.id))?.status ?? null;
    let status: 'registered' | 'waiting' | 'cancelled';
    if (wanted === 'cancelled') {
      if (current === null || current === 'cancelled') return;
      status = 'cancelled';
      await upsertRegistration(trx, id, user.id, status);
      if (current === 'registered') await promoteWaiting(trx, deps, id, event);
    } else {
      if (current === 'registered' || current === 'waiting') return;
      if (event.status === 'cancelled') conflict('hubCommunity.errors.eventCancelled');
      if (event.ends_at <= new Date()) conflict('hubCommunity.errors.eventOver');
      const full = event.capacity !== null && (await countRegistered(trx, id)) >= event.capacity;
      if (full && !event.waiting_list) conflict('hubCommunity.errors.eventFull');
      status = full ? 'waiting' : 'registered';
      await upsertRegistration(trx, id, user.id, status);
    }
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_event_registration',
      recordId: id,
      before: { status: current },
      after: { userId: user.id, status },
    });
  });
  return getEvent(deps.db, actor, id);
}

async function promoteWaiting(
  trx: Parameters<typeof queueMail>[0],
  deps: MailDeps,
  id: string,
  event: { capacity: number | null; title_i18n: Texts },
) {
  if (event.capacity !== null && (await countRegistered(trx, id)) >= event.capacity) return;
  const next = await firstWaiting(trx, id);
  if (!next) return;
  await upsertRegistration(trx, id, next.id, 'registered');
  const locale = next.locale as Locale;
  const t = translatorFor(locale);
  const title = inLanguage(event.title_i18n, locale);
  await queueMail(trx, deps, {
    kind: 'hub_event_place',
    locale,
    to: next.email,
    userId: next.id,
    subject: t('hubCommunity.mail.place.subject', { title }),
    text: t('hubCommunity.mail.place.body', {
      name: next.name,
      title,
      link: `${deps.settings.publicUrl}/community/events/${id}`,
    }),
  });
}

/**
 * The iCalendar text (RFC 5545) of events: times in UTC (DTSTART:…Z), which every calendar
 * application shows right in its own zone whatever the daylight-saving rules; the organiser's
 * zone is named in the description. A cancelled event stays with STATUS:CANCELLED so that
 * calendars that had it remove it. UIDs are stable: the event's id.
 */
export function eventsIcs(rows: EventRow[], locale: Locale, publicUrl: string): string {
  const t = translatorFor(locale);
  const calendar = ical({
    name: t('hubCommunity.ical.name'),
    prodId: { company: 'Implementa', product: 'hub-events', language: locale.toUpperCase() },
  });
  for (const row of rows) {
    const event = presentEvent(row, locale);
    const link = `${publicUrl}/hub/${locale}/events/${row.id}`;
    calendar.createEvent({
      id: `${row.id}@implementa-hub`,
      start: row.starts_at,
      end: row.ends_at,
      summary: event.title,
      description: [
        event.description,
        t('hubCommunity.ical.localTime', { start: event.start.replace('T', ' '), zone: row.time_zone }),
        t('hubCommunity.ical.organiser', { organiser: event.organiser }),
        event.onlineUrl ? event.onlineUrl : null,
        link,
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: row.place ?? row.online_url ?? null,
      url: link,
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: row.version,
      lastModified: row.updated_at,
      stamp: row.updated_at,
    });
  }
  return calendar.toString();
}

export async function publicFeed(db: Database, locale: Locale, publicUrl: string): Promise<string> {
  const since = new Date(Date.now() - 365 * 86_400_000);
  return eventsIcs(await findFeedEvents(db, since), locale, publicUrl);
}

export async function eventIcs(db: Database, actor: Actor, id: string, publicUrl: string): Promise<string> {
  return eventsIcs([await visibleEvent(db, actor, id)], actor.locale, publicUrl);
}
