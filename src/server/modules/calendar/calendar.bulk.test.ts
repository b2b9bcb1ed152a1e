import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeReview } from '../../../../tests/factories';
import type { DatabaseHandle } from '../../db/database';
import { deleteEvents, insertComputed } from './calendar.repo';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('computed calendar events in bulk (lib/batches.ts)', () => {
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
