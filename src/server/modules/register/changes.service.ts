/**
 * The one way a recommendation changes status, whoever asks: an edit, a batch edit, a validated
 * progress update (and, for the first status, an import: see recommendations.writer). The row at
 * its version, the history row with its typed cause, and the audit event go together.
 */
import type { Updateable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { RecommendationsTable } from '../../db/schema';
import type { Actor, Executor } from '../../http/context';
import { recordAudit } from '../audit/audit.service';
import {
  lockForChange,
  lockHoldingTerm,
  statusExists as statusTermExists,
  type TermColumn,
  updateRecommendationAtVersion,
} from './recommendations.repo';
import { insertStatusChange } from './status-history.repo';

/** Why a status changes, with the record that changed it. */
export type StatusCause =
  | { kind: 'edit' }
  | { kind: 'batch' }
  | { kind: 'progress'; progressUpdateId: string }
  | { kind: 'import'; importId: string };

export interface RecommendationChange {
  id: string;
  /** The stored version and status: the write is refused (STALE_VERSION) when the version moved. */
  version: number;
  status: string;
  /** The patch's fields as they were, for the audit. */
  before: Record<string, unknown>;
  patch: Updateable<RecommendationsTable>;
  cause: StatusCause;
  /** What the person wrote about a status change, if anything. */
  note?: string | null | undefined;
}

/** What the audit adds to the change: the record that caused it. */
function causeRefs(cause: StatusCause) {
  if (cause.kind === 'progress') return { progressUpdateId: cause.progressUpdateId };
  if (cause.kind === 'import') return { importId: cause.importId };
  return {};
}

/** Writes a change at its version; a new status joins the history with its cause. */
export async function saveChange(trx: Executor, actor: Actor, change: RecommendationChange): Promise<void> {
  const { id, patch, cause } = change;
  if (!(await updateRecommendationAtVersion(trx, id, change.version, patch))) throw new AppError('STALE_VERSION');
  if (patch.status !== undefined && patch.status !== change.status) {
    await insertStatusChange(trx, {
      recommendation_id: id,
      status: patch.status,
      previous_status: change.status,
      note: change.note ?? null,
      changed_by: actor.user?.id ?? null,
      cause_kind: cause.kind,
      progress_update_id: cause.kind === 'progress' ? cause.progressUpdateId : null,
      import_id: cause.kind === 'import' ? cause.importId : null,
    });
  }
  await recordAudit(trx, actor, {
    action: 'update',
    recordType: 'recommendation',
    recordId: id,
    before: change.before,
    after: { ...patch, ...causeRefs(cause) },
  });
}

/**
 * Sets one recommendation's status for `cause` (a validated progress update): nothing when the
 * recommendation is gone, already has it, or the status is not in the taxonomy.
 */
export async function changeStatus(
  trx: Executor,
  actor: Actor,
  change: { id: string; status: string; cause: StatusCause },
): Promise<void> {
  if (!(await statusTermExists(trx, change.status))) return;
  const [row] = await lockForChange(trx, [change.id]);
  if (!row || row.status === change.status) return;
  await saveChange(trx, actor, {
    id: row.id,
    version: row.version,
    status: row.status,
    before: { status: row.status },
    patch: { status: change.status },
    cause: change.cause,
  });
}

export type { TermColumn };

/**
 * Replaces a term by another on every recommendation that names it, or removes it (`to` null),
 * when an admin merges or removes a term (the taxonomies module asks; it writes no
 * recommendation itself). Each row is written at its version through saveChange, so each keeps
 * its audit event. Returns how many recommendations changed.
 */
export async function replaceTerm(
  trx: Executor,
  actor: Actor,
  change: { column: TermColumn; from: number; to: number | null },
): Promise<number> {
  const rows = await lockHoldingTerm(trx, change.column, change.from);
  for (const row of rows) {
    const terms = [
      ...new Set(row.terms.map((id) => (id === change.from ? change.to : id)).filter((id) => id !== null)),
    ];
    await saveChange(trx, actor, {
      id: row.id,
      version: row.version,
      status: row.status,
      before: { [change.column]: row.terms },
      patch: { [change.column]: terms },
      cause: { kind: 'edit' },
    });
  }
  return rows.length;
}

/** Whether `code` is a status of the register's taxonomy. */
export function statusExists(db: Executor, code: string): Promise<boolean> {
  return statusTermExists(db, code);
}
