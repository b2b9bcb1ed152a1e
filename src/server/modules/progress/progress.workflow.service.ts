import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { ProgressDetail, ProgressStepInput } from '../../../shared/schemas/progress';
import type { DB, ProgressUpdatesTable } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { conflict } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { seatOf } from '../entities/people.service';
import { changeStatus } from '../register/changes.service';
import { mailStep } from './progress.mail';
import { canProgress } from './progress.policy';
import {
  findUpdate,
  hasValidator,
  insertEvent,
  latestValidated,
  lockRecommendation,
  lockUpdate,
  updateAtVersion,
} from './progress.repo';
import { editable, getUpdate, readableUpdate, stepOf } from './progress.service';
import { narrativeText } from './sanitize';

type WorkflowDeps = Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

/**
 * What follows a submission in its transaction, wherever it was submitted (here, or as an answer
 * to a call): the step in the history, and the mail to whoever decides next.
 */
export async function recordSubmission(
  trx: Transaction<DB>,
  deps: Omit<WorkflowDeps, 'db'>,
  actor: Actor,
  updateId: string,
): Promise<void> {
  await insertEvent(trx, {
    progress_update_id: updateId,
    step: 'submitted',
    comment: null,
    actor_id: actor.user?.id ?? null,
  });
  const row = await findUpdate(trx, updateId);
  if (!row) return;
  await mailStep(trx, deps, 'submitted', {
    updateId,
    entityId: row.entity_id,
    entityName: row.entity_name,
    subject: row.subject_label,
    actorName: actor.user?.name ?? '',
  });
}

/** Submits a draft or a returned update: to the entity's validator, or to the coordinators when it has none. */
export async function submitUpdate(
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: ProgressStepInput,
): Promise<ProgressDetail> {
  const { user, seat } = await readableUpdate(deps.db, actor, id);
  if (!canProgress(user, 'write', { seat })) throw new AppError('FORBIDDEN');
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockUpdate(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (!editable.includes(before.status)) conflict('issues.progress.notEditable');
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    const issues = [];
    if (!narrativeText(before.narrative ?? ''))
      issues.push({ path: 'narrative', message: 'issues.progress.narrativeRequired' });
    if (!before.call_id && (!before.period_start || !before.period_end))
      issues.push({ path: 'periodStart', message: 'issues.required' });
    if (issues.length > 0) throw new AppError('VALIDATION', { issues });
    const patch = {
      status: 'submitted' as const,
      submitted_by: user.id,
      submitted_at: new Date(),
      endorsed_by: null,
      endorsed_at: null,
      updated_by: user.id,
    };
    if (!(await updateAtVersion(trx, id, input.version, editable, patch))) throw new AppError('STALE_VERSION');
    await recordSubmission(trx, deps, actor, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'progress_update',
      recordId: id,
      before: { status: before.status },
      after: { status: 'submitted' },
    });
  });
  return getUpdate(deps.db, actor, id);
}

/** Locks the update, checks the version and that the reader decides its current step. */
async function decidingStep(trx: Transaction<DB>, actor: Actor, id: string, version: number) {
  const user = actor.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const before = await lockUpdate(trx, id);
  if (!before) throw new AppError('NOT_FOUND');
  const step = stepOf(before.status, await hasValidator(trx, before.entity_id));
  if (!step) conflict('issues.progress.wrongStep');
  const seat = await seatOf(trx, before.entity_id, user.id);
  if (!canProgress(user, step === 'validator' ? 'validatorStep' : 'coordinatorStep', { seat }))
    throw new AppError('FORBIDDEN');
  if (before.version !== version) throw new AppError('STALE_VERSION');
  return { user, before, step };
}

/**
 * Approves the update at the reader's step: the entity's validator endorses it (on to the
 * coordinators); a coordinator validates it, and a validated update on a recommendation sets the
 * recommendation's status when it is the latest validated one with a proposed status.
 */
export async function approveUpdate(
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: ProgressStepInput,
): Promise<ProgressDetail> {
  await readableUpdate(deps.db, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    const { user, before, step } = await decidingStep(trx, actor, id, input.version);
    const now = new Date();
    if (step === 'validator') {
      if (
        !(await updateAtVersion(trx, id, input.version, ['submitted'], {
          status: 'endorsed',
          endorsed_by: user.id,
          endorsed_at: now,
        }))
      )
        throw new AppError('STALE_VERSION');
    } else {
      // The recommendation first: two validations on it are then applied one after the other.
      if (before.recommendation_id) await lockRecommendation(trx, before.recommendation_id);
      if (
        !(await updateAtVersion(trx, id, input.version, ['submitted', 'endorsed'], {
          status: 'validated',
          validated_by: user.id,
          validated_at: now,
        }))
      )
        throw new AppError('STALE_VERSION');
    }
    const done = step === 'validator' ? 'endorsed' : 'validated';
    await insertEvent(trx, {
      progress_update_id: id,
      step: done,
      comment: input.comment || null,
      actor_id: user.id,
    });
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'progress_update',
      recordId: id,
      before: { status: before.status },
      after: { status: done, comment: input.comment || null },
    });
    if (done === 'endorsed') {
      const row = await findUpdate(trx, id);
      if (row)
        await mailStep(trx, deps, 'endorsed', {
          updateId: id,
          entityId: row.entity_id,
          entityName: row.entity_name,
          subject: row.subject_label,
          actorName: user.name,
        });
    } else {
      await followStatus(trx, actor, before);
    }
  });
  return getUpdate(deps.db, actor, id);
}

/** The recommendation's status follows its latest validated update, with a history row naming it. */
async function followStatus(
  trx: Transaction<DB>,
  actor: Actor,
  update: { id: string; recommendation_id: ProgressUpdatesTable['recommendation_id']; proposed_status: string | null },
) {
  const recommendationId = update.recommendation_id;
  if (!recommendationId || !update.proposed_status) return;
  const latest = await latestValidated(trx, recommendationId);
  if (latest?.id !== update.id) return;
  await changeStatus(trx, actor, {
    id: recommendationId,
    status: update.proposed_status,
    cause: { kind: 'progress', progressUpdateId: update.id },
  });
}

/** Returns the update to its entity with a comment that says why; editable and resubmittable again. */
export async function returnUpdate(
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  input: ProgressStepInput,
): Promise<ProgressDetail> {
  await readableUpdate(deps.db, actor, id);
  const comment = input.comment?.trim();
  if (!comment)
    throw new AppError('VALIDATION', { issues: [{ path: 'comment', message: 'issues.progress.commentRequired' }] });
  await deps.db.transaction().execute(async (trx) => {
    const { user, before } = await decidingStep(trx, actor, id, input.version);
    if (
      !(await updateAtVersion(trx, id, input.version, ['submitted', 'endorsed'], {
        status: 'returned',
        endorsed_by: null,
        endorsed_at: null,
      }))
    )
      throw new AppError('STALE_VERSION');
    await insertEvent(trx, { progress_update_id: id, step: 'returned', comment, actor_id: user.id });
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'progress_update',
      recordId: id,
      before: { status: before.status },
      after: { status: 'returned', comment },
    });
    const row = await findUpdate(trx, id);
    if (row)
      await mailStep(trx, deps, 'returned', {
        updateId: id,
        entityId: row.entity_id,
        entityName: row.entity_name,
        subject: row.subject_label,
        actorName: user.name,
        comment,
        submittedBy: before.submitted_by,
      });
  });
  return getUpdate(deps.db, actor, id);
}
