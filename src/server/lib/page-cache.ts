import type { Database } from '../db/database';

/**
 * Rendered public pages (a State's portal, modules/public; a hub's public pages, modules/hub-profiles
 * and the other hub parts), per database, by path and query. A page is the same for everyone (it reads
 * only published data, never the reader), so one copy serves every anonymous reader. Entries live
 * `ttlMs` (a validated update or a register edit shows within that time) and are dropped at once
 * by a publication decision in this process.
 */
export interface CachedPage {
  status: number;
  body: string;
  type: string;
  at: number;
}

const ttlMs = 60_000;
const maxEntries = 2_000;
const caches = new WeakMap<Database, Map<string, CachedPage>>();

export function cachedPage(db: Database, key: string, now = Date.now()): CachedPage | undefined {
  const entry = caches.get(db)?.get(key);
  return entry && now - entry.at < ttlMs ? entry : undefined;
}

export function cachePage(db: Database, key: string, page: Omit<CachedPage, 'at'>): void {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  // Oldest first out: a Map iterates in insertion order.
  if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
  cache.set(key, { ...page, at: Date.now() });
}

export function clearPublicCache(db: Database): void {
  caches.get(db)?.clear();
}

export const publicCacheSeconds = ttlMs / 1000;
