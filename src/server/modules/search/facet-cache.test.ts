import { describe, expect, it } from 'vitest';
import { recommendationSearchSchema } from '../../../shared/schemas/register';
import { FacetCache } from './facet-cache';

const counts = (total: number) => ({ total, facets: {}, correctedQuery: null });
const query = (input: Record<string, unknown>) => recommendationSearchSchema.parse(input);

describe('FacetCache', () => {
  it('keys a search by its filters, not by page, sort or the order of values', () => {
    const a = FacetCache.keyOf(query({ q: 'roma', theme: ['3', '9'], page: '2', sort: 'number' }), 'en');
    const b = FacetCache.keyOf(query({ theme: ['9', '3'], q: 'roma' }), 'en');
    expect(a).toBe(b);
    expect(FacetCache.keyOf(query({ q: 'roma' }), 'fr')).not.toBe(FacetCache.keyOf(query({ q: 'roma' }), 'en'));
    expect(FacetCache.keyOf(query({ q: 'roma', theme: ['3'] }), 'en')).not.toBe(b);
  });

  it('forgets everything when the register moves to a new generation, and the oldest entry past capacity', () => {
    const cache = new FacetCache<ReturnType<typeof counts>>(2);
    cache.get(1, 'x');
    cache.set(1, 'a', counts(1));
    cache.set(1, 'b', counts(2));
    expect(cache.get(1, 'a')?.total).toBe(1);
    cache.set(1, 'c', counts(3));
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')?.total).toBe(1);
    expect(cache.get(2, 'a')).toBeUndefined();
    cache.set(1, 'late', counts(4));
    expect(cache.get(2, 'late')).toBeUndefined();
  });
});
