import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeRecommendations, makeReview } from '../../../../tests/factories';
import type { StatusTrend } from '../../../shared/schemas/dashboards';
import { specColumns } from './dashboards.fixture';
import { periodStarts } from './dashboards.service';

let test: TestApp;
let coordinator: Client;

interface Change {
  at: Date;
  status: string;
  previous: string | null;
}
interface Built {
  id: string;
  body: string;
  createdAt: Date;
  status: string;
  history: Change[];
}
const built: Built[] = [];

let seed = 11;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const statuses = ['not_started', 'in_progress', 'partially_implemented', 'implemented', 'not_applicable'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (from: string, to: string) => {
  const a = Date.parse(from);
  return new Date(a + Math.floor(random() * (Date.parse(to) - a)));
};

/** A constructed register: creations from mid-2021 to 2025, zero to four changes each, as the app records them. */
beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
  const db = test.handle.db;
  for (const body of ['UPR', 'CRC']) {
    const review = await makeReview(db, {
      body_code: body,
      cycle: body === 'UPR' ? 3 : null,
      review_date: '2021-01-01',
    });
    const plans = Array.from({ length: 70 }, () => {
      const createdAt = between('2021-06-01', '2025-04-01');
      let status = pick(statuses);
      const history: Change[] = [];
      // As the importer does: a first line with no previous status, at creation.
      if (random() < 0.5) history.push({ at: new Date(createdAt.getTime() + 3_600_000), status, previous: null });
      let at = createdAt;
      for (let n = Math.floor(random() * 4); n > 0; n--) {
        at = random() < 0.15 ? new Date(at.getTime() + 60_000) : between(at.toISOString(), '2025-06-30');
        const next = pick(statuses.filter((code) => code !== status));
        history.push({ at, status: next, previous: status });
        status = next;
      }
      return { createdAt, status, history };
    });
    // Edge cases: a change exactly at the start of a month; a change recorded before creation; a
    // recommendation whose first known status came later than its creation (null previous).
    plans.push({
      createdAt: new Date('2023-01-10T00:00:00Z'),
      status: 'implemented',
      history: [{ at: new Date('2024-03-01T00:00:00Z'), status: 'implemented', previous: 'in_progress' }],
    });
    plans.push({
      createdAt: new Date('2023-05-20T00:00:00Z'),
      status: 'in_progress',
      history: [{ at: new Date('2023-02-01T00:00:00Z'), status: 'in_progress', previous: 'not_started' }],
    });
    plans.push({
      createdAt: new Date('2022-01-01T00:00:00Z'),
      status: 'in_progress',
      history: [{ at: new Date('2024-07-15T00:00:00Z'), status: 'in_progress', previous: null }],
    });
    const ids = (
      await makeRecommendations(
        db,
        review,
        plans.map((plan) => specColumns({ status: plan.status, createdAt: plan.createdAt.toISOString() })),
      )
    ).map((row) => row.id);
    const rows = plans.flatMap((plan, index) =>
      plan.history.map((change) => ({
        recommendation_id: ids[index] as string,
        status: change.status,
        previous_status: change.previous,
        changed_at: change.at,
      })),
    );
    await db.insertInto('recommendation_status_history').values(rows).execute();
    plans.forEach((plan, index) => {
      built.push({ id: ids[index] as string, body, ...plan });
    });
  }
}, 60_000);
afterAll(() => test.close());

/**
 * Naive, one recommendation and one period at a time: not yet created ⇒ absent; otherwise start
 * from the current status and undo, newest first, every change made at or after the period's
 * end; undoing a first status (no previous) means it did not exist yet.
 */
function naiveAt(end: Date, subset: Built[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rec of subset) {
    if (rec.createdAt >= end) continue;
    let status: string | null = rec.status;
    for (const change of [...rec.history].sort((a, b) => b.at.getTime() - a.at.getTime())) {
      if (change.at < end) break;
      status = change.previous;
      if (status === null) break;
    }
    if (status !== null) counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

function nextStart(start: string, months: number): Date {
  const day = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
}

async function expectNaive(query: string, months: number, subset: Built[]) {
  const response = await coordinator.request('GET', `/api/dashboards/trend?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  const trend = response.json() as StatusTrend;
  trend.periods.forEach((period, index) => {
    const expected = naiveAt(nextStart(period, months), subset);
    const got = new Map(
      trend.series.flatMap((series) => (series.counts[index] ? [[series.status, series.counts[index]] as const] : [])),
    );
    expect(got, `${query} at the end of ${period}`).toEqual(expected);
  });
  return trend;
}

describe('change over time', () => {
  it('counts statuses at the end of each month as replaying the history does', async () => {
    const trend = await expectNaive('interval=month&periods=30&until=2025-02-14', 1, built);
    expect(trend.periods[0]).toBe('2022-09-01');
    expect(trend.periods.at(-1)).toBe('2025-02-01');
    expect(trend.statuses.map((status) => status.code).slice(0, 5)).toEqual(statuses);
  });

  it('counts them at the end of each quarter, and under a filter', async () => {
    await expectNaive('interval=quarter&periods=16&until=2025-06-30', 3, built);
    await expectNaive(
      'interval=quarter&periods=10&until=2024-11-02&body=CRC',
      3,
      built.filter((rec) => rec.body === 'CRC'),
    );
  });

  it('starts periods on the first day of the month or quarter holding `until`', () => {
    expect(periodStarts('month', 3, '2025-01-31')).toEqual(['2024-11-01', '2024-12-01', '2025-01-01']);
    expect(periodStarts('quarter', 3, '2025-05-15')).toEqual(['2024-10-01', '2025-01-01', '2025-04-01']);
  });
});
