/**
 * Answers computed once per register generation (decision 028): a signed-in read asked again,
 * by the same person or a colleague, costs the generation read and no other statement while
 * nothing it shows has changed. Triggers move the generation on every write those answers depend
 * on (migrations 0004, 0010, 0022, 0033, 0038), and every request reads it, so every process
 * sees a write the moment it commits: nothing stale is served, in this process or another.
 *
 * One memo per database (tests run several in one process). Concurrent misses of one key share
 * one computation (a burst of identical requests runs one search); a failed one is forgotten.
 * At most `capacity` keys, the least recently used dropped first.
 */
export class GenerationMemo<T> {
  private readonly byDatabase = new WeakMap<object, { generation: number; entries: Map<string, Promise<T>> }>();

  constructor(private readonly capacity = 200) {}

  get(db: object, generation: number, key: string, compute: () => Promise<T>): Promise<T> {
    let state = this.byDatabase.get(db);
    if (!state || generation > state.generation) {
      state = { generation, entries: new Map() };
      this.byDatabase.set(db, state);
    }
    // Read before a write that another request has already seen committed: computed, not kept.
    if (generation < state.generation) return compute();
    const { entries } = state;
    const hit = entries.get(key);
    if (hit) {
      // Most recently used last: a Map keeps insertion order.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const pending = compute();
    entries.set(key, pending);
    pending.catch(() => {
      if (entries.get(key) === pending) entries.delete(key);
    });
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value as string);
    return pending;
  }

  /** Keys held for that database (the tests). */
  size(db: object): number {
    return this.byDatabase.get(db)?.entries.size ?? 0;
  }
}

/** A stable key for a query object: its defined fields in name order, arrays sorted. */
export function memoKey(...parts: (object | string | number | null | undefined)[]): string {
  return parts
    .map((part) => {
      if (part === null || part === undefined || typeof part !== 'object') return String(part);
      const entries = Object.entries(part)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, Array.isArray(value) ? [...value].map(String).sort() : value])
        .sort(([a], [b]) => String(a).localeCompare(String(b)));
      return JSON.stringify(entries);
    })
    .join('|');
}
