import { describe, expect, it } from 'vitest';
import { recommendationSearchSchema } from './register';

describe('the register query', () => {
  it('reads an empty filter (?review=) as no filter, and still refuses a malformed one', () => {
    const empty = recommendationSearchSchema.parse({ review: '', theme: ['', '3'], mechanism: '' });
    expect(empty.review).toBeUndefined();
    expect(empty.mechanism).toBeUndefined();
    expect(empty.theme).toEqual([3]);
    expect(recommendationSearchSchema.parse({ body: 'UPR' }).body).toEqual(['UPR']);
    const bad = recommendationSearchSchema.safeParse({ review: 'not-an-id' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['review', 0]);
    expect(recommendationSearchSchema.safeParse({ body: Array.from({ length: 51 }, (_, i) => `B${i}`) }).success).toBe(
      false,
    );
  });
});
