import { describe, expect, it } from 'vitest';
import { distinctTerms, foldTerm, TermMap } from './term-fold';

describe('folding the spellings of a term', () => {
  it('finds "B32 Racial discrimination" and "children" under the stored "Racial discrimination" and "Children"', () => {
    const terms = TermMap.of([
      ['Racial discrimination', 1],
      ['Children', 2],
    ]);
    expect(terms.get('B32 Racial discrimination')).toBe(1);
    expect(terms.get('racial  discrimination')).toBe(1);
    expect(terms.get('children')).toBe(2);
    expect(terms.has('CHILDREN')).toBe(true);
    expect(terms.has('Women')).toBe(false);
    // A code alone, or a word that only starts like one, is its own term.
    expect(foldTerm('B32')).toBe('b32');
    expect(foldTerm('Persons with disabilities')).toBe('persons with disabilities');
  });

  it('creates one term per folded spelling, the first one seen', () => {
    expect(distinctTerms(['children', 'Children', 'B32 Racial discrimination', 'Racial discrimination'])).toEqual([
      'children',
      'B32 Racial discrimination',
    ]);
  });
});
