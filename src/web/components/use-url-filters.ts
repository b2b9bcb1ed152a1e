import { useSearchParams } from 'react-router';

/**
 * List filters and the page number live in the URL, so a filtered list can be bookmarked, shared
 * and reloaded, and the back button undoes a filter.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page')) || 1);

  function apply(next: Partial<Record<K, string>>, nextPage = 1) {
    const merged: Record<string, string> = { ...filters, ...next };
    const search = new URLSearchParams();
    for (const key of keys) {
      const value = merged[key]?.trim();
      if (value) search.set(key, value);
    }
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  }

  return { filters, page, apply, setPage: (next: number) => apply({}, next) };
}
