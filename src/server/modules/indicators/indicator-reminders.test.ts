import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeEntity, makeStateProfile, makeUser, seatPerson } from '../../../../tests/factories';
import { rescheduleReminder } from './indicator-reminders.service';

let test: TestApp;
let coordinator: Client;

// 40 days ahead: a monthly indicator's next due date (the end of a month) is always within reach.
beforeAll(async () => {
  test = await createTestApp({ INDICATOR_REMINDER_DAYS: 40 });
  await makeStateProfile(test.handle.db);
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

const reminders = (indicatorId: string) =>
  test.handle.db
    .selectFrom('indicator_reminders')
    .select(['status', 'job_id'])
    .select((eb) => eb.fn<string>('to_char', [eb.ref('due_date'), eb.val('YYYY-MM-DD')]).as('due_date'))
    .where('indicator_id', '=', indicatorId)
    .orderBy('created_at')
    .execute();

describe('due dates and reminders of indicators', () => {
  it('mails the data owner’s focal points before the due date, once, respecting their preference', async () => {
    const db = test.handle.db;
    const owner = await makeEntity(db, { kind: 'ministry' });
    const main = await makeUser(db, { role: 'focal_point', locale: 'fr' });
    const alternate = await makeUser(db, { role: 'focal_point' });
    const member = await makeUser(db, { role: 'contributor' });
    await seatPerson(db, owner.id, main.id, 'main');
    await seatPerson(db, owner.id, alternate.id, 'alternate');
    await seatPerson(db, owner.id, member.id, 'member');
    await db
      .insertInto('notification_preferences')
      .values({ user_id: alternate.id, indicators_by_email: false })
      .execute();
    const created = await coordinator.request('POST', '/api/indicators', {
      code: 'REM-1',
      title: 'Households connected to the sewer',
      type: 'process',
      unit: '%',
      frequency: 'monthly',
      ownerEntityId: owner.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const mail = await test.waitForMail(main.email);
    expect(mail.subject).toContain('REM-1');
    expect(mail.text).toContain(`http://implementa.test/indicators/${id}`);
    const rows = await reminders(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', due_date: created.json().nextDue });
    const outbox = await db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('kind', '=', 'indicator_reminder')
      .execute();
    expect(outbox.map((m) => m.to_address)).toEqual([main.email]);
  });

  it('reschedules idempotently: the same due date keeps its one row; a new observation moves it', async () => {
    const owner = await makeEntity(test.handle.db, { kind: 'agency' });
    const created = await coordinator.request('POST', '/api/indicators', {
      code: 'REM-2',
      title: 'Annual budget for shelters',
      type: 'structural',
      unit: 'EUR',
      frequency: 'annual',
      ownerEntityId: owner.id,
      baselineValue: 100,
      baselineYear: new Date().getUTCFullYear(),
    });
    const id = created.json().id;
    const dueNextYear = `${new Date().getUTCFullYear() + 1}-12-31`;
    expect(created.json().nextDue).toBe(dueNextYear);
    await test.handle.db.transaction().execute(async (trx) => {
      await rescheduleReminder(trx, test.deps, id);
      await rescheduleReminder(trx, test.deps, id);
    });
    const once = await reminders(id);
    expect(once).toEqual([expect.objectContaining({ status: 'scheduled', due_date: dueNextYear })]);
    const year = new Date().getUTCFullYear() + 1;
    await coordinator.request('POST', `/api/indicators/${id}/observations`, {
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      value: 120,
    });
    const moved = await reminders(id);
    expect(moved.map((r) => [r.status, r.due_date])).toEqual([
      ['cancelled', dueNextYear],
      ['scheduled', `${year + 1}-12-31`],
    ]);
  });
});
