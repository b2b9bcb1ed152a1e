import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database';
import { collectGarbageSoon } from '../../lib/memory';
import { type Evaluation, type FacetIndex, FacetIndexBuilder, type Filters } from './facet-index';
import { patchIndex, type RowChange } from './facet-index.patch';
import { heartbeatAndTrim, readLog, readSuccessors } from './register-changes.repo';
import {
  estimatedRows,
  readChangedRows,
  readIndexRows,
  readJoined,
  readMechanisms,
  readOrders,
  readRegisterGeneration,
} from './search-index.repo';
import { TextIndexBuilder, type TextMatch } from './text-index';
import { matchText, parsedQueries } from './text-search.repo';

/**
 * Keeps one facet index per database. After a write the index catches up before answering: it
 * reads the rows the change log names since its generation and patches itself in place
 * (decision 025), so a search right after a write is exact and costs the changed rows, not the
 * register. A full rebuild happens at start-up, when the log cannot say what changed (a
 * truncate, a log trimmed past the index), when a change is too large to patch, and in the
 * background once patches have piled up (the patched index answers meanwhile).
 */
interface Store {
  index?: FacetIndex;
  building?: Promise<FacetIndex | undefined>;
  catching?: Promise<boolean>;
  /** text matches and evaluations of the current index, most recently used last */
  texts: Map<string, TextMatch>;
  /**
   * Counts the changes to the texts the index holds (a rebuild, new, deleted or re-worded rows):
   * text matches are kept across patches that leave every text as it was (a status change, an
   * assignment, a theme added in bulk), so the searches after such a write do not match words
   * anew over the whole register.
   */
  textEpoch: number;
  evaluations: Map<string, Evaluation>;
  /** this process's name in `search_index_readers` */
  reader: string;
  heartbeatAt: number;
  /** rows patched into the current index since it was built */
  patchedRows: number;
  stats: MaintenanceStats;
}

/** What keeping the index current has cost this process: for the benchmark and operators. */
export interface MaintenanceStats {
  generation: number;
  /** catch-ups that patched rows, and the rows they patched */
  patches: number;
  patchedRows: number;
  /** time spent reading changed rows from the database, and patching in memory (ms, summed) */
  readMs: number;
  patchMs: number;
  /** full builds (start-up, too large a change, compaction) and the time of the last one */
  rebuilds: number;
  lastRebuildMs: number;
  /** the last catch-up: rows, time, and how long its earliest change had waited in the log */
  last: { rows: number; readMs: number; patchMs: number; waitedMs: number } | null;
}

const stores = new WeakMap<Database, Store>();
/** Registers estimated below this size rebuild before answering (when they cannot be patched). */
const rebuildInlineBelow = 10_000;
const chunkRows = 20_000;
const cacheEntries = 30;
/** A change larger than this (and than a fifth of the register) is rebuilt rather than patched. */
const patchAtMost = 50_000;
const heartbeatEveryMs = 30_000;

function storeOf(db: Database): Store {
  let store = stores.get(db);
  if (!store) {
    store = {
      texts: new Map(),
      textEpoch: 0,
      evaluations: new Map(),
      reader: randomUUID(),
      heartbeatAt: 0,
      patchedRows: 0,
      stats: {
        generation: 0,
        patches: 0,
        patchedRows: 0,
        readMs: 0,
        patchMs: 0,
        rebuilds: 0,
        lastRebuildMs: 0,
        last: null,
      },
    };
    stores.set(db, store);
  }
  return store;
}

/** What maintenance has cost in this process for `db` (a copy). */
export function maintenanceOf(db: Database): MaintenanceStats {
  const { stats, index } = storeOf(db);
  return { ...stats, generation: index?.generation ?? stats.generation, last: stats.last && { ...stats.last } };
}

/**
 * The index for `generation` or later, caught up from the change log; undefined only while a
 * large register's index is built from scratch (no index yet, or one the log cannot patch).
 */
export async function searchIndexFor(
  db: Database,
  generation: number,
  inlineBelow = rebuildInlineBelow,
): Promise<FacetIndex | undefined> {
  const store = storeOf(db);
  for (let attempt = 0; store.index && attempt < 3; attempt++) {
    if (store.index.generation >= generation) return store.index;
    store.catching ??= catchUp(db, store).finally(() => {
      store.catching = undefined;
    });
    if (!(await store.catching)) break;
  }
  if (store.index && store.index.generation >= generation) return store.index;
  const building = rebuild(db, store);
  if ((store.index?.rows ?? (await estimatedRows(db))) < inlineBelow) {
    const index = await building;
    return index && index.generation >= generation ? index : undefined;
  }
  return undefined;
}

/** Builds the index now (at start-up, and in benchmarks); resolves once it is current. */
export async function warmSearchIndex(db: Database): Promise<FacetIndex | undefined> {
  return rebuild(db, storeOf(db));
}

/**
 * Patches the store's index up to the log's generation. False when it cannot (the log was
 * trimmed past it, a truncate, too large a change, or rows that do not fit); the index is then
 * dropped and rebuilt.
 */
async function catchUp(db: Database, store: Store): Promise<boolean> {
  const index = store.index;
  if (!index) return false;
  const result = await patchFromLog(db, index, store);
  if (store.index !== index) return true; // a rebuild replaced it meanwhile: the caller looks again
  if (result === 'cannot') {
    store.index = undefined;
    clearTexts(store);
    store.evaluations.clear();
    return false;
  }
  if (result === 'patched' || result === 'patched texts') {
    if (result === 'patched texts') clearTexts(store);
    store.evaluations.clear();
    // Deleted slots and patched postings cost memory and a little speed: compact in the background.
    if (store.patchedRows > Math.max(patchAtMost, index.rows / 2) || index.size - index.rows > index.size / 10)
      void rebuild(db, store);
  }
  heartbeat(db, store, index.generation);
  return true;
}

