import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';
import type { CalendarEvent, CalendarFeed } from '../../../shared/schemas/calendar';

/** A small RFC 5545 reader: unfolds lines, splits name;params:value, unescapes text, nests components. */
interface Component {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: Component[];
}
function parseICalendar(text: string): Component {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const root: Component = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [name = '', ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1] as Component;
    if (name === 'BEGIN') {
      const child = { name: value, props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(top.name).toBe(value);
      stack.pop();
    } else {
      top.props.push({
        name,
        params: Object.fromEntries(params.map((param) => param.split('=') as [string, string])),
        value: value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char)),
      });
    }
  }
  expect(stack).toHaveLength(1);
  return root;
}
const prop = (component: Component, name: string) => component.props.find((p) => p.name === name);

let test: TestApp;
let coordinator: Client;
let reader: Client;

beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
  reader = await signInAs(test.app, (await makeUser(test.handle.db, { role: 'viewer', locale: 'fr' })).email);
});
afterAll(() => test.close());

async function feedOf(url: string) {
  const path = new URL(url).pathname;
  return test.app.inject({ method: 'GET', url: path });
}

describe('the iCalendar feed', () => {
  it('lists every event as an all-day VEVENT with a stable UID, in the owner’s language', async () => {
    const future = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const tricky = 'Visit; agenda, notes\\ and "quotes"';
    const created = await coordinator.request('POST', '/api/calendar/events', {
      kind: 'sp_visit',
      title: tricky,
      startsOn: future,
      endsOn: null,
      bodyCode: 'SR-HEALTH',
      status: 'scheduled',
      notes: 'Line one\nLine two',
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as CalendarEvent;
    const multi = (
      await coordinator.request('POST', '/api/calendar/events', {
        kind: 'session',
        title: 'Human Rights Council',
        startsOn: '2031-06-16',
        endsOn: '2031-07-11',
        bodyCode: null,
        status: null,
        notes: null,
      })
    ).json() as CalendarEvent;

    expect((await reader.request('GET', '/api/calendar/feed')).json()).toMatchObject({ active: false, url: null });
    const first = (await reader.request('POST', '/api/calendar/feed')).json() as CalendarFeed;
    expect(first.url).toMatch(/^http:\/\/implementa\.test\/api\/calendar\/feed\/[\w-]{43}\.ics$/);
    // The address is shown once: afterwards only that a feed exists.
    expect((await reader.request('GET', '/api/calendar/feed')).json()).toMatchObject({ active: true, url: null });

    const response = await feedOf(first.url as string);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const root = parseICalendar(response.body);
    const calendar = root.children[0] as Component;
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    const vevents = calendar.children.filter((child) => child.name === 'VEVENT');
    const visit = vevents.find((vevent) => prop(vevent, 'UID')?.value === `${event.id}@implementa`) as Component;
    expect(visit).toBeDefined();
    expect(prop(visit, 'SUMMARY')?.value).toBe(tricky);
    expect(prop(visit, 'DTSTART')).toMatchObject({ params: { VALUE: 'DATE' }, value: future.replaceAll('-', '') });
    expect(prop(visit, 'DESCRIPTION')?.value).toBe('Programmée\nLine one\nLine two');
    const alarm = visit.children.find((child) => child.name === 'VALARM') as Component;
    expect(prop(alarm, 'TRIGGER')?.value).toBe('-P7D');

    // A visit of several days ends (exclusively) the day after its last day.
    const session = vevents.find((vevent) => prop(vevent, 'UID')?.value === `${multi.id}@implementa`) as Component;
    expect(prop(session, 'DTSTART')?.value).toBe('20310616');
    expect(prop(session, 'DTEND')?.value).toBe('20310712');

    // A new address: the same events keep their UIDs; the old address stops working.
    const second = (await reader.request('POST', '/api/calendar/feed')).json() as CalendarFeed;
    expect(second.url).not.toBe(first.url);
    expect((await feedOf(first.url as string)).statusCode).toBe(404);
    const again = parseICalendar((await feedOf(second.url as string)).body).children[0] as Component;
    const uids = (component: Component) =>
      component.children
        .filter((child) => child.name === 'VEVENT')
        .map((child) => prop(child, 'UID')?.value)
        .sort();
    expect(uids(again)).toEqual(uids(calendar));
    expect((await reader.request('GET', '/api/calendar/feed')).json().lastUsedAt).not.toBeNull();

    expect((await reader.request('DELETE', '/api/calendar/feed')).statusCode).toBe(200);
    expect((await feedOf(second.url as string)).statusCode).toBe(404);
  });

  it('answers 404 for a malformed or unknown token', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/calendar/feed/nope.ics' })).statusCode).toBe(404);
    const unknown = `/api/calendar/feed/${'a'.repeat(43)}.ics`;
    expect((await test.app.inject({ method: 'GET', url: unknown })).statusCode).toBe(404);
  });

  it('stops serving a disabled account’s feed', async () => {
    const user = await makeUser(test.handle.db, { role: 'viewer' });
    const client = await signInAs(test.app, user.email);
    const feed = (await client.request('POST', '/api/calendar/feed')).json() as CalendarFeed;
    expect((await feedOf(feed.url as string)).statusCode).toBe(200);
    await test.handle.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await feedOf(feed.url as string)).statusCode).toBe(404);
  });
});
