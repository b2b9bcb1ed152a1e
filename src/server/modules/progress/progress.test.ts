import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { translatorFor } from '../../i18n';
import {
  coordinator,
  createCall,
  entity,
  type Person,
  people,
  rec,
  send,
  setUpMiniatureState,
  test,
  waitForSubject,
} from '../calls/calls.fixture';

// The miniature State of the calls tests: Labour (M1) has no validator, Education (M2) has one.
setUpMiniatureState();

const who = (name: string) => people[name] as Person;
const period = (year: number) => ({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });

async function coordinatorEmail() {
  const row = await test.handle.db
    .selectFrom('users')
    .select('email')
    .where('name', '=', 'Nina Coordinator')
    .executeTakeFirstOrThrow();
  return row.email;
}

async function create(client: Client, body: Record<string, unknown>) {
  const response = await client.request('POST', '/api/progress-updates', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; status: string; narrativeHtml: string };
}

async function step(client: Client, id: string, name: string, version: number, comment?: string) {
  return client.request('POST', `/api/progress-updates/${id}/${name}`, { version, ...(comment ? { comment } : {}) });
}

describe('a progress update of an entity without a validator', () => {
  it('is drafted with a sanitised narrative, submitted to the coordinators, validated, and sets the status', async () => {
    const labour = who('labour main').client;
    const draft = await create(labour, {
      recommendationId: rec.A,
      entityId: entity.M1,
      narrative: '<p onclick="x()">A <b>law</b> passed.<script>alert(1)</script><img src=x onerror=alert(1)></p>',
      proposedStatus: 'in_progress',
      ...period(2023),
    });
    expect(draft.status).toBe('draft');
    expect(draft.narrativeHtml).toBe('<p>A <strong>law</strong> passed.</p>');
    const stored = await test.handle.db
      .selectFrom('progress_updates')
      .select('narrative')
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(stored.narrative).toBe('<p>A <strong>law</strong> passed.</p>');

    // Not yet for the coordinators' queue, nor for a viewer's eyes.
    expect((await coordinator.request('GET', '/api/progress-updates?toValidate=true')).json().items).toEqual([]);
    expect((await who('viewer').client.request('GET', `/api/progress-updates/${draft.id}`)).statusCode).toBe(404);
    expect((await who('education main').client.request('GET', `/api/progress-updates/${draft.id}`)).statusCode).toBe(
      404,
    );

    const submitted = await step(labour, draft.id, 'submit', draft.version);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', entityHasValidator: false });
    await waitForSubject(
      await coordinatorEmail(),
      translatorFor('en')('mail.progress.submitted.subject', { subject: '' }).trim(),
    );
    expect((await step(labour, draft.id, 'submit', submitted.json().version)).statusCode).toBe(409);

    const queue = (await coordinator.request('GET', '/api/progress-updates?toValidate=true')).json();
    expect(queue.items.map((item: { id: string }) => item.id)).toEqual([draft.id]);
    const generation = async () =>
      (await test.handle.db.selectFrom('register_generation').select('generation').executeTakeFirstOrThrow())
        .generation;
    const before = await generation();
    const validated = await step(coordinator, draft.id, 'approve', submitted.json().version, 'Well documented.');
    expect(validated.statusCode, validated.body).toBe(200);
    expect(validated.json().status).toBe('validated');
    expect(validated.json().events.map((event: { step: string }) => event.step)).toEqual(['submitted', 'validated']);

    const recommendation = await test.handle.db
      .selectFrom('recommendations')
      .select('status')
      .where('id', '=', rec.A)
      .executeTakeFirstOrThrow();
    expect(recommendation.status).toBe('in_progress');
    const history = await test.handle.db
      .selectFrom('recommendation_status_history')
      .select(['status', 'cause_kind', 'progress_update_id'])
      .where('recommendation_id', '=', rec.A)
      .execute();
    expect(history).toContainEqual({ status: 'in_progress', cause_kind: 'progress', progress_update_id: draft.id });
    expect(Number(await generation())).toBeGreaterThan(Number(before));
    // Validated: everyone with the recommendation in scope reads it now.
    expect((await who('viewer').client.request('GET', `/api/progress-updates/${draft.id}`)).statusCode).toBe(200);
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('after')
      .where('record_id', '=', draft.id)
      .execute();
    expect(audit.length).toBe(3);
  });
});

