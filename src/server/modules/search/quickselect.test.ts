import { describe, expect, it } from 'vitest';
import { select } from './quickselect';

describe('select', () => {
  // Seeded values with many ties, as BM25 scores of one-word queries have.
  let state = 11;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };

  it.each([1, 2, 7, 100, 5_000])('finds the k-th smallest of %i values, ties included', (n) => {
    const values = Float64Array.from({ length: n }, () => Math.round(random() * 20) / 4);
    const sorted = values.slice().sort();
    for (const k of new Set([0, Math.floor(n / 3), n - 1])) expect(select(values.slice(), k)).toBe(sorted[k]);
  });

  it('handles sorted and reversed input', () => {
    const ascending = Float64Array.from({ length: 1_000 }, (_, i) => i);
    expect(select(ascending.slice(), 900)).toBe(900);
    expect(select(ascending.slice().reverse(), 10)).toBe(10);
  });
});
