import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../i18n';
import { reminderDueAt } from '../../lib/dates';
import {
  coordinator,
  entity,
  nextYear,
  outboxTo,
  people,
  setUpMiniatureState,
  test,
  waitForSubject,
} from '../calls/calls.fixture';
import { sendActionReminder } from './actions.reminders.service';

setUpMiniatureState();

const later = `${new Date().getUTCFullYear() + 2}-03-31`;

function body(overrides: Record<string, unknown> = {}) {
  return {
    title: 'National action plan on business and human rights',
    responsibleEntityId: entity.M1,
    endDate: nextYear,
    status: 'planned',
    ...overrides,
  };
}

async function reminders(actionId: string) {
  const rows = await test.handle.db
    .selectFrom('action_reminders')
    .select(['id', 'kind', sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due'), 'status', 'job_id', 'due_at'])
    .where('action_id', '=', actionId)
    .orderBy('due_date')
    .orderBy('kind')
    .execute();
  return rows;
}

describe('reminders of an action’s due date', () => {
  it('are scheduled with the action, moved with its end date, never doubled, dropped when done', async () => {
    const created = (await coordinator.request('POST', '/api/actions', body())).json();
    let rows = await reminders(created.id);
    expect(rows.map((r) => [r.kind, r.due, r.status])).toEqual([
      ['due_soon', nextYear, 'scheduled'],
      ['overdue', nextYear, 'scheduled'],
    ]);
    expect(rows.find((r) => r.kind === 'due_soon')?.due_at.toISOString()).toBe(
      reminderDueAt(nextYear, -14).toISOString(),
    );
    expect(rows.find((r) => r.kind === 'overdue')?.due_at.toISOString()).toBe(reminderDueAt(nextYear, 1).toISOString());
    const jobs = await sql<{ id: string; start_after: Date }>`select id, start_after from pgboss.job
      where name = 'action_reminder' and data->>'reminderId' = ${rows[0]?.id}`.execute(test.handle.db);
    expect(jobs.rows).toHaveLength(1);

    // The date moves: the old reminders are cancelled, new ones scheduled.
    const moved = await coordinator.request('PUT', `/api/actions/${created.id}`, {
      ...body({ endDate: later }),
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    rows = await reminders(created.id);
    expect(rows.map((r) => [r.kind, r.due, r.status])).toEqual([
      ['due_soon', nextYear, 'cancelled'],
      ['overdue', nextYear, 'cancelled'],
      ['due_soon', later, 'scheduled'],
      ['overdue', later, 'scheduled'],
    ]);
    // And back: the same rows come back to life with a new job, no new row.
    const oldJob = rows[0]?.job_id;
    await coordinator.request('PUT', `/api/actions/${created.id}`, { ...body(), version: 2 });
    rows = await reminders(created.id);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.status === 'scheduled').map((r) => r.due)).toEqual([nextYear, nextYear]);
    expect(rows[0]?.job_id).not.toBe(oldJob);
    // The earlier job of that row, should it still run, does nothing.
    await sendActionReminder(test.deps, {
      id: oldJob as string,
      data: { reminderId: rows[0]?.id as string },
      attempt: 1,
      lastAttempt: false,
    });
    expect((await reminders(created.id))[0]?.status).toBe('scheduled');

    // Completed: nothing left to remind.
    await coordinator.request('PUT', `/api/actions/${created.id}`, { ...body({ status: 'completed' }), version: 3 });
    expect((await reminders(created.id)).filter((r) => r.status === 'scheduled')).toEqual([]);
    const detail = (await coordinator.request('GET', `/api/actions/${created.id}`)).json();
    expect(detail.reminders).toHaveLength(4);
  });

  it('mails the focal points in their language through the job worker, once, respecting their choice', async () => {
    const title = 'Equal pay audits in public companies';
    const alternate = people['labour alternate'] as (typeof people)[string];
    const main = people['labour main'];
    // The alternate focal point turned reminders about actions off (calls stay on).
    const off = await alternate.client.request('PUT', '/api/me/notifications/actions', {
      actionsByEmail: false,
    });
    expect(off.json()).toEqual({ actionsByEmail: false });

    const created = (await coordinator.request('POST', '/api/actions', body({ title }))).json();
    const [soon] = await reminders(created.id);
    // The reminder falls due now: the worker takes it at its next poll.
    await sql`update pgboss.job set start_after = now() where id = ${soon?.job_id}`.execute(test.handle.db);
    const mail = await waitForSubject(main?.email as string, title);
    const due = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(nextYear));
    expect(mail.subject).toBe(translatorFor('fr')('mail.actionDueSoon.subject', { title, due }));
    expect(mail.text).toContain(`http://implementa.test/actions/${created.id}`);
    await expect.poll(async () => (await reminders(created.id))[0]?.status, { timeout: 10_000 }).toBe('sent');
    expect(await outboxTo('action_reminder', title)).toEqual([main?.email]);

    // The job retried: nothing sent twice.
    await sendActionReminder(test.deps, {
      id: soon?.job_id as string,
      data: { reminderId: soon?.id as string },
      attempt: 2,
      lastAttempt: false,
    });
    expect(await outboxTo('action_reminder', title)).toEqual([main?.email]);

    // The date moves away and back: the reminder already sent is not sent again.
    await coordinator.request('PUT', `/api/actions/${created.id}`, { ...body({ title, endDate: later }), version: 1 });
    await coordinator.request('PUT', `/api/actions/${created.id}`, { ...body({ title }), version: 2 });
    const rows = await reminders(created.id);
    expect(rows.filter((r) => r.due === nextYear).map((r) => [r.kind, r.status])).toEqual([
      ['due_soon', 'sent'],
      ['overdue', 'scheduled'],
    ]);
  });

  it('mails the overdue reminder with its own wording, and skips an action completed meanwhile', async () => {
    const title = 'Shelters for victims of trafficking';
    const created = (
      await coordinator.request('POST', '/api/actions', body({ title, responsibleEntityId: entity.M2 }))
    ).json();
    const overdue = (await reminders(created.id)).find((r) => r.kind === 'overdue');
    await sendActionReminder(test.deps, {
      id: overdue?.job_id as string,
      data: { reminderId: overdue?.id as string },
      attempt: 1,
      lastAttempt: false,
    });
    const education = people['education main'];
    const mail = await waitForSubject(education?.email as string, title);
    const due = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(nextYear));
    expect(mail.subject).toBe(translatorFor('ar')('mail.actionOverdue.subject', { title, due }));
    await waitForSubject(people['education alternate']?.email as string, title);

    const done = (
      await coordinator.request('POST', '/api/actions', body({ title: 'Done early', responsibleEntityId: entity.M2 }))
    ).json();
    const soon = (await reminders(done.id)).find((r) => r.kind === 'due_soon');
    // Completed without going through the form (an import, say): the job checks for itself.
    await test.handle.db.updateTable('actions').set({ status: 'completed' }).where('id', '=', done.id).execute();
    await sendActionReminder(test.deps, {
      id: soon?.job_id as string,
      data: { reminderId: soon?.id as string },
      attempt: 1,
      lastAttempt: false,
    });
    expect((await reminders(done.id)).find((r) => r.kind === 'due_soon')?.status).toBe('skipped');
    expect(await outboxTo('action_reminder', 'Done early')).toEqual([]);
  });

  it('skips reminders whose time has passed when the action is recorded', async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const created = (await coordinator.request('POST', '/api/actions', body({ endDate: soon }))).json();
    expect((await reminders(created.id)).map((r) => [r.kind, r.status])).toEqual([
      ['due_soon', 'skipped'],
      ['overdue', 'scheduled'],
    ]);
  });
});
