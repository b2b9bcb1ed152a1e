import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type {
  CreateProgressUpdateInput,
  ProgressDetail,
  ProgressListQuery,
  ProgressOptions,
  ProgressSummary,
  UpdateProgressUpdateInput,
} from '../../../shared/schemas/progress';
import type { Database } from '../../db/database';
import type { ProgressUpdateStatus } from '../../db/schema';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { localize } from '../../lib/language';
import { scopeOf, seatsOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { seatOf } from '../entities/people.service';
import { statusExists } from '../register/changes.service';
import { statusTerms } from '../taxonomies/taxonomies.service';
import { canProgress } from './progress.policy';
import { presentDetail, presentEvent, presentSummary } from './progress.presenter';
import {
  entitiesOnSubject,
  findEvents,
  findOverlap,
  findSubject,
  findUpdate,
  findUpdates,
  hasValidator,
  insertUpdate,
  lockSubject,
  lockUpdate,
  type Reader,
  updateAtVersion,
} from './progress.repo';
import { sanitizeNarrative } from './sanitize';

// Reading, creating and editing progress updates; the workflow steps are in progress.workflow.service.ts.

export const editable: ProgressUpdateStatus[] = ['draft', 'returned'];

/** Whose step it is: the validator's (submitted, the entity has one), the coordinator's, or no one's. */
export function stepOf(status: ProgressUpdateStatus, entityHasValidator: boolean): 'validator' | 'coordinator' | null {
  if (status === 'submitted') return entityHasValidator ? 'validator' : 'coordinator';
  if (status === 'endorsed') return 'coordinator';
  return null;
}

/** An update as the reader may see it, with their seat in its entity; NOT_FOUND when they may not. */
export async function readableUpdate(db: Executor, actor: Actor, id: string) {
  const user = signedIn(actor);
  const row = await findUpdate(db, id, actor.locale);
  if (!row) throw new AppError('NOT_FOUND');
  const seat = await seatOf(db, row.entity_id, user.id);
  const validated = row.status === 'validated';
  const inScope =
    validated &&
    Boolean(
      await findSubject(
        db,
        { recommendationId: row.recommendation_id ?? undefined, actionId: row.action_id ?? undefined },
        await scopeOf(db, user),
      ),
    );
  if (!canProgress(user, 'read', { seat, validated, inScope })) throw new AppError('NOT_FOUND');
  return { user, row, seat };
}

/** One update's page: the update, its steps with their comments, and what the reader may do. */
export async function getUpdate(db: Executor, actor: Actor, id: string): Promise<ProgressDetail> {
  const { user, row, seat } = await readableUpdate(db, actor, id);
  const [events, entityHasValidator] = await Promise.all([findEvents(db, id), hasValidator(db, row.entity_id)]);
  const writable = editable.includes(row.status) && canProgress(user, 'write', { seat });
  const step = stepOf(row.status, entityHasValidator);
  const decides =
    (step === 'validator' && canProgress(user, 'validatorStep', { seat })) ||
    (step === 'coordinator' && canProgress(user, 'coordinatorStep', { seat }));
  return presentDetail(row, actor.locale, {
    events: events.map(presentEvent),
    entityHasValidator,
    can: { edit: writable, submit: writable, approve: decides, return: decides },
  });
}

/** A page of updates: of a recommendation, an action or an entity, or the reader's "to validate" queue. */
export async function listUpdates(
  db: Database,
  actor: Actor,
  query: ProgressListQuery,
): Promise<Page<ProgressSummary>> {
  const user = signedIn(actor);
  const [scope, seats] = await Promise.all([scopeOf(db, user), seatsOf(db, user.id)]);
  const reader: Reader = {
    manager: canProgress(user, 'coordinatorStep'),
    scope,
    seatEntityIds: seats.map((seat) => seat.id),
    validatorEntityIds: seats
      .filter((seat) => canProgress(user, 'validatorStep', { seat: seat.role }))
      .map((seat) => seat.id),
  };
  const { rows, total } = await findUpdates(db, reader, actor.locale, query);
  return {
    items: rows.map((row) => presentSummary(row, actor.locale)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

interface Subject {
  recommendationId?: string | undefined;
  actionId?: string | undefined;
}

function oneSubject(subject: Subject): Subject {
  if (Boolean(subject.recommendationId) === Boolean(subject.actionId))
    throw new AppError('VALIDATION', { issues: [{ path: 'recommendationId', message: 'issues.progress.oneSubject' }] });
  return subject;
}

/** What the form offers on a subject: the entities the reader writes for there, and the statuses. */
export async function getOptions(db: Database, actor: Actor, query: Subject): Promise<ProgressOptions> {
  const user = signedIn(actor);
  const subject = oneSubject(query);
  const found = await findSubject(db, subject, await scopeOf(db, user));
  if (!found) throw new AppError('NOT_FOUND');
  const seats = (await seatsOf(db, user.id)).filter((seat) => canProgress(user, 'write', { seat: seat.role }));
  const onSubject = new Set(
    await entitiesOnSubject(
      db,
      subject,
      seats.map((seat) => seat.id),
    ),
  );
  const terms = await statusTerms(db);
  return {
    subject: {
      kind: subject.recommendationId ? 'recommendation' : 'action',
      id: found.id,
      label: found.label,
    },
    entities: seats
      .filter((seat) => onSubject.has(seat.id))
      .map((seat) => presentEntityRef({ ...seat, acronym: null })),
    statusOptions: terms.map((term) => ({ code: term.code, label: localize(term.label, actor.locale) })),
  };
}

/**
 * Checks the fields every write shares and returns them ready to store: the narrative sanitised,
 * the status a term of the 'status' taxonomy (the period's order is the payload schema's check).
 */
async function checkedFields(db: Executor, input: UpdateProgressUpdateInput | CreateProgressUpdateInput) {
  if (input.proposedStatus && !(await statusExists(db, input.proposedStatus)))
    throw new AppError('VALIDATION', { issues: [{ path: 'proposedStatus', message: 'issues.unknownStatus' }] });
  return {
    narrative: sanitizeNarrative(input.narrative),
    narrative_format: 'html' as const,
    proposed_status: input.proposedStatus,
    period_start: input.periodStart,
    period_end: input.periodEnd,
  };
}

async function refuseOverlap(
  trx: Executor,
  query: { entityId: string; recommendationId: string | null; actionId: string | null; start: string; end: string },
  exceptId?: string,
) {
  await lockSubject(trx, query.entityId, query.recommendationId ?? query.actionId ?? '');
  if (await findOverlap(trx, query, exceptId))
    throw new AppError('VALIDATION', { issues: [{ path: 'periodStart', message: 'issues.progress.periodOverlaps' }] });
}

/** Starts a draft for one of the reader's entities on a recommendation or action assigned to it. */
export async function createUpdate(
  db: Database,
  actor: Actor,
  input: CreateProgressUpdateInput,
): Promise<ProgressDetail> {
  const user = signedIn(actor);
  const subject = oneSubject(input);
  const seat = await seatOf(db, input.entityId, user.id);
  if (!canProgress(user, 'write', { seat })) throw new AppError('FORBIDDEN');
  if (!(await findSubject(db, subject, await scopeOf(db, user)))) throw new AppError('NOT_FOUND');
  if ((await entitiesOnSubject(db, subject, [input.entityId])).length === 0)
    throw new AppError('VALIDATION', { issues: [{ path: 'entityId', message: 'issues.progress.entityNotOnSubject' }] });
  const fields = await checkedFields(db, input);
  const id = await db.transaction().execute(async (trx) => {
    const recommendationId = subject.recommendationId ?? null;
    const actionId = subject.actionId ?? null;
    await refuseOverlap(trx, {
      entityId: input.entityId,
      recommendationId,
      actionId,
      start: input.periodStart,
      end: input.periodEnd,
    });
    const row = await insertUpdate(trx, {
      ...fields,
      recommendation_id: recommendationId,
      action_id: actionId,
      entity_id: input.entityId,
      call_id: null,
      created_by: user.id,
      updated_by: user.id,
      submitted_by: null,
      submitted_at: null,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'progress_update',
      recordId: row.id,
      after: { ...fields, recommendationId, actionId, entityId: input.entityId, status: 'draft' },
    });
    return row.id;
  });
  return getUpdate(db, actor, id);
}

/** Edits a draft or a returned update at the version read. */
export async function editUpdate(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateProgressUpdateInput,
): Promise<ProgressDetail> {
  const { user, seat } = await readableUpdate(db, actor, id);
  if (!canProgress(user, 'write', { seat })) throw new AppError('FORBIDDEN');
  const fields = await checkedFields(db, input);
  await db.transaction().execute(async (trx) => {
    const before = await lockUpdate(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (!editable.includes(before.status))
      throw new AppError('CONFLICT', { issues: [{ message: 'issues.progress.notEditable' }] });
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    await refuseOverlap(
      trx,
      {
        entityId: before.entity_id,
        recommendationId: before.recommendation_id,
        actionId: before.action_id ?? null,
        start: input.periodStart,
        end: input.periodEnd,
      },
      id,
    );
    if (!(await updateAtVersion(trx, id, input.version, editable, { ...fields, updated_by: user.id })))
      throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'progress_update',
      recordId: id,
      before: {
        narrative: before.narrative,
        proposed_status: before.proposed_status,
        period_start: before.period_start,
        period_end: before.period_end,
      },
      after: fields,
    });
  });
  return getUpdate(db, actor, id);
}