/** Reads what changed after the index's generation in one snapshot and patches the index with it. */
async function patchFromLog(
  db: Database,
  index: FacetIndex,
  store: Store,
): Promise<'current' | 'patched' | 'patched texts' | 'cannot'> {
  const started = performance.now();
  const after = index.generation;
  const read = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const log = await readLog(trx, after);
      if (log.generation <= after) return { log };
      if (after < log.trimmedThrough || log.whole || log.seqs.length > Math.max(patchAtMost, index.rows / 5))
        return { log, cannot: true };
      if (log.seqs.length === 0) return { log };
      const mechanismOf = await readMechanisms(trx);
      const rows = await readChangedRows(trx, log.seqs, log.withText, mechanismOf);
      const joined = await readJoined(trx, log.seqs);
      const next = await readSuccessors(
        trx,
        rows.map((row) => row.seq),
      );
      return { log, rows, joined, next };
    });
  if ('cannot' in read) return 'cannot';
  if (index.generation !== after) return 'current'; // patched by another caller meanwhile
  if (!read.rows) {
    index.generation = Math.max(index.generation, read.log.generation);
    return 'current';
  }
  const readMs = performance.now() - started;
  const found = new Map(read.rows.map((row) => [row.seq, row]));
  const changes: RowChange[] = read.log.seqs.map((seq) => {
    const row = found.get(seq);
    if (!row) return { seq, row: null };
    const { tsv, ...rest } = row;
    const cluster = read.joined.cluster.get(seq) ?? [];
    const entity = read.joined.entity.get(seq) ?? [];
    return { seq, row: { ...rest, cluster, entity }, tsv: tsv ?? undefined };
  });
  const patching = performance.now();
  try {
    patchIndex(index, read.log.generation, changes, read.next);
  } catch {
    return 'cannot';
  }
  const patchMs = performance.now() - patching;
  const { stats } = store;
  store.patchedRows += changes.length;
  stats.patches++;
  stats.patchedRows += changes.length;
  stats.readMs += readMs;
  stats.patchMs += patchMs;
  stats.last = { rows: changes.length, readMs, patchMs, waitedMs: read.log.since ? Date.now() - read.log.since : 0 };
  return changes.some((change) => !change.row || change.tsv) ? 'patched texts' : 'patched';
}

function clearTexts(store: Store): void {
  store.texts.clear();
  store.textEpoch++;
}

/** Where this process stands, for trimming the log; at most every 30 s, never awaited by a search. */
function heartbeat(db: Database, store: Store, generation: number): void {
  const now = Date.now();
  if (now - store.heartbeatAt < heartbeatEveryMs) return;
  store.heartbeatAt = now;
  heartbeatAndTrim(db, store.reader, generation).catch(() => {
    // A closing database, or a moment of contention: the next heartbeat tries again.
  });
}

function rebuild(db: Database, store: Store): Promise<FacetIndex | undefined> {
  const started = performance.now();
  store.building ??= buildIndex(db)
    .then(async (index) => {
      if (!index) return index;
      // Rows written during the read: the log since the generation read first brings them in.
      if ((await patchFromLog(db, index, store)) === 'cannot') return undefined;
      if (!store.index || index.generation >= store.index.generation) {
        store.index = index;
        store.patchedRows = 0;
        clearTexts(store);
        store.evaluations.clear();
        store.stats.rebuilds++;
        store.stats.lastRebuildMs = performance.now() - started;
        heartbeat(db, store, index.generation);
      }
      return index;
    })
    // A failed rebuild (a closing database) leaves the SQL path answering; the next search retries.
    .catch(() => undefined)
    .finally(() => {
      store.building = undefined;
      // The build's chunks and growing arrays, and the index it replaced, are garbage now: a large
      // register's would otherwise stay resident until V8's next major collection (decision 028).
      if ((store.index?.size ?? 0) >= collectAfterRows) collectGarbageSoon();
    });
  return store.building;
}

const collectAfterRows = 50_000;

/**
 * Reads the register in chunks, without a long transaction (PGlite has one connection, which
 * other requests share meanwhile). The index is labelled with the generation read first; the
 * change log then brings it up to date (`rebuild`), so writes during a long read no longer
 * throw the result away.
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
  // Rows written during the read may be older or newer than `before`: every one of them is in the
  // change log after `before`, and the catch-up that follows re-reads it.
  return builder.build(before, orders, text.build());
}

/**
 * Slots matching `q`, cached with the index: evaluated by the text index over the query as
 * PostgreSQL parses it (one round trip), or, for what the text index leaves to SQL (negation
 * inside a phrase), matched by PostgreSQL.
 */
export async function textMatchOf(db: Database, index: FacetIndex, q: string, withRank: boolean): Promise<TextMatch> {
  const store = storeOf(db);
  const epoch = store.textEpoch;
  const key = `${withRank ? 'r' : 'm'}|${q}`;
  const cached = store.index === index ? remember(store.texts, key) : undefined;
  if (cached) return cached;
  // Kept only if no text changed meanwhile (the index is patched in place between awaits).
  const current = () => store.index === index && store.textEpoch === epoch;
  const inMemory = index.text?.match(await parsedQueries(db, q), withRank);
  if (inMemory) {
    if (current()) keep(store.texts, key, inMemory);
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
  if (current()) keep(store.texts, key, match);
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
  const key = `${index.generation}|${keyOf(q, filters)}`;
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
