import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import { makeReview } from '../../../tests/factories';
import type { DatabaseHandle } from '../db/database';
import { deleteEvents, insertComputed } from '../modules/calendar/calendar.repo';
import { slicesFor } from './batches';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('inserts of lists the data makes long', () => {
  it('slices rows so that no statement carries more than 65,535 parameters', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    const slices = [...slicesFor(rows, 8)];
    expect(slices.map((slice) => slice.length)).toEqual([8191, 8191, 3618]);
    expect(slices.flat()).toEqual(rows);
    expect([...slicesFor([], 8)]).toEqual([]);
  });

  it('stores and drops 9,000 computed calendar events (72,000 values: one statement failed on an import day)', async () => {
    const review = await makeReview(handle.db);
    const events = Array.from({ length: 9000 }, (_, i) => ({
      key: `bench:${i}`,
      kind: 'upr_mid_term_report' as const,
      startsOn: '2030-01-01',
      bodyCode: review.body_code,
      reviewId: review.id,
      estimated: true,
      submitted: false,
      status: 'due' as const,
    }));
    await insertComputed(handle.db, events);
    const stored = await handle.db
      .selectFrom('calendar_events')
      .select('id')
      .where('review_id', '=', review.id)
      .execute();
    expect(stored).toHaveLength(9000);
    await deleteEvents(
      handle.db,
      stored.map((row) => row.id),
    );
    const left = await handle.db
      .selectFrom('calendar_events')
      .select('id')
      .where('review_id', '=', review.id)
      .execute();
    expect(left).toHaveLength(0);
  });
});
