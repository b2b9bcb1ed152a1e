/**
 * Migration 0027: a symbol-less review (an earlier UPR Info import) beside the symbol-keyed review
 * of the same body, State and session is merged into it, losing nothing. The migration is run
 * again over duplicates made as earlier imports left them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeRecommendations, makeReview } from '../../../../tests/factories';
import type { DatabaseHandle } from '../../db/database';
import { migrate } from '../../db/migrate';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('migration 0027 merges duplicate reviews', () => {
  it('moves the recommendations and the manual events, fills metadata, deletes the empty twin', async () => {
    const db = handle.db;
    const keep = await makeReview(db, { symbol: 'A/HRC/59/15', session: 48, cycle: 4, review_date: null });
    const dup = await makeReview(db, { symbol: null, session: 48, cycle: 4, review_date: '2025-01-28' });
    // Another session's symbol-less review is not a twin.
    const other = await makeReview(db, { symbol: null, session: 34, cycle: 3 });
    await makeRecommendations(db, keep, [{ content_key: 'n:140.1' }, { content_key: 't:same' }]);
    const moved = await makeRecommendations(db, dup, [{ content_key: 't:aaa' }, { content_key: 't:bbb' }]);
    // The same content key in both: this one stays with its review, which then stays too.
    const clash = await makeReview(db, { symbol: 'A/HRC/44/15', session: 34, country_iso2: 'FR' });
    const clashDup = await makeReview(db, { symbol: null, session: 34, country_iso2: 'FR' });
    await makeRecommendations(db, clash, [{ content_key: 't:same' }]);
    await makeRecommendations(db, clashDup, [{ content_key: 't:same' }, { content_key: 't:ccc' }]);
    await db
      .insertInto('calendar_events')
      .values({ kind: 'other', title: 'Briefing', starts_on: '2025-02-01', review_id: dup.id, source: 'manual' })
      .execute();

    await db.deleteFrom('schema_migrations').where('name', '=', '0027_import_precedence.sql').execute();
    expect(await migrate(db)).toEqual(['0027_import_precedence.sql']);

    const reviews = await db.selectFrom('reviews').select(['id', 'review_date']).execute();
    const ids = reviews.map((r) => r.id);
    expect(ids).not.toContain(dup.id);
    expect(ids).toEqual(expect.arrayContaining([keep.id, other.id, clash.id, clashDup.id]));
    const kept = reviews.find((r) => r.id === keep.id);
    expect(kept?.review_date && new Date(kept.review_date).toISOString().slice(0, 10)).toBe('2025-01-28');
    const of = async (reviewId: string) =>
      (
        await db
          .selectFrom('recommendations')
          .select('content_key')
          .where('review_id', '=', reviewId)
          .orderBy('content_key')
          .execute()
      ).map((r) => r.content_key);
    expect(await of(keep.id)).toEqual(['n:140.1', 't:aaa', 't:bbb', 't:same']);
    expect(moved).toHaveLength(2);
    expect(await of(clash.id)).toEqual(['t:ccc', 't:same']);
    expect(await of(clashDup.id)).toEqual(['t:same']);
    const event = await db.selectFrom('calendar_events').select('review_id').executeTakeFirstOrThrow();
    expect(event.review_id).toBe(keep.id);
  });
});
