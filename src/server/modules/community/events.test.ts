import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';
import type { EventPayload, HubEvent } from '../../../shared/schemas/community';

// Events on a real hub (decision 037): times in their zone across a daylight-saving change, the
// iCalendar feed parsed back, registration with a waiting list or a refusal, the 404 rule.

let hub: TestApp;
let moderator: Client;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
  moderator = await signInNew(hub, 'moderator');
});
afterAll(() => hub?.close());

const year = new Date().getUTCFullYear() + 1;

function payload(overrides: Partial<EventPayload> = {}): EventPayload {
  return {
    title: { en: 'Regional seminar on NMIRFs', fr: 'Séminaire régional sur les MNMES' },
    description: { en: 'Sharing practices of national mechanisms.' },
    // Switzerland moves its clocks forward on the last Sunday of March at 02:00.
    start: `${year}-03-20T10:00`,
    end: `${year}-03-20T12:00`,
    timeZone: 'Europe/Zurich',
    onlineUrl: null,
    place: 'Palais des Nations, Geneva',
    organiserMemberId: null,
    organiserName: null,
    capacity: null,
    waitingList: true,
    visibility: 'public',
    source: 'OHCHR',
    ...overrides,
  };
}

async function create(overrides: Partial<EventPayload> = {}): Promise<HubEvent> {
  const response = await moderator.request('POST', '/api/hub/events', payload(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as HubEvent;
}

/** The last Sunday of March of a year (the European change to summer time). */
function lastSundayOfMarch(y: number): number {
  const last = new Date(Date.UTC(y, 2, 31));
  return 31 - last.getUTCDay();
}

describe('event times and the iCalendar feed', () => {
  it('stores wall-clock times of the zone as instants on both sides of a DST change, and the feed says so in UTC', async () => {
    const sunday = lastSundayOfMarch(year);
    const before = await create({ start: `${year}-03-${sunday - 1}T10:00`, end: `${year}-03-${sunday - 1}T11:30` });
    const after = await create({ start: `${year}-03-${sunday}T10:00`, end: `${year}-03-${sunday}T11:30` });
    expect(before.startsAt).toBe(`${year}-03-${sunday - 1}T09:00:00.000Z`); // CET, UTC+1
    expect(after.startsAt).toBe(`${year}-03-${sunday}T08:00:00.000Z`); // CEST, UTC+2
    expect(after.start).toBe(`${year}-03-${sunday}T10:00`);

    const skipped = await moderator.request(
      'POST',
      '/api/hub/events',
      payload({ start: `${year}-03-${sunday}T02:30`, end: `${year}-03-${sunday}T04:00` }),
    );
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json()).toMatchObject({
      error: { issues: [{ path: 'start', message: 'hubCommunity.errors.timeSkipped' }] },
    });

    const feed = await hub.app.inject({ method: 'GET', url: '/hub/en/events.ics' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(feed.body));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const parsedAfter = events.find((event) => event.uid === `${after.id}@implementa-hub`);
    const parsedBefore = events.find((event) => event.uid === `${before.id}@implementa-hub`);
    expect(parsedAfter?.startDate.toJSDate().toISOString()).toBe(after.startsAt);
    expect(parsedAfter?.endDate.toJSDate().toISOString()).toBe(after.endsAt);
    expect(parsedBefore?.startDate.toJSDate().toISOString()).toBe(before.startsAt);
    expect(parsedAfter?.startDate.zone?.tzid).toBe('UTC');
    expect(parsedAfter?.summary).toBe('Regional seminar on NMIRFs');
    expect(parsedAfter?.location).toBe('Palais des Nations, Geneva');

    // The French feed is worded in French; one event's .ics holds that event only.
    const french = await hub.app.inject({ method: 'GET', url: `/hub/fr/events/${after.id}.ics` });
    const one = new ICAL.Component(ICAL.parse(french.body)).getAllSubcomponents('vevent');
    expect(one).toHaveLength(1);
    expect(new ICAL.Event(one[0]).summary).toBe('Séminaire régional sur les MNMES');
  });

  it('keeps an event for accounts out of the public pages, feed and search, as a missing id', async () => {
    const internal = await create({ visibility: 'accounts', title: { en: 'Members-only webinar' } });
    const page = await hub.app.inject({ method: 'GET', url: `/hub/en/events/${internal.id}` });
    const missing = await hub.app.inject({ method: 'GET', url: '/hub/en/events/00000000-0000-4000-8000-000000000000' });
    expect(page.statusCode).toBe(404);
    expect(page.body.replaceAll(internal.id, 'ID')).toBe(
      missing.body.replaceAll('00000000-0000-4000-8000-000000000000', 'ID'),
    );
    expect((await hub.app.inject({ method: 'GET', url: `/hub/en/events/${internal.id}.ics` })).statusCode).toBe(404);
    expect((await hub.app.inject({ method: 'GET', url: '/hub/en/events.ics' })).body).not.toContain(
      'Members-only webinar',
    );
    const reader = await signInNew(hub, 'reader');
    expect((await reader.request('GET', `/api/hub/events/${internal.id}`)).statusCode).toBe(200);
    const documents = await hub.handle.db
      .selectFrom('hub_documents')
      .select(['visibility'])
      .where('ref_id', '=', internal.id)
      .execute();
    expect(documents).toEqual([{ visibility: 'accounts' }]);
  });

  it('indexes a public event in each language it has, and takes it out when cancelled', async () => {
    const event = await create();
    const rows = await hub.handle.db
      .selectFrom('hub_documents')
      .select(['locale', 'title'])
      .where('ref_id', '=', event.id)
      .orderBy('locale')
      .execute();
    expect(rows).toEqual([
      { locale: 'en', title: 'Regional seminar on NMIRFs' },
      { locale: 'fr', title: 'Séminaire régional sur les MNMES' },
    ]);
    const cancelled = await moderator.request('PUT', `/api/hub/events/${event.id}`, {
      ...payload(),
      version: event.version,
      status: 'cancelled',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(
      await hub.handle.db.selectFrom('hub_documents').select('id').where('ref_id', '=', event.id).execute(),
    ).toEqual([]);
    const feed = await hub.app.inject({ method: 'GET', url: '/hub/en/events.ics' });
    const vevent = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .find((component) => component.getFirstPropertyValue('uid') === `${event.id}@implementa-hub`);
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    const stale = await moderator.request('PUT', `/api/hub/events/${event.id}`, {
      ...payload(),
      version: event.version,
      status: 'scheduled',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets only moderators and the hub admin publish events', async () => {
    const member = await signInNew(hub, 'member');
    expect((await member.request('POST', '/api/hub/events', payload())).statusCode).toBe(403);
    const admin = await signInNew(hub, 'hub_admin');
    expect((await admin.request('POST', '/api/hub/events', payload())).statusCode).toBe(201);
  });
});

describe('registration', () => {
  it('fills the places, then the waiting list, and gives a freed place to the first waiting, by mail', async () => {
    const event = await create({ capacity: 1, waitingList: true });
    const first = await signInNew(hub, 'member');
    const waitingUser = await makeUser(hub.handle.db, { role: 'reader', locale: 'es' });
    const second = await signInAs(hub.app, waitingUser.email);
    const one = await first.request('PUT', `/api/hub/events/${event.id}/registration`, { status: 'registered' });
    expect(one.json()).toMatchObject({ myRegistration: 'registered', registered: 1 });
    const two = await second.request('PUT', `/api/hub/events/${event.id}/registration`, { status: 'registered' });
    expect(two.json()).toMatchObject({ myRegistration: 'waiting', registered: 1, waiting: 1 });
    const cancel = await first.request('PUT', `/api/hub/events/${event.id}/registration`, { status: 'cancelled' });
    expect(cancel.json()).toMatchObject({ myRegistration: 'cancelled', registered: 1, waiting: 0 });
    expect((await second.request('GET', `/api/hub/events/${event.id}`)).json()).toMatchObject({
      myRegistration: 'registered',
    });
    const mail = await hub.waitForMail(waitingUser.email);
    expect(mail.subject).toBe('Tiene una plaza: Regional seminar on NMIRFs');
  });

  it('refuses with a clear message when full and keeping no waiting list, or over', async () => {
    const event = await create({ capacity: 1, waitingList: false });
    const first = await signInNew(hub, 'member');
    const second = await signInNew(hub, 'member');
    await first.request('PUT', `/api/hub/events/${event.id}/registration`, { status: 'registered' });
    const full = await second.request('PUT', `/api/hub/events/${event.id}/registration`, { status: 'registered' });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({
      error: { code: 'CONFLICT', issues: [{ message: 'hubCommunity.errors.eventFull' }] },
    });
    const past = await create({ start: '2020-05-01T10:00', end: '2020-05-01T11:00' });
    const over = await second.request('PUT', `/api/hub/events/${past.id}/registration`, { status: 'registered' });
    expect(over.json()).toMatchObject({ error: { issues: [{ message: 'hubCommunity.errors.eventOver' }] } });
    const anonymous = await hub.app.inject({
      method: 'PUT',
      url: `/api/hub/events/${event.id}/registration`,
      payload: { status: 'registered' },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
  });
});

describe('public events pages', () => {
  it('list public events and show one in Arabic, right to left', async () => {
    const event = await create({
      title: { en: 'Webinar on digital tracking tools', ar: 'ندوة عبر الإنترنت حول أدوات التتبع الرقمية' },
    });
    const list = await hub.app.inject({ method: 'GET', url: '/hub/en/events' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Webinar on digital tracking tools');
    const page = await hub.app.inject({ method: 'GET', url: `/hub/ar/events/${event.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain('ندوة عبر الإنترنت حول أدوات التتبع الرقمية');
    expect(page.body).toContain(`/hub/ar/events/${event.id}.ics`);
  });
});
