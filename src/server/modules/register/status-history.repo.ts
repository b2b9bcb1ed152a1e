import { sql } from 'kysely';
import type { StatusCauseKind } from '../../../shared/schemas/register';
import type { Executor } from '../../http/context';

/** A recommendation's status changes, newest first, with who made them and why. */
export function findStatusHistory(db: Executor, id: string) {
  return db
    .selectFrom('recommendation_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.status',
      'h.previous_status',
      'h.cause_kind',
      'h.progress_update_id',
      'h.import_id',
      'h.note',
      'h.changed_at',
      'u.name as changed_by',
    ])
    .where('h.recommendation_id', '=', id)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}

export type StatusHistoryRow = Awaited<ReturnType<typeof findStatusHistory>>[number];

export async function insertStatusChange(
  db: Executor,
  row: {
    recommendation_id: string;
    status: string;
    previous_status: string | null;
    note: string | null;
    changed_by: string | null;
    cause_kind: StatusCauseKind;
    /** The cause's record: set for its own kind only (a CHECK holds to it). */
    progress_update_id?: string | null;
    import_id?: string | null;
  },
): Promise<void> {
  await db.insertInto('recommendation_status_history').values(row).execute();
}

/** The first line of each imported recommendation's status history, in one statement. */
export async function insertImportedStatuses(
  db: Executor,
  ids: string[],
  status: string,
  userId: string | null,
  importId: string,
): Promise<void> {
  if (ids.length === 0) return;
  await sql`
    insert into recommendation_status_history (recommendation_id, status, previous_status, changed_by, cause_kind, import_id)
    select id, ${status}, null, ${userId}::uuid, 'import', ${importId}::uuid from unnest(${ids}::uuid[]) as id`.execute(
    db,
  );
}
