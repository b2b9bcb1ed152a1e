import type { Database } from '../../db/database';
import { type Evaluation, type FacetIndex, FacetIndexBuilder, type Filters } from './facet-index';
import {
  estimatedRows,
  readIndexRows,
  readJoined,
  readMechanisms,
  readOrders,
  readRegisterGeneration,
} from './search-index.repo';
import { TextIndexBuilder, type TextMatch } from './text-index';
import { matchText, parsedQueries } from './text-search.repo';

/**
 * Keeps one facet index per database, for the register generation it was read at. After a write
 * the index is stale: a small register rebuilds it before answering (milliseconds); a large one
 * answers through SQL while a single background rebuild runs, so no search ever sees stale counts.
 */
interface Store {
  index?: FacetIndex;
  building?: Promise<FacetIndex | undefined>;
  /** text matches and evaluations of the current index, most recently used last */
  texts: Map<string, TextMatch>;
  evaluations: Map<string, Evaluation>;
}

const stores = new WeakMap<Database, Store>();
/** Registers estimated below this size rebuild before answering. */
const rebuildInlineBelow = 10_000;
const chunkRows = 20_000;
const cacheEntries = 30;

function storeOf(db: Database): Store {
  let store = stores.get(db);
  if (!store) {
    store = { texts: new Map(), evaluations: new Map() };
    stores.set(db, store);
  }
  return store;
}

/** The index for `generation`, or undefined while a large register's index is being rebuilt. */
export async function searchIndexFor(
  db: Database,
  generation: number,
  inlineBelow = rebuildInlineBelow,
): Promise<FacetIndex | undefined> {
  const store = storeOf(db);
  if (store.index?.generation === generation) return store.index;
  const building = rebuild(db, store);
  if ((store.index?.size ?? (await estimatedRows(db))) < inlineBelow) {
    const index = await building;
    return index?.generation === generation ? index : undefined;
  }
  return undefined;
}

/** Builds the index now (at start-up, and in benchmarks); resolves once it is current. */
export async function warmSearchIndex(db: Database): Promise<FacetIndex | undefined> {
  return rebuild(db, storeOf(db));
}

function rebuild(db: Database, store: Store): Promise<FacetIndex | undefined> {
  store.building ??= buildIndex(db)
    .then((index) => {
      if (index && (!store.index || index.generation >= store.index.generation)) {
        store.index = index;
        store.texts.clear();
        store.evaluations.clear();
      }
      return index;
    })
    // A failed rebuild (a closing database) leaves the SQL path answering; the next search retries.
    .catch(() => undefined)
    .finally(() => {
      store.building = undefined;
    });
  return store.building;
}

/**
 * Reads the register in chunks, without a long transaction (PGlite has one connection, which
 * other requests share meanwhile); a write during the read moves the generation, and the result
 * is then thrown away rather than trusted.
 */
async function buildIndex(db: Database): Promise<FacetIndex | undefined> {
  const before = await readRegisterGeneration(db);
  const mechanismOf = await readMechanisms(db);
  const orders = await readOrders(db);
  const builder = new FacetIndexBuilder(orders.number.length, await readJoined(db));
  const text = new TextIndexBuilder();
  let after = 0;
  for (;;) {
    const rows = await readIndexRows(db, after, chunkRows, mechanismOf);
    // Both builders take every row in the same order: slot n is the same row in each.
    for (const row of rows) {
      builder.add(row);
      text.add(row.tsv);
    }
    if (rows.length < chunkRows) break;
    after = rows[rows.length - 1]?.seq ?? after;
  }
  if ((await readRegisterGeneration(db)) !== before) return undefined;
  return builder.build(before, orders, text.build());
}

/**
 * Slots matching `q`, cached with the index: evaluated by the text index over the query as
 * PostgreSQL parses it (one round trip), or, for what the text index leaves to SQL (negation
 * inside a phrase), matched by PostgreSQL.
 */
export async function textMatchOf(db: Database, index: FacetIndex, q: string, withRank: boolean): Promise<TextMatch> {
  const store = storeOf(db);
  const key = `${withRank ? 'r' : 'm'}|${q}`;
  const cached = remember(store.texts, key);
  if (cached) return cached;
  const inMemory = index.text?.match(await parsedQueries(db, q), withRank);
  if (inMemory) {
    if (store.index === index) keep(store.texts, key, inMemory);
    return inMemory;
  }
  const found = await matchText(db, q, withRank);
  const slots = new Int32Array(found.seqs.length);
  const ranks = found.ranks ? new Float64Array(found.seqs.length) : null;
  let kept = 0;
  found.seqs.forEach((seq, i) => {
    const slot = index.slotOf(seq);
    if (slot < 0) return;
    slots[kept] = slot;
    if (ranks && found.ranks) ranks[kept] = found.ranks[i] as number;
    kept++;
  });
  const match = { slots: slots.slice(0, kept), ranks: ranks ? ranks.slice(0, kept) : null };
  if (store.index === index) keep(store.texts, key, match);
  return match;
}

/**
 * The index's evaluation of filters over a text match, cached with the index. `scope`: the entity
 * ids whose assigned (or delegated) rows the reader may see, null for the whole register.
 */
export function evaluationOf(
  db: Database,
  index: FacetIndex,
  filters: Filters,
  q: string | undefined,
  match: TextMatch | undefined,
  scope: readonly string[] | null,
): Evaluation {
  const store = storeOf(db);
  const key = keyOf(q, filters);
  const scopedKey = scope ? `${[...scope].sort().join(',')}|${key}` : key;
  const cached = remember(store.evaluations, scopedKey);
  if (cached) return cached;
  const evaluation = index.evaluate(filters, match?.slots, scope ?? undefined);
  if (store.index === index) keep(store.evaluations, scopedKey, evaluation);
  return evaluation;
}

/** The words and the filters, whatever the order of their values. */
function keyOf(q: string | undefined, filters: Filters): string {
  const normal = Object.entries(filters)
    .filter(([, values]) => values?.length)
    .map(([dimension, values]) => [dimension, [...(values ?? [])].sort()])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return JSON.stringify([q ?? '', normal]);
}

function remember<T>(cache: Map<string, T>, key: string): T | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function keep<T>(cache: Map<string, T>, key: string, value: T): void {
  cache.set(key, value);
  if (cache.size > cacheEntries) cache.delete(cache.keys().next().value as string);
}
