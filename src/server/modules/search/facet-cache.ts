import type { RecommendationSearch } from '../../../shared/schemas/register';

/**
 * Totals and facet counts of recent SQL searches, valid for one register generation. Paging through
 * results, going back, or opening the register's first page again costs the page query only.
 * Per process; the generation (read per search) keeps every process correct after any write.
 */
export class FacetCache<Counts> {
  private generation = -1;
  private readonly entries = new Map<string, Counts>();

  constructor(private readonly capacity = 500) {}

  static keyOf(query: RecommendationSearch, locale: string): string {
    const { page: _page, pageSize: _size, sort: _sort, lang: _lang, ...filters } = query;
    const normal = Object.entries(filters)
      .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
      .map(([key, value]) => [key, Array.isArray(value) ? [...value].map(String).sort() : value])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    return `${locale}|${JSON.stringify(normal)}`;
  }

  get(generation: number, key: string): Counts | undefined {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
      return undefined;
    }
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(generation: number, key: string, counts: Counts): void {
    if (generation !== this.generation) return;
    this.entries.set(key, counts);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
