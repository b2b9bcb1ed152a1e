import { describe, expect, it } from 'vitest';
import { slicesFor } from './batches';

describe('inserts of lists the data makes long', () => {
  it('slices rows so that no statement carries more than 65,535 parameters', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    const slices = [...slicesFor(rows, 8)];
    expect(slices.map((slice) => slice.length)).toEqual([8191, 8191, 3618]);
    expect(slices.flat()).toEqual(rows);
    expect([...slicesFor([], 8)]).toEqual([]);
  });
});
