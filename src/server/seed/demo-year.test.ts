import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/app';
import { systemActor } from '../http/context';
import { importTrustedFile } from '../modules/imports/imports.service';
import { seedDemoActions } from './demo-actions';
import { seedDemoState } from './demo-state';
import { demoClockMark, seedDemoYear } from './demo-year';

let test: TestApp;
const daysAgo = (date: Date) => Math.round((Date.now() - date.getTime()) / 86_400_000);

beforeAll(async () => {
  test = await createTestApp();
  const since = await demoClockMark(test.handle.db);
  await seedDemoState(test.handle.db);
  const name = 'slovenia-upr-cycle4-thematic-list.docx';
  const data = await readFile(new URL(`./data/slovenia/${name}`, import.meta.url));
  await importTrustedFile(test.handle.db, systemActor('test'), name, data);
  await seedDemoActions(test.handle.db);
  await seedDemoYear(test.deps, since);
  await seedDemoYear(test.deps, since); // a second start adds nothing
}, 600_000);
afterAll(() => test.close());

describe('the demo year, played through the services', () => {
  it('has two sent calls: one answered on time, late, or not at all, one open now', async () => {
    const calls = await test.handle.db
      .selectFrom('calls')
      .select(['id', 'status', sql<string>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline'), 'sent_at'])
      .orderBy('sent_at')
      .execute();
    expect(calls.map((call) => call.status)).toEqual(['sent', 'sent']);
    const [first, open] = calls;
    expect(daysAgo(first?.sent_at as Date)).toBe(270);
    expect(first?.deadline).toBe(new Date(Date.now() - 240 * 86_400_000).toISOString().slice(0, 10));
    expect(daysAgo(open?.sent_at as Date)).toBe(12);
    const tracker = await test.handle.db
      .selectFrom('progress_updates')
      .select(['status', sql<number>`count(*)::int`.as('count')])
      .where('call_id', '=', first?.id as string)
      .groupBy('status')
      .execute();
    const count = (status: string) => tracker.find((row) => row.status === status)?.count ?? 0;
    expect(count('validated')).toBeGreaterThan(5);
    expect(count('returned')).toBe(1);
    expect(count('draft')).toBeGreaterThan(0);
    // Every scheduled reminder of the open call is ahead; the first had none.
    const reminders = await test.handle.db
      .selectFrom('call_reminders')
      .select(['call_id', 'due_at', 'status'])
      .execute();
    expect(reminders.every((row) => row.call_id === open?.id)).toBe(true);
  });

  it('moved every act to its day: nothing written later than now, status changes spread over the year', async () => {
    const history = await test.handle.db
      .selectFrom('recommendation_status_history')
      .select(['cause_kind', 'changed_at'])
      .execute();
    const progress = history.filter((row) => row.cause_kind === 'progress').map((row) => daysAgo(row.changed_at));
    const batch = history.filter((row) => row.cause_kind === 'batch').map((row) => daysAgo(row.changed_at));
    expect(Math.min(...progress)).toBeGreaterThan(30);
    expect(new Set(batch).size).toBeGreaterThanOrEqual(3);
    const imported = history.filter((row) => row.cause_kind === 'import').map((row) => daysAgo(row.changed_at));
    expect(Math.min(...imported)).toBeGreaterThanOrEqual(365);
    const future = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_events where occurred_at > now()`.execute(test.handle.db);
    expect(future.rows[0]?.n).toBe(0);
    // The audit trail tells the same story: the first call sent 270 days ago.
    const sent = await test.handle.db
      .selectFrom('audit_events')
      .select('occurred_at')
      .where('record_type', '=', 'call')
      .where('action', '=', 'update')
      .orderBy('occurred_at')
      .executeTakeFirstOrThrow();
    expect(daysAgo(sent.occurred_at)).toBe(270);
  });

  it('assigned by subject, delegated to municipalities, validated with evidence, and a report in consultation', async () => {
    const delegated = await test.handle.db
      .selectFrom('assignments')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('delegated_from', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(delegated.n).toBeGreaterThan(0);
    const files = await test.handle.db.selectFrom('attachments').select('filename').orderBy('filename').execute();
    expect(files.map((file) => file.filename)).toEqual([
      'A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
      'who-maternal-mortality-ratio-sdg-3-1-1-2023.xlsx',
    ]);
    const report = await test.handle.db
      .selectFrom('reports')
      .select(['id', 'status', 'consultation_version'])
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({ status: 'consultation', consultation_version: 1 });
    const comments = await test.handle.db
      .selectFrom('report_comments')
      .select('parent_id')
      .where('report_id', '=', report.id)
      .execute();
    expect(comments.filter((row) => row.parent_id === null)).toHaveLength(3);
    expect(comments.filter((row) => row.parent_id !== null)).toHaveLength(1);
  });

  it('published its latest review and every validated update on the portal, which shows them signed out', async () => {
    const db = test.handle.db;
    const decisions = await db.selectFrom('publications').select(['subject', 'published']).execute();
    expect(decisions.filter((row) => row.subject === 'review')).toEqual([{ subject: 'review', published: true }]);
    const validated = await db
      .selectFrom('progress_updates')
      .select(['id', 'recommendation_id'])
      .where('status', '=', 'validated')
      .where('recommendation_id', 'is not', null)
      .execute();
    const published = decisions.filter((row) => row.subject === 'progress_update' && row.published);
    expect(published.length).toBeGreaterThan(0);
    const home = await test.app.inject({ method: 'GET', url: '/public/en/' });
    expect(home.statusCode).toBe(200);
    const shown = [...home.body.matchAll(/id="update-([0-9a-f-]{36})"/g)].map((match) => match[1]);
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(validated.map((row) => row.id)).toContain(id);
  });
});
