import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import type { IndexRow, Sort } from './facet-index';
import { searchLangs } from './text-search.repo';

/**
 * Moves on every change to recommendations, clusters, terms (statement triggers, migration 0004),
 * assignments (0010), an entity's kind, level or parent and the status history (0022), a body's
 * mechanism (0033): every cache keyed by it belongs to one generation. Since 0033 the writes the
 * index reads also log their rows at that generation (register-changes.repo.ts).
 */
export async function readRegisterGeneration(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('register_generation')
    .select('generation')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.generation);
}

/** The planner's estimate of the register's rows: whether a stale index is rebuilt before answering. */
export async function estimatedRows(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select reltuples::float8 as n from pg_class where oid = 'recommendations'::regclass`.execute(db);
  return Math.max(0, rows[0]?.n ?? 0);
}

/** The mechanism of each body (its code → mechanism), for the index's mechanism facet. */
export async function readMechanisms(db: Executor): Promise<Map<string, string>> {
  const bodies = await db.selectFrom('bodies').select(['code', 'mechanism']).execute();
  return new Map(bodies.map((body) => [body.code, body.mechanism]));
}

/** Seqs in each sort order of the register (the SQL path's orders, ties by id). */
export async function readOrders(db: Executor): Promise<Record<Sort, Int32Array>> {
  const { rows } = await sql<Record<Sort, string | null>>`
    select string_agg(seq::text, ',' order by body_code, review_id, number_sort, id) as number,
      string_agg(seq::text, ',' order by created_at desc, id) as newest,
      string_agg(seq::text, ',' order by updated_at desc, id) as updated
    from recommendations`.execute(db);
  const row = rows[0];
  const parse = (list: string | null | undefined) =>
    list ? Int32Array.from(list.split(','), Number) : new Int32Array(0);
  return { number: parse(row?.number), newest: parse(row?.newest), updated: parse(row?.updated) };
}

/**
 * Each recommendation's clusters and assigned entities (directly or by delegation), by seq: of
 * every row (a build), or of `seqs` (a catch-up). One query, as a catch-up's transaction runs
 * its reads one after another.
 */
export async function readJoined(
  db: Executor,
  seqs?: readonly number[],
): Promise<Record<'cluster' | 'entity', Map<number, string[]>>> {
  const only = seqs ? sql`where r.seq = any(${seqs}::int[])` : sql``;
  const { rows } = await sql<{ seq: number; kind: 'cluster' | 'entity'; value: string }>`
    select r.seq, 'cluster' as kind, j.cluster_id::text as value
    from cluster_members j join recommendations r on r.id = j.recommendation_id ${only}
    union all
    select r.seq, 'entity', j.entity_id::text
    from assignments j join recommendations r on r.id = j.recommendation_id ${only}`.execute(db);
  const joined = { cluster: new Map<number, string[]>(), entity: new Map<number, string[]>() };
  for (const { seq, kind, value } of rows) {
    const values = joined[kind].get(seq);
    if (values) values.push(value);
    else joined[kind].set(seq, [value]);
  }
  return joined;
}

// Array columns travel as one string each (unit separator): node-postgres parses arrays slowly.
const list = (column: string) => sql<string>`array_to_string(${sql.ref(column)}, chr(31))`;
const split = (value: string) => (value === '' ? [] : value.split('\u001f'));

/**
 * One chunk of rows after `afterSeq`, in seq order, in the index's shape, with each row's six
 * `tsvector`s as text for the text index (ar, zh, en, fr, ru, es; null where empty).
 */
export async function readIndexRows(
  db: Executor,
  afterSeq: number,
  limit: number,
  mechanismOf: ReadonlyMap<string, string>,
): Promise<(IndexRow & { tsv: (string | null)[] })[]> {
  const rows = await selectRows(db, sql<boolean>`true`)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => toIndexRow(row, mechanismOf) as IndexRow & { tsv: (string | null)[] });
}

/**
 * The rows of `seqs` as they now are (a deleted one is missing), their texts only for those in
 * `withText`: the change log says which texts changed.
 */
export async function readChangedRows(
  db: Executor,
  seqs: readonly number[],
  withText: readonly number[],
  mechanismOf: ReadonlyMap<string, string>,
): Promise<(IndexRow & { tsv: (string | null)[] | null })[]> {
  const rows = await selectRows(db, sql<boolean>`seq = any(${withText}::int[])`)
    .where(sql<boolean>`seq = any(${seqs}::int[])`)
    .execute();
  return rows.map((row) => toIndexRow(row, mechanismOf));
}

function selectRows(db: Executor, withText: ReturnType<typeof sql<boolean>>) {
  return db
    .selectFrom('recommendations')
    .select([
      'seq',
      'body_code',
      sql<string>`review_id::text`.as('review'),
      'cycle',
      'position',
      'status',
      list('theme_ids').as('themes'),
      list('affected_ids').as('affected'),
      list('sdg_goals').as('goals'),
      list('sdg_targets').as('targets'),
      list('recommending_states').as('states'),
      list('local_levels').as('levels'),
      sql<boolean>`${withText}`.as('with_text'),
      ...searchLangs.map((lang) =>
        sql<string | null>`case when ${withText} then nullif(${sql.ref(`tsv_${lang}`)}::text, '') end`.as(
          `tsv_${lang}`,
        ),
      ),
    ]);
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectRows>['execute']>>[number];

function toIndexRow(row: SelectedRow, mechanismOf: ReadonlyMap<string, string>) {
  return {
    seq: row.seq,
    single: {
      mechanism: mechanismOf.get(row.body_code) ?? 'other',
      body: row.body_code,
      review: row.review,
      cycle: row.cycle === null ? null : String(row.cycle),
      position: row.position,
      status: row.status,
    },
    multi: {
      theme: split(row.themes),
      affected: split(row.affected),
      sdgGoal: split(row.goals),
      sdgTarget: split(row.targets),
      state: split(row.states),
    },
    levels: split(row.levels),
    tsv: row.with_text
      ? searchLangs.map((lang) => (row as unknown as Record<string, string | null>)[`tsv_${lang}`] ?? null)
      : null,
  };
}
