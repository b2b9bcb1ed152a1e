import type { Database } from '../../db/database';
import { FacetCache, readRegisterGeneration } from '../search';

const caches = new WeakMap<Database, FacetCache<unknown>>();

/**
 * Dashboard counts of recent queries, valid for one register generation (statement triggers
 * move it on every write to recommendations, assignments, terms and, since migration 0022, the
 * kind or level of entities; since 0038, every write to entities, reviews, bodies, countries,
 * seats and the State profile). A dashboard opened again, or by a colleague, costs one small
 * read; the first view after a change is computed in SQL. The status breakdown keeps its whole
 * answer, labels included, the same way (decision 028).
 */
export async function cachedCounts<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  const generation = await readRegisterGeneration(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new FacetCache<unknown>(200);
    caches.set(db, cache);
  }
  const hit = cache.get(generation, key);
  if (hit !== undefined) return hit as T;
  const value = await compute();
  // Computed from a generation that a write may have moved meanwhile: set() ignores it then.
  cache.set(generation, key, value);
  return value;
}

/** A stable key for a query and the reader's scope. */
export function countsKey(kind: string, query: object, scope: { all: boolean; entityIds?: string[] }): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  const entities = scope.all ? 'all' : [...(scope.entityIds ?? [])].sort().join(',');
  return `${kind}|${JSON.stringify(entries)}|${entities}`;
}
