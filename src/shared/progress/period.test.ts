import { describe, expect, it } from 'vitest';
import { updateProgressUpdateSchema } from '../schemas/progress';
import { periodReversed, periodReversedIssue } from './period';

describe('a progress period', () => {
  it('is reversed only when both days are given and the end comes first', () => {
    expect(periodReversed({ periodStart: '2024-12-31', periodEnd: '2024-01-01' })).toBe(true);
    expect(periodReversed({ periodStart: '2024-01-01', periodEnd: '2024-01-01' })).toBe(false);
    expect(periodReversed({ periodStart: '', periodEnd: '2024-01-01' })).toBe(false);
  });

  it('is the payload schema’s rule, with the issue the form shows', () => {
    const parsed = updateProgressUpdateSchema.safeParse({
      periodStart: '2024-12-31',
      periodEnd: '2024-01-01',
      version: 1,
    });
    expect(parsed.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))).toEqual([
      periodReversedIssue,
    ]);
  });
});