describe('a progress update of an entity with a validator', () => {
  it('is returned with a comment, edited, resubmitted, endorsed, then validated', async () => {
    const education = who('education main');
    const validator = who('education validator');
    const draft = await create(education.client, {
      recommendationId: rec.C,
      entityId: entity.M2,
      narrative: '<p>Teachers trained.</p>',
      proposedStatus: 'implemented',
      ...period(2024),
    });
    let current = (await step(education.client, draft.id, 'submit', draft.version)).json();
    await waitForSubject(
      validator.email,
      'Teachers'.slice(0, 0) || translatorFor('en')('mail.progress.submitted.subject', { subject: '' }).trim(),
    );
    expect((await validator.client.request('GET', '/api/progress-updates?toValidate=true')).json().total).toBe(1);
    // The coordinator's step comes after the validator's.
    expect((await step(coordinator, draft.id, 'approve', current.version)).statusCode).toBe(403);
    const noComment = await step(validator.client, draft.id, 'return', current.version);
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.issues[0].path).toBe('comment');

    current = (await step(validator.client, draft.id, 'return', current.version, 'Add the number of teachers.')).json();
    expect(current.status).toBe('returned');
    const returned = await waitForSubject(
      education.email,
      translatorFor('ar')('mail.progress.returned.subject', { subject: '' }).trim(),
    );
    expect(returned.text).toContain('Add the number of teachers.');

    const edited = await education.client.request('PUT', `/api/progress-updates/${draft.id}`, {
      narrative: '<p>1,200 teachers trained.</p>',
      proposedStatus: 'implemented',
      version: current.version,
      ...period(2024),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    current = (await step(education.client, draft.id, 'submit', edited.json().version)).json();
    current = (await step(validator.client, draft.id, 'approve', current.version)).json();
    expect(current.status).toBe('endorsed');
    await waitForSubject(
      await coordinatorEmail(),
      translatorFor('en')('mail.progress.endorsed.subject', { subject: '' }).trim(),
    );
    expect((await step(validator.client, draft.id, 'approve', current.version)).statusCode).toBe(403);
    current = (await step(coordinator, draft.id, 'approve', current.version)).json();
    expect(current.status).toBe('validated');
    expect(
      current.events.map((event: { step: string; comment: string | null }) => [event.step, event.comment]),
    ).toEqual([
      ['submitted', null],
      ['returned', 'Add the number of teachers.'],
      ['submitted', null],
      ['endorsed', null],
      ['validated', null],
    ]);
    const list = (await education.client.request('GET', `/api/progress-updates?recommendationId=${rec.C}`)).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(draft.id);
  });
});

describe('bad input', () => {
  it('names the field and saves nothing', async () => {
    const labour = who('labour main').client;
    const count = async () =>
      Number(
        (
          await test.handle.db
            .selectFrom('progress_updates')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const base = { recommendationId: rec.B, entityId: entity.M1, narrative: '<p>x</p>' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, periodStart: '2024-12-31', periodEnd: '2024-01-01' }, 'periodEnd'],
      [{ ...base, ...period(2024), proposedStatus: 'finished' }, 'proposedStatus'],
      [{ ...base, ...period(2024), actionId: rec.B }, 'recommendationId'],
    ];
    for (const [body, path] of cases) {
      const response = await labour.request('POST', '/api/progress-updates', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
    }
    // Another entity's recommendation answers as if it did not exist.
    const outside = await labour.request('POST', '/api/progress-updates', {
      ...base,
      ...period(2024),
      recommendationId: rec.C,
    });
    expect(outside.statusCode).toBe(404);
    await create(labour, { ...base, ...period(2022) });
    const overlap = await labour.request('POST', '/api/progress-updates', {
      ...base,
      periodStart: '2022-06-01',
      periodEnd: '2023-05-31',
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.issues[0]).toMatchObject({
      path: 'periodStart',
      message: 'issues.progress.periodOverlaps',
    });
    expect(await count()).toBe(before + 1);

    const empty = await create(labour, { ...base, narrative: '<p><br></p><script>x</script>', ...period(2021) });
    const submit = await step(labour, empty.id, 'submit', empty.version);
    expect(submit.statusCode).toBe(400);
    expect(submit.json().error.issues[0].path).toBe('narrative');
    expect(
      (await labour.request('PUT', `/api/progress-updates/${empty.id}`, { ...period(2021), version: 99 })).statusCode,
    ).toBe(409);
    // The period's order is the payload schema's rule, on an edit as on a creation.
    const reversed = await labour.request('PUT', `/api/progress-updates/${empty.id}`, {
      periodStart: '2021-12-31',
      periodEnd: '2021-01-01',
      version: empty.version,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.issues).toEqual([{ path: 'periodEnd', message: 'issues.progress.periodReversed' }]);
    // Readers and other entities do not write.
    const viewer = await who('viewer').client.request('POST', '/api/progress-updates', { ...base, ...period(2019) });
    expect(viewer.statusCode).toBe(403);
  });
});

describe('answers to calls', () => {
  it('enter validation when submitted', async () => {
    const call = await createCall({ title: 'Progress on schools', recommendationIds: [rec.C], allAssigned: true });
    await send(call);
    const education = who('education alternate').client;
    const response = await education.request('PUT', `/api/calls/${call.id}/entities/${entity.M2}/answers`, {
      items: [
        { recommendationId: rec.C, narrative: 'Plain <text> answer.', proposedStatus: 'in_progress', version: null },
      ],
      submit: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const queue = (
      await who('education validator').client.request('GET', '/api/progress-updates?toValidate=true')
    ).json();
    const item = queue.items.find((entry: { callId: string | null }) => entry.callId === call.id);
    expect(item).toBeDefined();
    const detail = (await who('education validator').client.request('GET', `/api/progress-updates/${item.id}`)).json();
    expect(detail.narrativeHtml).toBe('<p>Plain &lt;text&gt; answer.</p>');
    expect(detail.events.map((event: { step: string }) => event.step)).toEqual(['submitted']);
  });
});

describe('treaty body follow-up', () => {
  it('lists the follow-up recommendations and records the grade, for coordinators only', async () => {
    await test.handle.db
      .updateTable('recommendations')
      .set({ follow_up: true, follow_up_due: '2020-06-30' })
      .where('id', '=', rec.E)
      .execute();
    const list = (await coordinator.request('GET', '/api/follow-up')).json();
    const item = list.items.find((entry: { id: string }) => entry.id === rec.E);
    expect(item).toMatchObject({ followUpDue: '2020-06-30', grade: null, overdue: true });
    const grade = { grade: 'B', gradedAt: '2021-03-01', gradeDocument: 'CCPR/C/131/2/Add.1', version: item.version };
    expect((await who('labour main').client.request('PUT', `/api/follow-up/${rec.E}/grade`, grade)).statusCode).toBe(
      403,
    );
    const graded = await coordinator.request('PUT', `/api/follow-up/${rec.E}/grade`, grade);
    expect(graded.statusCode, graded.body).toBe(200);
    expect(graded.json()).toMatchObject({
      grade: 'B',
      gradedAt: '2021-03-01',
      gradeDocument: 'CCPR/C/131/2/Add.1',
      overdue: false,
    });
    expect((await coordinator.request('PUT', `/api/follow-up/${rec.E}/grade`, grade)).statusCode).toBe(409);
    const notFollowUp = await coordinator.request('PUT', `/api/follow-up/${rec.D}/grade`, { ...grade, version: 1 });
    expect(notFollowUp.statusCode).toBe(400);
    expect(
      (await coordinator.request('GET', '/api/follow-up?ungraded=true'))
        .json()
        .items.map((entry: { id: string }) => entry.id),
    ).not.toContain(rec.E);
  });
});
