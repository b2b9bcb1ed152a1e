import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replaceSorted } from './facet-index.patch';

describe('replaceSorted (a posting after a patch)', () => {
  it('equals removing and adding one by one, for few changes (runs copied) and many (merged)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(400), { maxLength: 120 }),
        fc.uniqueArray(fc.nat(400), { maxLength: 60 }),
        fc.nat(),
        (held, candidates, seed) => {
          const current = Int32Array.from(held).sort();
          // Some held slots leave; some slots not held join.
          const gone = current.filter((_, i) => (i + seed) % 3 === 0);
          const added = Int32Array.from(candidates.filter((slot) => !held.includes(slot))).sort();
          const expected = [...current].filter((slot) => !gone.includes(slot)).concat([...added]);
          expected.sort((a, b) => a - b);
          expect([...replaceSorted(current, gone, added)]).toEqual(expected);
        },
      ),
    );
  });
});
