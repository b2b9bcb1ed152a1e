import { useSearchParams } from 'react-router';
import { type FacetName, facetNames, registerPageSize, type searchSorts } from '../../../shared/schemas/register';

export type Sort = (typeof searchSorts)[number];
// Shared: the server sends the first page of an unfiltered register with the page (decision 041).
export { registerPageSize };

/** Facet filters that repeat in the URL (?theme=3&theme=9), plus the cluster filter. */
export const multiKeys = [...facetNames, 'cluster'] as const;
export type MultiKey = (typeof multiKeys)[number];

export interface RegisterQuery {
  q: string;
  sort: Sort;
  page: number;
  filters: Record<MultiKey, string[]>;
}

function readQuery(params: URLSearchParams): RegisterQuery {
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    sort: sort === 'number' || sort === 'newest' || sort === 'updated' ? sort : 'relevance',
    page: Math.max(1, Number(params.get('page')) || 1),
    // `?review=` (an address cut short or edited by hand) is no filter: empty values are dropped.
    filters: Object.fromEntries(
      multiKeys.map((key) => [key, params.getAll(key).filter((value) => value.trim() !== '')]),
    ) as Record<MultiKey, string[]>,
  };
}

/** The query as URL parameters: the page's address, the API call and the export links share it. */
export function searchOf(query: RegisterQuery, options: { page?: boolean } = {}): URLSearchParams {
  const search = new URLSearchParams();
  if (query.q.trim()) search.set('q', query.q.trim());
  for (const key of multiKeys) for (const value of query.filters[key]) search.append(key, value);
  if (query.sort !== 'relevance') search.set('sort', query.sort);
  if (options.page !== false && query.page > 1) search.set('page', String(query.page));
  return search;
}

/** A saved view keeps the query as an object: repeated keys as arrays. */
export function savedQueryOf(query: RegisterQuery): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (query.q.trim()) out.q = query.q.trim();
  for (const key of multiKeys) if (query.filters[key].length) out[key] = query.filters[key];
  if (query.sort !== 'relevance') out.sort = query.sort;
  return out;
}

export function searchOfSaved(saved: Record<string, unknown>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(saved)) {
    if (key === 'page' || key === 'pageSize' || key === 'lang') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' || typeof item === 'number') search.append(key, String(item));
    }
  }
  return search;
}

export function isFiltered(query: RegisterQuery): boolean {
  return Boolean(query.q.trim()) || multiKeys.some((key) => query.filters[key].length > 0);
}

/** The register's state lives in the URL, so a search can be bookmarked, shared and undone with Back. */
export function useRegisterQuery() {
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);

  function update(next: Partial<Omit<RegisterQuery, 'filters'>> & { filters?: Partial<Record<MultiKey, string[]>> }) {
    const merged: RegisterQuery = {
      ...query,
      page: 1,
      ...next,
      filters: { ...query.filters, ...next.filters },
    };
    setParams(searchOf(merged));
  }

  function toggle(facet: FacetName, value: string, on: boolean) {
    const current = query.filters[facet];
    update({ filters: { [facet]: on ? [...current, value] : current.filter((item) => item !== value) } });
  }

  return { query, update, toggle, replace: (search: URLSearchParams) => setParams(search) };
}
