import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { PracticeAttachment } from '../../../shared/schemas/hub-practices';
import type { Deps } from '../../deps';
import { contentMatches, contentTypes, kindOfName } from '../../files/file-types';
import { newStorageKey } from '../../files/store';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { canPractices } from './practices.policy';
import {
  actsForMember,
  attachmentIsPublished,
  deleteAttachmentRow,
  findAttachment,
  findPractice,
  findPublished,
  insertAttachment,
  updatePractice,
} from './practices.repo';

// A practice's files (decision 036): the bytes in the files store, a row per file. Upload is the
// raw body with the name in the query (lib/upload-body.ts), the kind checked by name and content
// (files/file-types.ts), the size against HUB_ATTACHMENT_MAX_MB with a 413 naming the file and the
// limit. Bytes are stored first and the row written after; a failed row removes the bytes, so a
// failure leaves nothing half-written.

type FileDeps = Pick<Deps, 'db' | 'files'> & { settings: Pick<Deps['settings'], 'HUB_ATTACHMENT_MAX_MB'> };

export const hubAttachmentMaxBytes = (deps: { settings: Pick<Deps['settings'], 'HUB_ATTACHMENT_MAX_MB'> }) =>
  Math.floor(deps.settings.HUB_ATTACHMENT_MAX_MB * 1_048_576);

/** Kinds a practice may attach: documents and images, never HTML or scripts. */
const allowedKinds = ['pdf', 'docx', 'xlsx', 'csv', 'png', 'jpeg', 'odt', 'ods'] as const;

async function writable(db: Executor, actor: Actor, practiceId: string, lock = false) {
  const user = signedIn(actor);
  const practice = await findPractice(db, practiceId, lock);
  if (!practice) throw new AppError('NOT_FOUND');
  const record = { actsForMember: await actsForMember(db, user.id, practice.member_id) };
  if (!canPractices(user, 'history', record)) throw new AppError('NOT_FOUND');
  if (!canPractices(user, 'write', record)) throw new AppError('FORBIDDEN');
  if (practice.status === 'submitted')
    throw new AppError('CONFLICT', { issues: [{ path: 'status', message: 'hubPractices.issues.underModeration' }] });
  return { user, practice };
}

/** The upload policy, run before a byte of the body is read. */
export async function requirePracticeFileWriter(db: Executor, actor: Actor, practiceId: string): Promise<void> {
  await writable(db, actor, practiceId);
}

/** 413 naming the file and the limit. */
export function tooLarge(file: string, maxMb: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    params: { file, maxMb },
    issues: [{ path: 'file', file, message: 'hubPractices.issues.fileTooLarge' }],
  });
}

function refuse(code: 'VALIDATION' | 'UNSUPPORTED_FILE', file: string, message: string): never {
  throw new AppError(code, { params: { file }, issues: [{ path: 'file', file, message }] });
}

export async function uploadPracticeFile(
  deps: FileDeps,
  actor: Actor,
  practiceId: string,
  fileName: string,
  data: Buffer,
): Promise<PracticeAttachment> {
  await writable(deps.db, actor, practiceId);
  const maxBytes = hubAttachmentMaxBytes(deps);
  if (data.length > maxBytes) throw tooLarge(fileName, deps.settings.HUB_ATTACHMENT_MAX_MB);
  if (data.length === 0) refuse('VALIDATION', fileName, 'hubPractices.issues.fileEmpty');
  const kind = kindOfName(fileName);
  if (!kind || !(allowedKinds as readonly string[]).includes(kind))
    refuse('UNSUPPORTED_FILE', fileName, 'hubPractices.issues.fileType');
  if (!contentMatches(kind, data)) refuse('UNSUPPORTED_FILE', fileName, 'hubPractices.issues.fileContent');
  const key = newStorageKey('hub-practices');
  const contentType = contentTypes[kind];
  await deps.files.put(key, data, contentType);
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      const { user } = await writable(trx, actor, practiceId, true);
      // The working copy changed: a new version to submit (the public one keeps its files).
      await updatePractice(trx, practiceId, { status: 'draft' });
      const added = await insertAttachment(trx, {
        practice_id: practiceId,
        filename: fileName,
        content_type: contentType,
        size_bytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        storage_key: key,
        uploaded_by: user.id,
      });
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'hub_practice_file',
        recordId: added.id,
        after: { practiceId, fileName, sizeBytes: data.length },
      });
      return added;
    });
    return {
      id: row.id,
      fileName: row.filename,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      createdAt: row.created_at.toISOString(),
    };
  } catch (error) {
    await deps.files.delete(key).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes a file from the working copy. Its bytes stay while a published or pending version lists
 * it (the public page and the moderator still link it); the row goes with the practice then.
 */
export async function deletePracticeFile(deps: FileDeps, actor: Actor, practiceId: string, fileId: string) {
  const key = await deps.db.transaction().execute(async (trx) => {
    await writable(trx, actor, practiceId, true);
    const file = await findAttachment(trx, practiceId, fileId);
    if (!file) throw new AppError('NOT_FOUND');
    if (await attachmentIsPublished(trx, practiceId, fileId))
      throw new AppError('CONFLICT', {
        issues: [{ path: 'file', file: file.filename, message: 'hubPractices.issues.fileInVersion' }],
      });
    await deleteAttachmentRow(trx, fileId);
    await updatePractice(trx, practiceId, { status: 'draft' });
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'hub_practice_file',
      recordId: fileId,
      before: { practiceId, fileName: file.filename },
    });
    return file.storage_key;
  });
  await deps.files.delete(key).catch(() => undefined);
}

/** A file for its authors and the moderators (any file of the working copy or its versions). */
export async function downloadPracticeFile(deps: FileDeps, actor: Actor, practiceId: string, fileId: string) {
  const user = signedIn(actor);
  const practice = await findPractice(deps.db, practiceId);
  if (!practice) throw new AppError('NOT_FOUND');
  const record = { actsForMember: await actsForMember(deps.db, user.id, practice.member_id) };
  if (!canPractices(user, 'history', record)) throw new AppError('NOT_FOUND');
  return readFile(deps, practiceId, fileId);
}

/** A file of a published practice, for anyone: only when the published version lists it. */
export async function downloadPublishedFile(deps: FileDeps, practiceId: string, fileId: string) {
  const published = await findPublished(deps.db, practiceId);
  if (!published?.content.attachmentIds.includes(fileId)) return undefined;
  return readFile(deps, practiceId, fileId);
}

async function readFile(deps: FileDeps, practiceId: string, fileId: string) {
  const file = await findAttachment(deps.db, practiceId, fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: file.filename, contentType: file.content_type, data: await deps.files.get(file.storage_key) };
}
