import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { coordinator, entity, type Person, people, rec, setUpMiniatureState, test } from '../calls/calls.fixture';

// The miniature State of the calls tests: Labour (M1) has no validator, Education (M2) has one.
setUpMiniatureState();

const who = (name: string) => people[name] as Person;

/** A submitted update of the entity on the recommendation for that year. */
async function submitted(client: Client, recommendationId: string, entityId: string, year: number) {
  const created = await client.request('POST', '/api/progress-updates', {
    recommendationId,
    entityId,
    narrative: `<p>Work done in ${year}.</p>`,
    proposedStatus: 'in_progress',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id, version } = created.json();
  const done = await client.request('POST', `/api/progress-updates/${id}/submit`, { version });
  expect(done.statusCode, done.body).toBe(200);
  return { id: id as string, version: done.json().version as number };
}

describe('the validation queue', () => {
  it('names each recommendation by number with an excerpt of its text, in the reader’s language or the original', async () => {
    const labour = who('labour main').client;
    const first = await submitted(labour, rec.A, entity.M1, 2019);
    const queue = await coordinator.request('GET', '/api/progress-updates?toValidate=true&lang=en');
    expect(queue.statusCode, queue.body).toBe(200);
    const item = queue.json().items.find((entry: { id: string }) => entry.id === first.id);
    const stored = await test.handle.db
      .selectFrom('recommendations')
      .select(['number', 'text_en', 'original_lang'])
      .where('id', '=', rec.A)
      .executeTakeFirstOrThrow();
    expect(item.recommendation).toMatchObject({ id: rec.A, number: stored.number, textLang: 'en' });
    expect(item.recommendation.text.length).toBeGreaterThan(20);
    expect(stored.text_en?.startsWith(item.recommendation.text)).toBe(true);
    expect(item.version).toBe(first.version);
  });
});

describe('bulk validation', () => {
  it('validates each update on its own and says which failed and why', async () => {
    const labour = who('labour main').client;
    const a = await submitted(labour, rec.A, entity.M1, 2020);
    const b = await submitted(labour, rec.B, entity.M1, 2020);
    // Education has a validator: its submitted update waits for that step, not the coordinator's.
    const education = await submitted(who('education main').client, rec.C, entity.M2, 2020);
    const response = await coordinator.request('POST', '/api/progress-updates/bulk/approve', {
      items: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version + 5 },
        { id: education.id, version: education.version },
        { id: '00000000-0000-4000-8000-000000000000', version: 1 },
      ],
      comment: 'Checked against the ministry’s annual report.',
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ succeeded: 1, failed: 3 });
    expect(
      body.results.map((r: { ok: boolean; status: string | null; code: string | null }) => [r.ok, r.status, r.code]),
    ).toEqual([
      [true, 'validated', null],
      [false, null, 'STALE_VERSION'],
      [false, null, 'FORBIDDEN'],
      [false, null, 'NOT_FOUND'],
    ]);
    for (const result of body.results.slice(1)) expect(result.message).toMatch(/\w{3,}/);

    // Done as on the update's own page: status, history with the comment, audit, the recommendation's status.
    const rows = await test.handle.db
      .selectFrom('progress_updates')
      .select(['id', 'status'])
      .where('id', 'in', [a.id, b.id, education.id])
      .execute();
    expect(Object.fromEntries(rows.map((row) => [row.id, row.status]))).toEqual({
      [a.id]: 'validated',
      [b.id]: 'submitted',
      [education.id]: 'submitted',
    });
    const event = await test.handle.db
      .selectFrom('progress_update_events')
      .select(['step', 'comment'])
      .where('progress_update_id', '=', a.id)
      .where('step', '=', 'validated')
      .executeTakeFirstOrThrow();
    expect(event.comment).toBe('Checked against the ministry’s annual report.');
    const audited = await test.handle.db
      .selectFrom('audit_events')
      .select('record_id')
      .where('record_type', '=', 'progress_update')
      .where('record_id', 'in', [a.id, b.id])
      .where('action', '=', 'update')
      .execute();
    // a: submitted and validated; b: submitted only.
    expect(audited.filter((row) => row.record_id === a.id)).toHaveLength(2);
    expect(audited.filter((row) => row.record_id === b.id)).toHaveLength(1);
  });

  it('returns several with one comment; the validator of the entity endorses in bulk', async () => {
    const educationMain = who('education main').client;
    const validator = who('education validator').client;
    const one = await submitted(educationMain, rec.B, entity.M2, 2021);
    const two = await submitted(educationMain, rec.C, entity.M2, 2021);

    const noComment = await validator.request('POST', '/api/progress-updates/bulk/return', {
      items: [{ id: one.id, version: one.version }],
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.issues[0]).toMatchObject({ path: 'comment' });

    const returned = await validator.request('POST', '/api/progress-updates/bulk/return', {
      items: [{ id: one.id, version: one.version }],
      comment: 'Add the budget figures.',
    });
    expect(returned.json()).toMatchObject({ succeeded: 1, failed: 0, results: [{ id: one.id, status: 'returned' }] });
    const endorsed = await validator.request('POST', '/api/progress-updates/bulk/approve', {
      items: [
        { id: two.id, version: two.version },
        { id: one.id, version: one.version + 1 },
      ],
    });
    expect(
      endorsed.json().results.map((r: { status: string | null; code: string | null }) => r.status ?? r.code),
    ).toEqual(['endorsed', 'CONFLICT']);
  });

  it('refuses people without a queue, duplicates and empty lists, naming the field', async () => {
    const body = { items: [{ id: rec.A, version: 1 }], comment: 'x' };
    expect((await who('viewer').client.request('POST', '/api/progress-updates/bulk/approve', body)).statusCode).toBe(
      403,
    );
    expect(
      (await who('labour main').client.request('POST', '/api/progress-updates/bulk/return', body)).statusCode,
    ).toBe(403);
    const duplicate = await coordinator.request('POST', '/api/progress-updates/bulk/approve', {
      items: [body.items[0], body.items[0]],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.issues[0]).toMatchObject({ path: 'items' });
    expect((await coordinator.request('POST', '/api/progress-updates/bulk/approve', { items: [] })).statusCode).toBe(
      400,
    );
  });
});
