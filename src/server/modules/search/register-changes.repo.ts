import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import type { Sort } from './facet-index';

/**
 * The register's change log (migration 0033, decision 025): triggers on recommendations,
 * assignments, cluster members and bodies write the seqs each statement touched, at the register
 * generation that statement moved to. The generation row stays locked until the writer commits,
 * so a reader that sees generation G sees every change up to G.
 */
export interface LogRead {
  generation: number;
  /** the log holds nothing at or below this generation any more */
  trimmedThrough: number;
  /** the recommendations changed after the reader's generation, up to `generation` */
  seqs: number[];
  /** those whose texts changed (or that are new) */
  withText: number[];
  /** a truncate: every row changed */
  whole: boolean;
  /** when the earliest of those changes was written (ms since the epoch, the database's clock) */
  since: number | null;
}

/**
 * What changed after generation `after`, in one statement (one snapshot, one round trip): the
 * generation and trim mark, and the changes between, grouped by seq, when the log can say. A
 * catch-up after a write that changed nothing indexed (a status history row, an entity's name)
 * costs just this. Run it again in the snapshot of the rows' reads when they follow.
 */
export async function readLog(db: Executor, after: number): Promise<LogRead> {
  const { rows } = await sql<{
    generation: string;
    trimmed_through: string;
    seq: number | null;
    text: boolean | null;
    since: number | null;
  }>`
    select g.generation::text, g.trimmed_through::text, c.seq, c.text, c.since
    from register_generation g
    left join lateral (
      select seq, bool_or(text_changed) as text, extract(epoch from min(changed_at)) * 1000 as since
      from register_changes
      where position > ${after} and position <= g.generation and ${after} >= g.trimmed_through
      group by seq
    ) c on true
    where g.id = 1`.execute(db);
  const generation = Number(rows[0]?.generation ?? 0);
  const trimmedThrough = Number(rows[0]?.trimmed_through ?? 0);
  // The head alone comes back as one row with no change (since is null).
  const changes = rows.filter((row) => row.since !== null);
  if (generation <= after || after < trimmedThrough)
    return { generation, trimmedThrough, seqs: [], withText: [], whole: false, since: null };
  return {
    generation,
    trimmedThrough,
    seqs: changes.flatMap((row) => (row.seq === null ? [] : [row.seq])),
    withText: changes.flatMap((row) => (row.seq !== null && row.text ? [row.seq] : [])),
    whole: changes.some((row) => row.seq === null),
    since: changes.reduce<number | null>((min, row) => Math.min(min ?? Number(row.since), Number(row.since)), null),
  };
}

/**
 * For each of `seqs`, the seq of the row after it in each sort order (the orders of `readOrders`),
 * null for the last: an index lookup each (0005's number index, 0033's newest and updated ones).
 */
export async function readSuccessors(
  db: Executor,
  seqs: readonly number[],
): Promise<Record<Sort, Map<number, number | null>>> {
  const after = (column: 'created_at' | 'updated_at') => sql`coalesce(
      (select r.seq from recommendations r where r.${sql.ref(column)} = c.${sql.ref(column)} and r.id > c.id
        order by r.${sql.ref(column)} desc, r.id limit 1),
      (select r.seq from recommendations r where r.${sql.ref(column)} < c.${sql.ref(column)}
        order by r.${sql.ref(column)} desc, r.id limit 1))`;
  const { rows } = await sql<{ seq: number; number: number | null; newest: number | null; updated: number | null }>`
    select c.seq,
      (select r.seq from recommendations r
        where (r.body_code, r.review_id, r.number_sort, r.id) > (c.body_code, c.review_id, c.number_sort, c.id)
        order by r.body_code, r.review_id, r.number_sort, r.id limit 1) as number,
      ${after('created_at')} as newest,
      ${after('updated_at')} as updated
    from recommendations c where c.seq = any(${seqs}::int[])`.execute(db);
  const next = { number: new Map(), newest: new Map(), updated: new Map() } as Record<Sort, Map<number, number | null>>;
  for (const row of rows)
    for (const sort of ['number', 'newest', 'updated'] as const) next[sort].set(row.seq, row[sort]);
  return next;
}

/**
 * Records where this process's index stands, and trims the log: what every process seen in the
 * last `activeMinutes` has applied, and anything older than `keepMinutes` whatever the readers.
 * Returns the generation the log is now trimmed through (0: nothing deleted).
 */
export async function heartbeatAndTrim(
  db: Executor,
  reader: string,
  position: number,
  activeMinutes = 60,
  keepMinutes = 24 * 60,
): Promise<number> {
  await db
    .insertInto('search_index_readers')
    .values({ reader, position, seen_at: sql`now()` })
    .onConflict((conflict) =>
      conflict.column('reader').doUpdateSet({ position: (row) => row.ref('excluded.position'), seen_at: sql`now()` }),
    )
    .execute();
  await db
    .deleteFrom('search_index_readers')
    .where('seen_at', '<', sql<Date>`now() - make_interval(mins => ${keepMinutes})`)
    .execute();
  const { rows } = await sql<{ through: string | null }>`
    with bound as (
      select greatest(
        coalesce((select min(position) from search_index_readers
          where seen_at >= now() - make_interval(mins => ${activeMinutes})), 0),
        coalesce((select max(position) from register_changes
          where changed_at < now() - make_interval(mins => ${keepMinutes})), 0)) as through
    ), gone as (
      delete from register_changes where position <= (select through from bound) returning position
    )
    select max(position)::text as through from gone`.execute(db);
  const through = Number(rows[0]?.through ?? 0);
  if (through > 0)
    await db
      .updateTable('register_generation')
      .set({ trimmed_through: sql`greatest(trimmed_through, ${through})` })
      .where('id', '=', 1)
      .execute();
  return through;
}
