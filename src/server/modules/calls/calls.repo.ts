import { type Insertable, sql } from 'kysely';
import type { CallListQuery } from '../../../shared/schemas/calls';
import type { CallsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { escapeLike } from '../../lib/like';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';
import { deadlineText } from './calls.columns.repo';
import { progressTable } from './calls.tracker.repo';

// Calls.

export async function insertCall(db: Executor, row: Insertable<CallsTable>): Promise<string> {
  const { id } = await db.insertInto('calls').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findCall(db: Executor, id: string) {
  return db
    .selectFrom('calls as c')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as su', 'su.id', 'c.sent_by')
    .select([
      'c.id',
      'c.title',
      'c.message',
      deadlineText.as('deadline'),
      'c.ask_narrative',
      'c.ask_status',
      'c.remind_before',
      'c.remind_after',
      'c.status',
      'c.sent_at',
      'c.version',
      'c.created_at',
      'c.updated_at',
      'cu.name as created_by_name',
      'su.name as sent_by_name',
      sql<number>`(select count(*) from call_recommendations cr where cr.call_id = c.id)::int`.as(
        'recommendation_count',
      ),
      sql<number>`(select count(*) from call_entities ce where ce.call_id = c.id)::int`.as('entity_count'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

/** Locks a call for a change that depends on its state (send, edit of a draft). */
export function lockCall(db: Executor, id: string) {
  return db
    .selectFrom('calls as c')
    .select(['c.id', 'c.status', 'c.version', 'c.title', 'c.message', deadlineText.as('deadline')])
    .where('c.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCallAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<Omit<Insertable<CallsTable>, 'id'>>,
): Promise<boolean> {
  const result = await updateAtVersion(db, 'calls', id, version, patch).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteDraftAtVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await deleteAtVersion(db, 'calls', id, version).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Newest first, filtered and paged in SQL, with each call's counts. */
export async function findCalls(db: Executor, query: CallListQuery) {
  let base = db.selectFrom('calls as c');
  if (query.status) base = base.where('c.status', '=', query.status);
  if (query.q) base = base.where('c.title', 'ilike', `%${escapeLike(query.q)}%`);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as cu', 'cu.id', 'c.created_by')
      .select([
        'c.id',
        'c.title',
        deadlineText.as('deadline'),
        'c.status',
        'c.sent_at',
        'c.version',
        'c.created_at',
        'cu.name as created_by_name',
        sql<number>`(select count(*) from call_recommendations cr where cr.call_id = c.id)::int`.as(
          'recommendation_count',
        ),
        sql<number>`(select count(*) from call_entities ce where ce.call_id = c.id)::int`.as('entity_count'),
        sql<number>`(select count(*) from ${progressTable()} p where p.call_id = c.id and p.status in ('answered_on_time', 'answered_late'))::int`.as(
          'answered_count',
        ),
        sql<number>`(select count(*) from ${progressTable()} p where p.call_id = c.id and p.status = 'late')::int`.as(
          'late_count',
        ),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** A change to a draft's selection is a change of the draft: its version moves on. */
export async function bumpCallVersion(trx: Executor, id: string): Promise<void> {
  await trx
    .updateTable('calls')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}
