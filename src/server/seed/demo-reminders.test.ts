import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/app';
import { scheduleDemoReminders } from './demo-reminders';
import { seedDemoRegister, seedDemoState } from './demo-state';

let test: TestApp;

beforeAll(async () => {
  test = await createTestApp();
  await seedDemoState(test.handle.db);
  await seedDemoRegister(test.handle.db);
}, 300_000);
afterAll(() => test.close());

async function scheduled() {
  const db = test.handle.db;
  const actions = await db
    .selectFrom('action_reminders')
    .select(['action_id as owner', 'kind', sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due'), 'status', 'job_id'])
    .execute();
  const indicators = await db
    .selectFrom('indicator_reminders')
    .select(['indicator_id as owner', sql<string>`to_char(due_date, 'YYYY-MM-DD')`.as('due'), 'status', 'job_id'])
    .execute();
  return { actions, indicators };
}

describe('the demo reminders', () => {
  it('are scheduled for the seeded actions and indicators once the queue runs, and only once', async () => {
    expect(await scheduled()).toEqual({ actions: [], indicators: [] });
    await scheduleDemoReminders(test.deps);
    const first = await scheduled();
    // Every open action with an end date gets its two reminders (before, and once overdue).
    const open = await test.handle.db
      .selectFrom('actions')
      .select(['id', sql<string>`to_char(end_date, 'YYYY-MM-DD')`.as('end')])
      .where('status', 'in', ['planned', 'in_progress'])
      .where('end_date', 'is not', null)
      .execute();
    expect(open.length).toBeGreaterThan(0);
    for (const action of open) {
      const mine = first.actions.filter((row) => row.owner === action.id);
      expect(mine.map((row) => row.kind).sort(), action.id).toEqual(['due_soon', 'overdue']);
      for (const row of mine) expect(row.due).toBe(action.end);
    }
    // A reminder still ahead has its job; the indicators' next due dates have theirs.
    for (const row of [...first.actions, ...first.indicators].filter((one) => one.status === 'scheduled'))
      expect(row.job_id).not.toBeNull();
    expect(first.indicators.length).toBeGreaterThan(0);
    await scheduleDemoReminders(test.deps);
    expect(await scheduled()).toEqual(first);
  });
});
