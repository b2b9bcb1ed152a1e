import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Attachment, AttachmentList, AttachmentSubjectKind } from '../../../shared/schemas/progress';
import type { Deps } from '../../deps';
import { contentMatches, contentTypes, kindOfName } from '../../files/file-types';
import { newStorageKey } from '../../files/store';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { actionFilesAccess } from '../actions/actions.service';
import { recordAudit } from '../audit/audit.service';
import {
  type AttachmentRow,
  deleteAttachmentRow,
  findAction,
  findAttachment,
  findAttachments,
  findAttachmentsOfUpdates,
  insertAttachment,
} from './attachments.repo';
import { canProgress } from './progress.policy';
import { findUpdateStatus, lockUpdate } from './progress.repo';
import { editable, readableUpdate } from './progress.service';

type FileDeps = Pick<Deps, 'db' | 'files'> & { settings: Pick<Deps['settings'], 'EVIDENCE_MAX_MB' | 'EVIDENCE_TYPES'> };

export interface Subject {
  kind: AttachmentSubjectKind;
  id: string;
}

export const maxBytesOf = (deps: FileDeps) => Math.floor(deps.settings.EVIDENCE_MAX_MB * 1_048_576);

/**
 * Who reads and changes a subject's files. A progress update's: whoever reads the update;
 * changed by its writers while it is a draft or returned. An action's: whoever reads the action
 * (actions policy: scope for people who act for entities), changed by whoever may edit it.
 * With `lock`, the subject's row is locked for the transaction that changes its files.
 */
async function access(db: Executor, actor: Actor, subject: Subject, lock = false) {
  const user = signedIn(actor);
  if (subject.kind === 'progress_update') {
    const { seat } = await readableUpdate(db, actor, subject.id);
    const row = lock ? await lockUpdate(db, subject.id) : null;
    const status = row?.status ?? (await findUpdateStatus(db, subject.id));
    const writer = canProgress(user, 'write', { seat });
    return { canEdit: writer && status !== undefined && editable.includes(status), writer };
  }
  // Locks the action's row (when asked) before deciding, so a change waits for a concurrent one.
  if (!(await findAction(db, subject.id, lock))) throw new AppError('NOT_FOUND');
  const { canEdit } = await actionFilesAccess(db, actor, subject.id);
  return { canEdit, writer: canEdit };
}

