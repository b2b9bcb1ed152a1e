/** The dashboard filters as the URL holds them (empty: not set). */
export const emptyFilters = { body: '', cycle: '', entity: '', from: '', to: '' };
export type DashboardFilterValues = typeof emptyFilters;
export const filterKeys = Object.keys(emptyFilters) as (keyof DashboardFilterValues)[];

/** The filters as an API query: empty values left out. */
export function filterQuery(filters: DashboardFilterValues): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}
