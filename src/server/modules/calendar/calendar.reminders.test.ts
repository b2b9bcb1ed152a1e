import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';
import type { CalendarEvent } from '../../../shared/schemas/calendar';
import { addDays } from './calendar.rules';

// A day far from today, so that the run the app schedules for today at start-up sees none of these.
const day = '2040-01-02';

let test: TestApp;
let coordinator: Client;
let coordinatorEmail: string;
let optedOutEmail: string;

/** Runs the day's reminders through the queue and waits until the job is done. */
async function runReminders(): Promise<void> {
  const id = await test.deps.jobs.send(test.handle.db, 'calendar_reminders', { day });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(
      test.handle.db,
    );
    if (rows[0]?.state === 'completed') return;
    if (rows[0]?.state === 'failed') throw new Error('the reminder job failed');
    if (Date.now() > deadline) throw new Error('the reminder job did not finish');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const mailsTo = (email: string) => test.inbox.filter((mail) => mail.to.includes(email));

async function addEvent(title: string, startsOn: string, kind = 'sp_communication_reply', status = 'due') {
  const response = await coordinator.request('POST', '/api/calendar/events', {
    kind,
    title,
    startsOn,
    endsOn: null,
    bodyCode: null,
    status,
    notes: null,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CalendarEvent;
}

beforeAll(async () => {
  test = await createTestApp();
  const user = await makeUser(test.handle.db, { role: 'coordinator', name: 'Nina Coordinator' });
  coordinatorEmail = user.email;
  coordinator = await signInAs(test.app, user.email);
  const optedOut = await makeUser(test.handle.db, { role: 'coordinator' });
  optedOutEmail = optedOut.email;
  const other = await signInAs(test.app, optedOut.email);
  const pref = await other.request('PUT', '/api/calendar/preferences', { remindersByEmail: false });
  expect(pref.json()).toEqual({ remindersByEmail: false });
});
afterAll(() => test.close());

describe('calendar reminders', () => {
  it('mails coordinators once per reminder window, and again when a date moves', async () => {
    const soon = await addEvent('Reply to the urgent appeal on housing', addDays(day, 5));
    await addEvent('Reply to the allegation letter on detention', addDays(day, 20));
    await addEvent('Far away report', addDays(day, 60));
    await addEvent('Already submitted reply', addDays(day, 3), 'sp_communication_reply', 'submitted');
    await addEvent('Visit only requested', addDays(day, 4), 'sp_visit', 'requested');

    await runReminders();
    const mail = await test.waitForMail(coordinatorEmail);
    expect(mail.subject).toContain('2 dates coming up');
    expect(mail.text).toContain('Hello Nina Coordinator');
    expect(mail.text).toContain('Reply to the urgent appeal on housing (in 5 days)');
    expect(mail.text).toContain('Reply to the allegation letter on detention (in 20 days)');
    expect(mail.text).not.toContain('Far away');
    expect(mail.text).not.toContain('Already submitted');
    expect(mail.text).not.toContain('Visit only requested');
    expect(mail.text).toContain('http://implementa.test/calendar');

    // The same day again (a retried job): nothing new is sent.
    await runReminders();
    const rows = await test.handle.db
      .selectFrom('calendar_reminders_sent')
      .select(['event_id', 'days_before'])
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.event_id === soon.id)?.days_before).toBe(7);

    // The reply's date moves: its reminder is due again for the new date.
    const moved = await coordinator.request('PUT', `/api/calendar/events/${soon.id}`, {
      kind: 'sp_communication_reply',
      title: soon.title,
      startsOn: addDays(day, 6),
      endsOn: null,
      bodyCode: null,
      status: 'due',
      notes: null,
      version: soon.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await runReminders();
    const deadline = Date.now() + 15_000;
    while (mailsTo(coordinatorEmail).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const mails = mailsTo(coordinatorEmail);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toContain('1 date coming up');
    expect(mails[1]?.text).toContain('(in 6 days)');
    expect(mailsTo(optedOutEmail)).toHaveLength(0);

    const outbox = await test.handle.db
      .selectFrom('mail_outbox')
      .select('kind')
      .where('kind', '=', 'calendar_reminder')
      .execute();
    expect(outbox).toHaveLength(2);
  });

  it('keeps the reminder days as a setting only coordinators change, at its version', async () => {
    const viewer = await signInNew(test, 'viewer');
    const current = (await viewer.request('GET', '/api/calendar/settings')).json();
    expect(current).toEqual({ remindDays: [30, 7], version: 1 });
    expect((await viewer.request('PUT', '/api/calendar/settings', current)).statusCode).toBe(403);
    const saved = await coordinator.request('PUT', '/api/calendar/settings', { remindDays: [3, 14], version: 1 });
    expect(saved.json()).toEqual({ remindDays: [14, 3], version: 2 });
    expect((await coordinator.request('PUT', '/api/calendar/settings', current)).statusCode).toBe(409);
    const duplicate = await coordinator.request('PUT', '/api/calendar/settings', { remindDays: [3, 3], version: 2 });
    expect(duplicate.json().error.issues[0].path).toBe('remindDays');
  });
});
