import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeRecommendations, makeReview } from '../../../../tests/factories';
import { roles } from '../../../shared/schemas/identity';
import type { DatabaseHandle } from '../../db/database';
import { findPublicPage, findPublicRecommendation } from './public.repo';
import { canPublish, type Decision, isPublicUpdate, publicnessOf } from './publication.policy';

const decisions: Decision[] = [null, true, false];

describe('publicnessOf (decision 032)', () => {
  it('shows the text by default, the follow-up when published, nothing when withheld; the own decision wins', () => {
    const table = decisions.flatMap((own) => decisions.map((review) => [own, review, publicnessOf(own, review)]));
    expect(table).toEqual([
      [null, null, 'text'],
      [null, true, 'full'],
      [null, false, 'hidden'],
      [true, null, 'full'],
      [true, true, 'full'],
      [true, false, 'full'],
      [false, null, 'hidden'],
      [false, true, 'hidden'],
      [false, false, 'hidden'],
    ]);
  });

  it('makes an update public only when validated, published, and its recommendation followed up in public', () => {
    for (const status of ['draft', 'submitted', 'endorsed', 'returned', 'validated'])
      for (const decision of decisions)
        for (const recommendation of ['hidden', 'text', 'full'] as const)
          expect(isPublicUpdate({ status, decision }, recommendation), `${status} ${decision} ${recommendation}`).toBe(
            status === 'validated' && decision === true && recommendation === 'full',
          );
  });

  it('lets the secretariat decide, no one else', () => {
    const allowed = roles.filter((role) =>
      canPublish({ id: 'x', role, email: '', name: '', locale: 'en' } as Parameters<typeof canPublish>[0]),
    );
    expect(allowed).toEqual(['admin', 'coordinator']);
  });
});

describe('the portal SQL applies the same rule', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it('on every combination of a recommendation’s and its review’s decision', async () => {
    const db = handle.db;
    const cases: { id: string; own: Decision; review: Decision }[] = [];
    for (const reviewDecision of decisions) {
      const review = await makeReview(db);
      if (reviewDecision !== null)
        await db
          .insertInto('publications')
          .values({ subject: 'review', record_id: review.id, published: reviewDecision })
          .execute();
      for (const own of decisions) {
        const [rec] = await makeRecommendations(db, review, [{ status: 'in_progress' }]);
        if (own !== null)
          await db
            .insertInto('publications')
            .values({ subject: 'recommendation', record_id: rec!.id, published: own })
            .execute();
        cases.push({ id: rec!.id, own, review: reviewDecision });
      }
    }
    const page = await findPublicPage(db, {}, 'en', 0, 100);
    for (const c of cases) {
      const expected = publicnessOf(c.own, c.review);
      const row = page.rows.find((r) => r.id === c.id);
      expect(row !== undefined, `${c.own}/${c.review} listed`).toBe(expected !== 'hidden');
      if (row) expect(row.status, `${c.own}/${c.review} status`).toBe(expected === 'full' ? 'in_progress' : null);
      const one = await findPublicRecommendation(db, c.id, 'en');
      expect(one && publicnessOf(one.own, one.review)).toBe(expected);
      const filtered = await findPublicPage(db, { status: 'in_progress' }, 'en', 0, 100);
      expect(filtered.rows.some((r) => r.id === c.id)).toBe(expected === 'full');
    }
  });
});
