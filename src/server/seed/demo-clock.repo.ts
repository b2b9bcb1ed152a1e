import { sql } from 'kysely';
import type { Executor } from '../http/context';

/**
 * The demo's clock (decision 023). The demo year is played through the services, which stamp
 * every act with the present; each act is then moved, as a whole, to the day the story gives it:
 * every timestamp written since the act began (and not in the future: a reminder scheduled ahead
 * stays where the service put it) moves back by the same interval. Dates that the act itself
 * chose relative to its day (a call's deadline, an assignment's due date) move with it when the
 * step names them.
 */

/** The database's clock: the mark after which an act's timestamps are its own. */
export async function clockMark(db: Executor): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  const now = rows[0]?.now;
  if (!now) throw new Error('demo clock: no time from the database');
  return new Date(now);
}

/** Every column of the application's tables that holds a point in time. */
export async function timestampColumns(db: Executor): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table: string; column: string }>`
    select table_name as "table", column_name as "column"
    from information_schema.columns
    where table_schema = 'public' and data_type = 'timestamp with time zone'
      and table_name in (select table_name from information_schema.tables
                         where table_schema = 'public' and table_type = 'BASE TABLE')
    order by table_name, column_name`.execute(db);
  return rows;
}

/** A date column of one table that moves with an act, found by that table's timestamp of the act. */
export interface MovedDate {
  table: string;
  column: string;
  /** The row's timestamp that says it belongs to the act (`created_at`, `sent_at`). */
  by: string;
}

/**
 * Moves what was written since `since` back by `days` whole days: the timestamps between the
 * mark and now, and the named date columns of the rows the act wrote.
 */
export async function moveBack(
  db: Executor,
  columns: { table: string; column: string }[],
  since: Date,
  days: number,
  dates: MovedDate[] = [],
): Promise<void> {
  if (days <= 0) return;
  if (!Number.isInteger(days)) throw new Error(`demo clock: ${days} is not a number of days`);
  // One statement for the whole move (a DO block takes no parameters: the values are a whole
  // number and an ISO timestamp made here, the names come from the catalogue, quoted).
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const mark = `'${since.toISOString()}'::timestamptz`;
  const statements = [
    ...dates.map(
      (date) =>
        `update ${ident(date.table)} set ${ident(date.column)} = ${ident(date.column)} - ${days} where ${ident(date.by)} >= ${mark};`,
    ),
    ...columns.map(
      ({ table, column }) =>
        `update ${ident(table)} set ${ident(column)} = ${ident(column)} - interval '${days} days' where ${ident(column)} >= ${mark} and ${ident(column)} <= clock_timestamp();`,
    ),
  ];
  await sql.raw(`do $$ begin ${statements.join(' ')} end $$`).execute(db);
}