function present(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    fileName: row.filename,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** A subject's files, with whether the reader may change them and the limits for the form. */
export async function listAttachments(deps: FileDeps, actor: Actor, subject: Subject): Promise<AttachmentList> {
  const { canEdit } = await access(deps.db, actor, subject);
  const rows = await findAttachments(deps.db, subject.kind, subject.id);
  return { items: rows.map(present), canEdit, maxBytes: maxBytesOf(deps), types: deps.settings.EVIDENCE_TYPES };
}

/** What the upload form says of the limits (largest size, accepted kinds). */
export const evidenceLimits = (deps: FileDeps) => ({ maxBytes: maxBytesOf(deps), types: deps.settings.EVIDENCE_TYPES });

/**
 * The evidence of several updates by update id, for a page that has already checked the reader
 * may read them (the answers to a call, for the entity's people and the secretariat).
 */
export async function evidenceOfUpdates(db: Executor, updateIds: string[]) {
  const byUpdate = new Map<string, { id: string; fileName: string; contentType: string; sizeBytes: number }[]>();
  for (const row of await findAttachmentsOfUpdates(db, updateIds)) {
    const key = row.progress_update_id as string;
    const files = byUpdate.get(key) ?? [];
    if (files.length === 0) byUpdate.set(key, files);
    files.push({
      id: row.id,
      fileName: row.filename,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
    });
  }
  return byUpdate;
}

function refuse(
  code: 'VALIDATION' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_FILE',
  fileName: string,
  message: string,
): never {
  throw new AppError(code, { issues: [{ path: 'file', file: fileName, message }] });
}

/**
 * Adds a file: checked (not empty, within the size limit, an allowed type by name and by content),
 * stored first, then recorded in one transaction; if the record fails, the stored bytes go again.
 */
/**
 * The upload policy, checked before the body is read: the person may write to the subject
 * (NOT_FOUND when they may not read it, FORBIDDEN when they only read it).
 */
export async function requireAttachmentWriter(db: Executor, actor: Actor, subject: Subject): Promise<void> {
  if (!(await access(db, actor, subject)).writer) throw new AppError('FORBIDDEN');
}

export async function uploadAttachment(
  deps: FileDeps,
  actor: Actor,
  subject: Subject,
  fileName: string,
  data: Buffer,
): Promise<Attachment> {
  const user = signedIn(actor);
  const { canEdit, writer } = await access(deps.db, actor, subject);
  if (!writer) throw new AppError('FORBIDDEN');
  if (!canEdit) throw new AppError('CONFLICT', { issues: [{ message: 'issues.file.notEditable' }] });
  if (data.length === 0) refuse('VALIDATION', fileName, 'issues.file.empty');
  if (data.length > maxBytesOf(deps)) refuse('PAYLOAD_TOO_LARGE', fileName, 'issues.file.tooLarge');
  const kind = kindOfName(fileName);
  if (!kind || !deps.settings.EVIDENCE_TYPES.includes(kind))
    refuse('UNSUPPORTED_FILE', fileName, 'issues.file.typeNotAllowed');
  if (!contentMatches(kind, data)) refuse('UNSUPPORTED_FILE', fileName, 'issues.file.contentMismatch');

  const key = newStorageKey(subject.kind === 'action' ? 'actions' : 'evidence');
  const contentType = contentTypes[kind];
  const sha256 = createHash('sha256').update(data).digest('hex');
  await deps.files.put(key, data, contentType);
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      // Checked again under the lock: the update may have been submitted meanwhile.
      if (!(await access(trx, actor, subject, true)).canEdit)
        throw new AppError('CONFLICT', { issues: [{ message: 'issues.file.notEditable' }] });
      const row = await insertAttachment(trx, {
        progress_update_id: subject.kind === 'progress_update' ? subject.id : null,
        action_id: subject.kind === 'action' ? subject.id : null,
        filename: fileName,
        content_type: contentType,
        size_bytes: data.length,
        sha256,
        storage_key: key,
        uploaded_by: user.id,
      });
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'attachment',
        recordId: row.id,
        after: { subject, fileName, contentType, sizeBytes: data.length, sha256 },
      });
      return row.id;
    });
    const rows = await findAttachments(deps.db, subject.kind, subject.id);
    const added = rows.find((row) => row.id === id);
    if (!added) throw new AppError('NOT_FOUND');
    return present(added);
  } catch (error) {
    await deps.files.delete(key).catch(() => undefined);
    throw error;
  }
}

function subjectOf(row: { progress_update_id: string | null; action_id: string | null }): Subject {
  return row.action_id
    ? { kind: 'action', id: row.action_id }
    : { kind: 'progress_update', id: row.progress_update_id as string };
}

/** A file's bytes for whoever may read its subject. */
export async function downloadAttachment(deps: FileDeps, actor: Actor, id: string) {
  const row = await findAttachment(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  await access(deps.db, actor, subjectOf(row));
  return { fileName: row.filename, contentType: row.content_type, data: await deps.files.get(row.storage_key) };
}

/** Removes a file: the record in a transaction, then the bytes (a leftover file is harmless, a dangling record is not). */
export async function deleteAttachment(deps: FileDeps, actor: Actor, id: string): Promise<void> {
  const row = await findAttachment(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const subject = subjectOf(row);
  const { canEdit, writer } = await access(deps.db, actor, subject);
  if (!writer) throw new AppError('FORBIDDEN');
  if (!canEdit) throw new AppError('CONFLICT', { issues: [{ message: 'issues.file.notEditable' }] });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await access(trx, actor, subject, true)).canEdit)
      throw new AppError('CONFLICT', { issues: [{ message: 'issues.file.notEditable' }] });
    if ((await deleteAttachmentRow(trx, id)) === 0) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'attachment',
      recordId: id,
      before: { subject, fileName: row.filename, sha256: row.sha256 },
    });
  });
  await deps.files.delete(row.storage_key).catch(() => undefined);
}
