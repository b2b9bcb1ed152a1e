import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeReview } from '../../../../tests/factories';
import type { CalendarEvent } from '../../../shared/schemas/calendar';
import type { Page } from '../../../shared/schemas/common';
import { systemActor } from '../../http/context';
import { importTrustedFile } from '../imports/imports.service';
import { addMonths } from './calendar.rules';

let test: TestApp;
let coordinator: Client;
let viewer: Client;

const visit = {
  kind: 'sp_visit',
  title: 'Visit of the Special Rapporteur on the right to health',
  startsOn: '2031-04-14',
  endsOn: '2031-04-23',
  bodyCode: 'SR-HEALTH',
  status: 'requested',
  notes: null,
};

async function list(client: Client, query: string): Promise<Page<CalendarEvent>> {
  const response = await client.request('GET', `/api/calendar/events?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
  viewer = await signInNew(test, 'viewer');
});
afterAll(() => test.close());

describe('manual events', () => {
  it('creates, reads, edits at its version and deletes a visit, each audited', async () => {
    const created = await coordinator.request('POST', '/api/calendar/events', visit);
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json() as CalendarEvent;
    expect(event).toMatchObject({
      ...visit,
      source: 'manual',
      version: 1,
      canEdit: true,
      bodyName: expect.any(String),
    });

    const read = await viewer.request('GET', `/api/calendar/events/${event.id}`);
    expect(read.json()).toMatchObject({ id: event.id, canEdit: false });

    const edit = { ...visit, status: 'accepted', notes: 'Dates agreed by note verbale', version: 1 };
    const updated = await coordinator.request('PUT', `/api/calendar/events/${event.id}`, edit);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'accepted', version: 2, overridden: false });

    const stale = await coordinator.request('PUT', `/api/calendar/events/${event.id}`, { ...edit, status: 'held' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    expect((await coordinator.request('DELETE', `/api/calendar/events/${event.id}?version=1`)).statusCode).toBe(409);
    expect((await coordinator.request('DELETE', `/api/calendar/events/${event.id}?version=2`)).statusCode).toBe(200);
    expect((await viewer.request('GET', `/api/calendar/events/${event.id}`)).statusCode).toBe(404);

    const trail = await test.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'calendar_event')
      .where('record_id', '=', event.id)
      .orderBy('id')
      .execute();
    expect(trail.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
  });

  it('lets everyone signed in read and only coordinators and admins write', async () => {
    expect((await viewer.request('POST', '/api/calendar/events', visit)).statusCode).toBe(403);
    expect((await viewer.request('POST', '/api/calendar/recompute')).statusCode).toBe(403);
    expect((await viewer.request('GET', '/api/calendar/events?from=2031-01-01&to=2031-12-31')).statusCode).toBe(200);
    const anonymous = await test.app.inject({
      method: 'GET',
      url: '/api/calendar/events?from=2031-01-01&to=2031-12-31',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('names the field of each problem', async () => {
    const problems = async (body: object) => {
      const response = await coordinator.request('POST', '/api/calendar/events', body);
      expect(response.statusCode).toBe(400);
      return (response.json().error.issues as { path: string }[]).map((issue) => issue.path);
    };
    expect(await problems({ ...visit, endsOn: '2031-04-01' })).toContain('endsOn');
    expect(await problems({ ...visit, status: 'submitted' })).toContain('status');
    expect(await problems({ ...visit, kind: 'session', status: 'due' })).toContain('status');
    expect(await problems({ ...visit, title: null })).toContain('title');
    expect(await problems({ ...visit, bodyCode: 'NO-SUCH-BODY' })).toContain('bodyCode');
    expect(await problems({ ...visit, startsOn: '2031-02-30' })).toContain('startsOn');
  });

  it('lists the events overlapping a range, filtered and paged', async () => {
    const add = (body: object) => coordinator.request('POST', '/api/calendar/events', body);
    await add({ ...visit, startsOn: '2032-03-30', endsOn: '2032-04-03' });
    await add({ ...visit, kind: 'session', status: null, title: 'HRC 110', startsOn: '2032-04-10', endsOn: null });
    await add({ ...visit, kind: 'other', status: null, title: 'Later', startsOn: '2032-05-02', endsOn: null });
    const april = await list(viewer, 'from=2032-04-01&to=2032-04-30');
    expect(april.items.map((event) => event.startsOn)).toEqual(['2032-03-30', '2032-04-10']);
    expect((await list(viewer, 'from=2032-04-01&to=2032-04-30&kind=session')).total).toBe(1);
    expect((await list(viewer, 'from=2032-01-01&to=2032-12-31&status=requested')).total).toBe(1);
    expect((await list(viewer, 'from=2032-01-01&to=2032-12-31&body=SR-HEALTH')).total).toBe(3);
    const paged = await list(viewer, 'from=2032-01-01&to=2032-12-31&pageSize=2&page=2');
    expect(paged).toMatchObject({ total: 3, page: 2 });
    expect(paged.items.map((event) => event.title)).toEqual(['Later']);
  });
});

describe('computed events', () => {
  it('follows the reviews, idempotently, keeping a date a person set', async () => {
    const db = test.handle.db;
    const crc = await makeReview(db, {
      body_code: 'CRC',
      symbol: 'CRC/C/SVN/CO/5-6',
      review_date: '2033-05-26',
      follow_up_due: '2035-06-01',
    });
    const first = await coordinator.request('POST', '/api/calendar/recompute');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().created).toBeGreaterThanOrEqual(2);
    expect((await coordinator.request('POST', '/api/calendar/recompute')).json()).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
    });

    const events = (await list(coordinator, 'from=2033-01-01&to=2040-12-31&body=CRC')).items;
    const followUp = events.find((event) => event.kind === 'tb_follow_up_reply') as CalendarEvent;
    const periodic = events.find((event) => event.kind === 'tb_periodic_report') as CalendarEvent;
    expect(followUp).toMatchObject({ startsOn: '2035-06-01', source: 'computed', status: 'due', estimated: false });
    expect(followUp.title).toContain('CRC/C/SVN/CO/5-6');
    expect(periodic).toMatchObject({ startsOn: '2037-05-26', estimated: true });

    // The concluding observations give the real date of the next report: a person sets it.
    const set = await coordinator.request('PUT', `/api/calendar/events/${periodic.id}`, {
      kind: periodic.kind,
      title: null,
      startsOn: '2038-03-01',
      endsOn: null,
      bodyCode: 'CRC',
      status: 'due',
      notes: null,
      version: periodic.version,
    });
    expect(set.json()).toMatchObject({ startsOn: '2038-03-01', overridden: true, estimated: false });
    const kind = await coordinator.request('PUT', `/api/calendar/events/${periodic.id}`, {
      ...(set.json() as CalendarEvent),
      kind: 'other',
      status: null,
      title: 'x',
      version: set.json().version,
    });
    expect(kind.json().error.issues[0].path).toBe('kind');
    expect((await coordinator.request('DELETE', `/api/calendar/events/${periodic.id}?version=2`)).statusCode).toBe(409);

    // The committee's dates move: the computed follow-up follows, the person's date stays.
    await db
      .updateTable('reviews')
      .set({ review_date: '2033-06-02', follow_up_due: '2035-07-01' })
      .where('id', '=', crc.id)
      .execute();
    expect((await coordinator.request('POST', '/api/calendar/recompute')).json()).toMatchObject({
      updated: 1,
      kept: 1,
    });
    const after = (await list(coordinator, 'from=2033-01-01&to=2040-12-31&body=CRC')).items;
    expect(after.find((event) => event.id === followUp.id)?.startsOn).toBe('2035-07-01');
    expect(after.find((event) => event.id === periodic.id)?.startsOn).toBe('2038-03-01');

    // The follow-up date removed: its computed event goes; the overridden one is kept.
    await db.updateTable('reviews').set({ follow_up_due: null }).where('id', '=', crc.id).execute();
    expect((await coordinator.request('POST', '/api/calendar/recompute')).json()).toMatchObject({ deleted: 1 });
    expect((await coordinator.request('GET', `/api/calendar/events/${followUp.id}`)).statusCode).toBe(404);
  });

  it('are computed by an import, with the UPR mid-term and national reports', async () => {
    const db = test.handle.db;
    const name = 'A_HRC_59_15_Slovenia_working-group-report.pdf';
    const data = await readFile(new URL(`../../seed/data/slovenia/${name}`, import.meta.url));
    await importTrustedFile(db, systemActor('test'), name, data);
    const review = await db
      .selectFrom('reviews')
      .select(['id', sql<string>`to_char(review_date, 'YYYY-MM-DD')`.as('review_date')])
      .where('symbol', '=', 'A/HRC/59/15')
      .executeTakeFirstOrThrow();
    expect(review.review_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const computed = await db
      .selectFrom('calendar_events')
      .select(['kind', 'estimated', sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('starts_on')])
      .where('review_id', '=', review.id)
      .orderBy('kind')
      .orderBy('starts_on')
      .execute();
    expect(computed.map((row) => row.kind)).toEqual([
      'upr_mid_term_report',
      'upr_national_report',
      'upr_review',
      'upr_review',
    ]);
    expect(computed.find((row) => row.kind === 'upr_mid_term_report')?.starts_on).toBe(
      addMonths(review.review_date, 34),
    );
    expect(computed.filter((row) => row.kind === 'upr_review').map((row) => row.estimated)).toEqual([false, true]);
    // Computing again changes nothing.
    expect((await coordinator.request('POST', '/api/calendar/recompute')).json()).toMatchObject({
      created: 0,
      updated: 0,
      deleted: 0,
    });
  });
});
