import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { translatorFor } from '../../i18n';
import { reminderDueAt } from '../../lib/dates';
import {
  coordinator,
  createCall,
  entity,
  nextYear,
  outboxTo,
  type Person,
  people,
  rec,
  send,
  setUpMiniatureState,
  test,
  today,
  waitForSubject,
} from './calls.fixture';
import { sendCallReminder } from './calls.sending.service';

setUpMiniatureState();

describe('a call sent, answered and tracked', () => {
  let call: { id: string; version: number };
  const title = 'Follow-up on labour and education';

  it('sends: an inbox item per entity, mail to focal points in their language, reminders scheduled', async () => {
    // The education alternate has turned off calls by e-mail.
    const off = await people['education alternate']?.client.request('PUT', '/api/me/notifications', {
      callsByEmail: false,
    });
    expect(off?.json()).toEqual({ callsByEmail: false });
    const created = await createCall({ title, recommendationIds: [rec.A, rec.B, rec.C], allAssigned: true });
    expect(created).toMatchObject({ entityCount: 2, recommendationCount: 3 });
    call = created;
    const sent = await send(call);
    expect(sent).toMatchObject({ status: 'sent', canEdit: false, canSend: false });
    expect(
      sent.reminders.map((r: { daysFromDeadline: number; status: string }) => [r.daysFromDeadline, r.status]),
    ).toEqual([
      [-7, 'scheduled'],
      [-1, 'scheduled'],
      [3, 'scheduled'],
    ]);

    const inbox = await test.handle.db
      .selectFrom('inbox_items')
      .select('entity_id')
      .where('call_id', '=', call.id)
      .execute();
    expect(inbox.map((row) => row.entity_id).sort()).toEqual([entity.M1, entity.M2].sort());

    for (const [name, count] of [
      ['labour main', 2],
      ['labour alternate', 2],
      ['education main', 2],
    ] as const) {
      const who = people[name] as Person;
      const t = translatorFor(who.locale);
      const mail = await waitForSubject(who.email, title);
      expect(mail.subject, name).toBe(t('mail.call.subject', { title }));
      expect(mail.text).toContain(`http://implementa.test/inbox/${call.id}/`);
      expect(mail.text).toContain('Please tell us what your ministry has done');
      expect(mail.text).toContain('Nina Coordinator');
      expect(count).toBe(2);
    }
    expect((people['labour main'] as Person).locale).toBe('fr');
    expect((await waitForSubject(people['labour main']?.email ?? '', title)).subject).toMatch(
      /^Demande de contributions/,
    );
    // Members, validators and those who turned it off get no mail; the inbox item is there regardless.
    expect(await outboxTo('call_for_input', title)).toEqual(
      [people['labour main'], people['labour alternate'], people['education main']].map((p) => p?.email).sort(),
    );

    // One pg-boss job per reminder, due at 08:00 UTC on its day.
    const jobs = await sql<{ start_after: Date; data: { reminderId: string } }>`
      select start_after, data from pgboss.job where name = 'call_reminder' order by start_after`.execute(
      test.handle.db,
    );
    expect(jobs.rows.map((job) => job.start_after.toISOString())).toEqual([
      reminderDueAt(nextYear, -7).toISOString(),
      reminderDueAt(nextYear, -1).toISOString(),
      reminderDueAt(nextYear, 3).toISOString(),
    ]);
    expect(reminderDueAt('2026-07-01', -1).toISOString()).toBe('2026-06-30T08:00:00.000Z');

    const again = await coordinator.request('POST', `/api/calls/${call.id}/send`, { version: sent.version });
    expect(again.statusCode).toBe(409);
    const edit = await coordinator.request('POST', `/api/calls/${call.id}/recommendations`, {
      recommendationIds: [rec.E],
    });
    expect(edit.statusCode).toBe(409);
  });

  it('shows the call in the inbox of each entity’s people, and nobody else’s', async () => {
    const seen: [string, string[]][] = [
      ['labour member', [entity.M1]],
      ['labour main', [entity.M1]],
      ['education validator', [entity.M2]],
      ['region main', []],
      ['viewer', []],
    ];
    for (const [name, entities] of seen) {
      const inbox = (await people[name]?.client.request('GET', '/api/inbox'))?.json();
      expect(
        inbox.items
          .filter((item: { call: { id: string } }) => item.call.id === call.id)
          .map((i: { entity: { id: string } }) => i.entity.id),
        name,
      ).toEqual(entities);
    }
    const item = (await people['labour member']?.client.request('GET', '/api/inbox'))?.json().items[0];
    expect(item).toMatchObject({
      status: 'not_started',
      itemCount: 2,
      submittedCount: 0,
      call: { title, deadline: nextYear },
    });
  });

  it('lets a focal point answer for its entity: drafts, then submits each recommendation of its own', async () => {
    const member = people['labour member']?.client as Client;
    const url = `/api/calls/${call.id}/entities/${entity.M1}/answers`;
    const form = (await member.request('GET', url)).json();
    expect(form).toMatchObject({ canAnswer: true, status: 'not_started', total: 2, call: { title } });
    expect(form.items.map((item: { recommendation: { id: string } }) => item.recommendation.id).sort()).toEqual(
      [rec.A, rec.B].sort(),
    );
    expect(form.statusOptions.map((o: { code: string }) => o.code)).toContain('in_progress');

    const draft = await member.request('PUT', url, {
      items: [{ recommendationId: rec.A, narrative: 'A draft about A.', proposedStatus: null, version: null }],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().status).toBe('draft');
    const versionA = draft.json().saved[0].update.version;

    // Submitting needs a narrative and a proposed status on every item; statuses must exist.
    const incomplete = await member.request('PUT', url, {
      items: [
        { recommendationId: rec.A, narrative: 'Done.', proposedStatus: 'nonsense', version: versionA },
        { recommendationId: rec.B, narrative: '', proposedStatus: 'in_progress', version: null },
      ],
      submit: true,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.issues).toEqual([
      { path: 'items.0.proposedStatus', message: 'issues.unknownStatus' },
      { path: 'items.1.narrative', message: 'issues.call.narrativeRequired' },
    ]);

    const submitted = await people['labour main']?.client.request('PUT', url, {
      items: [
        {
          recommendationId: rec.A,
          narrative: 'The law on social assistance was amended.',
          proposedStatus: 'implemented',
          version: versionA,
        },
        {
          recommendationId: rec.B,
          narrative: 'A working group was set up.',
          proposedStatus: 'in_progress',
          version: null,
        },
      ],
      submit: true,
    });
    expect(submitted?.statusCode, submitted?.body).toBe(200);
    expect(submitted?.json().status).toBe('answered_on_time');
    const row = await test.handle.db
      .selectFrom('progress_updates')
      .selectAll()
      .where('call_id', '=', call.id)
      .where('recommendation_id', '=', rec.A)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      entity_id: entity.M1,
      status: 'submitted',
      proposed_status: 'implemented',
      version: 2,
    });
    expect(row.submitted_by).toBe(people['labour main']?.client.userId);

    // Submitted answers stay as they are.
    const change = await member.request('PUT', url, {
      items: [{ recommendationId: rec.A, narrative: 'Changed.', proposedStatus: 'implemented', version: 2 }],
    });
    expect(change.statusCode).toBe(409);
  });

  it('answers another entity’s call or recommendation as if it did not exist', async () => {
    const labour = people['labour main']?.client as Client;
    const cases: [Client, 'GET' | 'PUT', string, unknown][] = [
      // C is Education's alone: not in Labour's answer.
      [
        labour,
        'PUT',
        `/api/calls/${call.id}/entities/${entity.M1}/answers`,
        { items: [{ recommendationId: rec.C, narrative: 'x', version: null }] },
      ],
      // Education's answers, read or written by Labour's focal point.
      [labour, 'GET', `/api/calls/${call.id}/entities/${entity.M2}/answers`, undefined],
      [
        labour,
        'PUT',
        `/api/calls/${call.id}/entities/${entity.M2}/answers`,
        { items: [{ recommendationId: rec.C, narrative: 'x', version: null }] },
      ],
      // The region was not asked.
      [
        people['region main']?.client as Client,
        'GET',
        `/api/calls/${call.id}/entities/${entity.R1}/answers`,
        undefined,
      ],
      [people.viewer?.client as Client, 'GET', `/api/calls/${call.id}/entities/${entity.M1}/answers`, undefined],
    ];
    for (const [client, method, url, body] of cases) {
      const response = await client.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // The validator reads its entity's answer but does not write it.
    const validator = people['education validator']?.client as Client;
    const read = await validator.request('GET', `/api/calls/${call.id}/entities/${entity.M2}/answers`);
    expect(read.json()).toMatchObject({ canAnswer: false });
    const write = await validator.request('PUT', `/api/calls/${call.id}/entities/${entity.M2}/answers`, {
      items: [{ recommendationId: rec.C, narrative: 'x', version: null }],
    });
    expect(write.statusCode).toBe(403);
  });

  it('reminds, through the job worker, only the entities that have not answered', async () => {
    const reminder = await test.handle.db
      .selectFrom('call_reminders')
      .select(['id', 'job_id'])
      .where('call_id', '=', call.id)
      .where('days_from_deadline', '=', -7)
      .executeTakeFirstOrThrow();
    // The reminder falls due now: the worker takes it at its next poll.
    await sql`update pgboss.job set start_after = now() where id = ${reminder.job_id}`.execute(test.handle.db);
    const who = people['education main'] as Person;
    const t = translatorFor(who.locale);
    const deadline = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(nextYear));
    const mail = await waitForSubject(who.email, t('mail.callReminder.subject', { title, deadline }));
    expect(mail.text).toContain(`/inbox/${call.id}/${entity.M2}`);
    expect(await outboxTo('call_reminder', title)).toEqual([who.email]);
    const row = await test.handle.db
      .selectFrom('call_reminders')
      .select(['status', 'entity_count', 'mail_count'])
      .where('id', '=', reminder.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', entity_count: 1, mail_count: 1 });

    // Run again (a retried job): nothing is sent twice.
    await sendCallReminder(test.deps, {
      id: 'again',
      data: { reminderId: reminder.id },
      attempt: 2,
      lastAttempt: false,
    });
    expect(await outboxTo('call_reminder', title)).toEqual([who.email]);
  });

  it('reminds at once when the coordinator asks, the same way: only those not answered', async () => {
    const before = (await outboxTo('call_reminder', title)).length;
    expect((await people['labour main']?.client.request('POST', `/api/calls/${call.id}/reminders`))?.statusCode).toBe(
      403,
    );
    const asked = await coordinator.request('POST', `/api/calls/${call.id}/reminders`);
    expect(asked.statusCode, asked.body).toBe(200);
    const who = people['education main'] as Person;
    await expect.poll(() => outboxTo('call_reminder', title), { timeout: 15_000 }).toHaveLength(before + 1);
    expect(new Set(await outboxTo('call_reminder', title))).toEqual(new Set([who.email]));
    const manual = await test.handle.db
      .selectFrom('call_reminders')
      .select(['status', 'entity_count'])
      .where('call_id', '=', call.id)
      .where('manual', '=', true)
      .executeTakeFirstOrThrow();
    expect(manual).toEqual({ status: 'sent', entity_count: 1 });
    const listed = await coordinator.request('GET', '/api/calls');
    expect(listed.statusCode, listed.body).toBe(200);
    const detail = await coordinator.request('GET', `/api/calls/${call.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
  });

  it('tracks each entity: answered on time, not started', async () => {
    const tracker = (await coordinator.request('GET', `/api/calls/${call.id}/tracker`)).json();
    expect(
      tracker.items.map((row: { entity: { name: string }; status: string }) => [row.entity.name, row.status]),
    ).toEqual([
      ['Ministry of Education', 'not_started'],
      ['Ministry of Labour', 'answered_on_time'],
    ]);
    expect(tracker.counts).toMatchObject({ answered_on_time: 1, not_started: 1, late: 0 });
    const answers = (await coordinator.request('GET', `/api/calls/${call.id}/entities/${entity.M1}/answers`)).json();
    expect(answers.canAnswer).toBe(false);
    expect(answers.items.map((item: { update: { narrative: string } }) => item.update.narrative).sort()).toEqual([
      'A working group was set up.',
      'The law on social assistance was amended.',
    ]);
    expect((await people['labour main']?.client.request('GET', `/api/calls/${call.id}/tracker`))?.statusCode).toBe(403);
  });
});

describe('deadlines passed', () => {
  it('shows who is late and who answered late; reminders after the deadline go to the late ones', async () => {
    const call = await createCall({
      title: 'Data for the periodic report',
      deadline: today(),
      recommendationIds: [rec.C, rec.D],
      allAssigned: true,
      remindBefore: [3],
      remindAfter: [2],
    });
    const sent = await send(call);
    // The reminder 3 days before a deadline of today is already past: skipped.
    expect(
      sent.reminders.map((r: { daysFromDeadline: number; status: string }) => [r.daysFromDeadline, r.status]),
    ).toEqual([
      [-3, 'skipped'],
      [2, 'scheduled'],
    ]);
    const region = people['region main']?.client as Client;
    const answered = await region.request('PUT', `/api/calls/${call.id}/entities/${entity.R1}/answers`, {
      items: [
        {
          recommendationId: rec.D,
          narrative: 'Regional action plan adopted.',
          proposedStatus: 'in_progress',
          version: null,
        },
      ],
      submit: true,
    });
    expect(answered.json().status).toBe('answered_on_time');
    // Time passes: the deadline was two days ago, so the region's answer came late.
    await sql`update calls set deadline = (now() at time zone 'UTC')::date - 2 where id = ${call.id}`.execute(
      test.handle.db,
    );
    const tracker = (await coordinator.request('GET', `/api/calls/${call.id}/tracker?pageSize=1`)).json();
    expect(tracker).toMatchObject({ total: 2, counts: { late: 1, answered_late: 1 } });
    expect(tracker.items).toHaveLength(1);
    expect(tracker.items[0]).toMatchObject({ entity: { name: 'Ministry of Education' }, status: 'late' });
    const late = (await coordinator.request('GET', `/api/calls/${call.id}/tracker?status=late`)).json();
    expect(late.items.map((row: { entity: { id: string } }) => row.entity.id)).toEqual([entity.M2]);
    const list = (await coordinator.request('GET', '/api/calls?status=sent')).json();
    expect(list.items.find((item: { id: string }) => item.id === call.id)).toMatchObject({
      lateCount: 1,
      answeredCount: 1,
    });

    const reminder = await test.handle.db
      .selectFrom('call_reminders')
      .select('id')
      .where('call_id', '=', call.id)
      .where('days_from_deadline', '=', 2)
      .executeTakeFirstOrThrow();
    await sendCallReminder(test.deps, {
      id: 'direct',
      data: { reminderId: reminder.id },
      attempt: 1,
      lastAttempt: false,
    });
    const who = people['education main'] as Person;
    const overdue = translatorFor('ar')('mail.callOverdue.subject', {
      title: 'Data for the periodic report',
      deadline: new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(Date.now() - 2 * 86_400_000),
      ),
    });
    const mail = await waitForSubject(who.email, overdue);
    expect(mail.text).toContain(`/inbox/${call.id}/${entity.M2}`);
    expect(await outboxTo('call_reminder', 'Data for the periodic report')).toEqual([who.email]);
  });
});
