import type { Page } from '../../shared/schemas/common';
import type { Query } from '../api/client';
import { useApi } from './use-api';
import { useDraft } from './use-draft';
import { useUrlFilters } from './use-url-filters';

/**
 * The state of a server-paged list page, in one call: filters and page number in the URL, the
 * filter form's draft of them, and the page of records read with them (plus any fixed `query`).
 * `form` goes to FilterForm and `card` to ListCard as they are.
 */
export function useListPage<P extends Page<unknown>, K extends string = never>(
  path: string | null,
  options: { filters?: readonly K[]; pageSize: number; query?: Query },
) {
  const url = useUrlFilters<K>(options.filters ?? []);
  const [draft, setDraft] = useDraft(url.filters);
  const list = useApi<P>(path, { ...options.query, ...url.filters, page: url.page, pageSize: options.pageSize });
  const filtered = Object.values<string>(url.filters).some(Boolean);
  return {
    ...url,
    draft,
    setDraft,
    list,
    form: { draft, setDraft, apply: url.apply },
    card: { list, filtered, onPage: url.setPage },
  };
}
