import type { DashboardDimension, StatusBreakdownQuery } from '../../../shared/schemas/dashboards';
import type { Executor } from '../../http/context';
import type { Scope } from '../assignments/scope';
import { type Filters, type SearchIndex, type StatusTally, type TallyColumn, tallyByStatus } from '../search';
import { type BreakdownCell, findLrgIds, findReviewIdsDated } from './dashboards.repo';

/** The index column each dimension reads; LRGs are the assigned entities that are LRGs. */
const columnOf: Record<DashboardDimension, TallyColumn> = {
  mechanism: 'mechanism',
  body: 'body',
  cycle: 'cycle',
  theme: 'theme',
  sdgGoal: 'sdgGoal',
  entity: 'entity',
  lrgLevel: 'lrgLevel',
  lrg: 'entity',
};

/**
 * The status breakdown counted from the search engine's in-memory index (issue 15): the index is
 * caught up from the change log after a write, so the first view after it costs the changed rows
 * and one pass over the matching slots, not a GROUP BY over the register. The same cells and
 * total as `countByDimension` and `countRecommendations` for the same filters and scope (the
 * property test compares them after random writes). Reviews dated within `from`/`to` and the
 * LRGs are read here: a few rows, and names a write may change without touching the index.
 */
export async function breakdownFromIndex(
  db: Executor,
  index: SearchIndex,
  query: StatusBreakdownQuery,
  scope: Scope,
): Promise<[BreakdownCell[], number]> {
  const filters: Filters = {};
  if (query.body) filters.body = [query.body];
  if (query.cycle !== undefined) filters.cycle = [String(query.cycle)];
  // Entity ids in the index are PostgreSQL's text form of the uuid (lower case).
  if (query.entity) filters.entity = [query.entity.toLowerCase()];
  const [reviews, lrgs] = await Promise.all([
    query.from || query.to ? findReviewIdsDated(db, query) : undefined,
    query.dimension === 'lrg' ? findLrgIds(db) : undefined,
  ]);
  if (reviews) filters.review = reviews;
  const tally = tallyByStatus(
    index,
    filters,
    scope.all ? undefined : scope.entityIds,
    columnOf[query.dimension],
    lrgs && ((id) => lrgs.has(id)),
  );
  return [rankCells(tally.cells, query.limit), tally.total];
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `countByDimension`'s ranking over counted cells: values by their recommendations, most first,
 * ties by key in byte order (no value as ''), the first `limit` one by one and the rest summed
 * per status into rank null; ordered by rank (null last), then status.
 */
export function rankCells(cells: StatusTally['cells'], limit: number): BreakdownCell[] {
  const sums = new Map<string, number>();
  for (const cell of cells) sums.set(cell.key ?? '', (sums.get(cell.key ?? '') ?? 0) + cell.n);
  const ranked = [...sums.entries()].sort(([a, x], [b, y]) => y - x || byKey(a, b));
  const rankOf = new Map(ranked.map(([key], i) => [key, i + 1]));
  const merged = new Map<string, BreakdownCell>();
  for (const cell of cells) {
    const rank = rankOf.get(cell.key ?? '') as number;
    const top = rank <= limit;
    const id = `${top ? rank : ''}|${cell.status}`;
    const found = merged.get(id);
    if (found) found.n += cell.n;
    else
      merged.set(id, {
        rank: top ? rank : null,
        key: top ? cell.key : null,
        status: cell.status,
        n: cell.n,
        values: ranked.length,
      });
  }
  return [...merged.values()].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || byKey(a.status, b.status),
  );
}
