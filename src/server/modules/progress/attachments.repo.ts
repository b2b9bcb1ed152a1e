import type { Insertable } from 'kysely';
import type { AttachmentSubjectKind } from '../../../shared/schemas/progress';
import type { AttachmentsTable } from '../../db/schema';
import type { Executor } from '../../http/context';

const column = (kind: AttachmentSubjectKind) => (kind === 'action' ? 'a.action_id' : 'a.progress_update_id');

export function findAttachments(db: Executor, kind: AttachmentSubjectKind, subjectId: string) {
  return db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .select([
      'a.id',
      'a.filename',
      'a.content_type',
      'a.size_bytes',
      'a.sha256',
      'a.created_at',
      'u.name as uploaded_by',
    ])
    .where(column(kind), '=', subjectId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof findAttachments>>[number];

/**
 * The files of several progress updates at once (one page of answers to a call, a report's
 * footnotes), in the order they were attached; files attached together by name.
 */
export function findAttachmentsOfUpdates(db: Executor, updateIds: string[]) {
  if (updateIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .select(['id', 'progress_update_id', 'filename', 'content_type', 'size_bytes'])
    .where('progress_update_id', 'in', updateIds)
    .orderBy('created_at')
    .orderBy('filename')
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Executor, id: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertAttachment(db: Executor, row: Insertable<AttachmentsTable>) {
  return db.insertInto('attachments').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function deleteAttachmentRow(db: Executor, id: string): Promise<number> {
  const result = await db.deleteFrom('attachments').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The action's responsible entity, locked: its documents change in this transaction. */
export function findAction(db: Executor, id: string, lock = false) {
  const query = db.selectFrom('actions').select(['id', 'responsible_entity_id']).where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}
