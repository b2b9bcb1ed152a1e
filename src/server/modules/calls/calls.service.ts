import { AppError } from '../../../shared/errors';
import {
  type CallDetail,
  type CallEntity,
  type CallFields,
  type CallListQuery,
  type CallRecommendation,
  type CallSummary,
  type CreateCallInput,
  maxCallRecommendations,
  type UpdateCallInput,
} from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { todayUtc } from '../../lib/dates';
import { isDutyBearer } from '../../lib/duty-bearers';
import { invalid } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { requireCan, requireDraft } from './calls.guards';
import { canCalls } from './calls.policy';
import { presentRecommendation, presentReminder, presentSummary, statusCounts } from './calls.presenter';
import {
  bumpCallVersion,
  deleteDraftAtVersion,
  findCall,
  findCalls,
  insertCall,
  updateCallAtVersion,
} from './calls.repo';
import {
  assignedDutyBearers,
  callRecommendationIds,
  clusterMemberIds,
  deleteCallEntity,
  deleteCallRecommendation,
  existingRecommendationIds,
  findCallEntities,
  findCallRecommendations,
  findEntities,
  insertCallEntities,
  insertCallRecommendations,
} from './calls.selection.repo';
import { findReminders } from './calls.sending.repo';
import { countByStatus } from './calls.tracker.repo';

function checkFields(fields: CallFields) {
  if (fields.deadline < todayUtc()) invalid('deadline', 'issues.call.deadlineInPast');
  if (!fields.askNarrative && !fields.askStatus) invalid('askNarrative', 'issues.call.noQuestion');
}

function callColumns(fields: CallFields) {
  return {
    title: fields.title,
    message: fields.message,
    deadline: fields.deadline,
    ask_narrative: fields.askNarrative,
    ask_status: fields.askStatus,
    remind_before: fields.remindBefore,
    remind_after: fields.remindAfter,
  };
}

/** The recommendations a selection names: its ids and the members of its clusters, each once. */
async function resolveSelection(
  db: Executor,
  selection: { recommendationIds: string[]; clusterIds: string[] },
): Promise<string[]> {
  const members = await clusterMemberIds(db, [...new Set(selection.clusterIds)]);
  if (!members) invalid('clusterIds', 'issues.unknownCluster');
  const ids = [...new Set([...selection.recommendationIds, ...members])];
  if (ids.length > maxCallRecommendations) invalid('recommendationIds', 'issues.call.tooManyRecommendations');
  const existing = await existingRecommendationIds(db, ids);
  if (existing.length !== ids.length) invalid('recommendationIds', 'issues.unknownRecommendations');
  return ids;
}

/**
 * The entities a call may ask: duty bearers assigned (directly or by delegation) to at least one
 * of its recommendations, so that each has something to answer within what it may see.
 */
async function checkEntities(db: Executor, entityIds: string[], recommendationIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  const found = await findEntities(db, entityIds);
  if (found.length !== entityIds.length) invalid('entityIds', 'issues.unknownEntity');
  if (found.some((entity) => !isDutyBearer(entity.kind))) invalid('entityIds', 'issues.notDutyBearer');
  const assigned = new Set(await assignedDutyBearers(db, recommendationIds));
  if (entityIds.some((id) => !assigned.has(id))) invalid('entityIds', 'issues.call.entityNotAssigned');
}

// The coordinator's side.

export async function listCalls(deps: Deps, actor: Actor, query: CallListQuery): Promise<Page<CallSummary>> {
  requireCan(actor, 'manage');
  const { rows, total } = await findCalls(deps.db, query);
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getCall(db: Executor, actor: Actor, id: string): Promise<CallDetail> {
  const user = requireCan(actor, 'manage');
  const row = await findCall(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [reminders, byStatus] = await Promise.all([findReminders(db, id), countByStatus(db, id)]);
  const answerCounts = statusCounts(byStatus);
  const draft = row.status === 'draft';
  return {
    ...presentSummary({
      ...row,
      answered_count: answerCounts.answered_on_time + answerCounts.answered_late,
      late_count: answerCounts.late,
    }),
    message: row.message,
    askNarrative: row.ask_narrative,
    askStatus: row.ask_status,
    remindBefore: row.remind_before.map(Number),
    remindAfter: row.remind_after.map(Number),
    sentBy: row.sent_by_name,
    updatedAt: row.updated_at.toISOString(),
    reminders: reminders.map(presentReminder),
    answerCounts,
    canEdit: draft && canCalls(user, 'manage'),
    canSend: draft && canCalls(user, 'manage') && row.recommendation_count > 0 && row.entity_count > 0,
  };
}

/** Drafts a call: its text, deadline, questions and reminders, recommendations and entities. */
export async function createCall(deps: Deps, actor: Actor, input: CreateCallInput): Promise<CallDetail> {
  const user = requireCan(actor, 'manage');
  checkFields(input);
  const recommendationIds = await resolveSelection(deps.db, input);
  if (recommendationIds.length === 0) invalid('recommendationIds', 'issues.nothingSelected');
  let entityIds = [...new Set(input.entityIds)];
  await checkEntities(deps.db, entityIds, recommendationIds);
  if (input.allAssigned)
    entityIds = [...new Set([...entityIds, ...(await assignedDutyBearers(deps.db, recommendationIds))])];
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertCall(trx, { ...callColumns(input), created_by: user.id });
    await insertCallRecommendations(trx, id, recommendationIds);
    await insertCallEntities(trx, id, entityIds);
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'call',
      recordId: id,
      after: { ...input, recommendationIds, clusterIds: undefined, entityIds },
    });
    return getCall(trx, actor, id);
  });
}

/** Changes a draft's text, deadline, questions or reminders, at the version read. */
export async function updateCall(deps: Deps, actor: Actor, id: string, input: UpdateCallInput): Promise<CallDetail> {
  requireCan(actor, 'manage');
  checkFields(input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireDraft(trx, id);
    if (!(await updateCallAtVersion(trx, id, input.version, callColumns(input)))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { title: before.title, message: before.message, deadline: before.deadline },
      after: { ...input, version: undefined },
    });
    return getCall(trx, actor, id);
  });
}

export async function deleteCall(deps: Deps, actor: Actor, id: string, version: number): Promise<void> {
  requireCan(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await requireDraft(trx, id);
    if (!(await deleteDraftAtVersion(trx, id, version))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'delete', recordType: 'call', recordId: id, before });
  });
}

export async function addRecommendations(
  deps: Deps,
  actor: Actor,
  id: string,
  selection: { recommendationIds: string[]; clusterIds: string[] },
): Promise<CallDetail> {
  requireCan(actor, 'manage');
  const ids = await resolveSelection(deps.db, selection);
  if (ids.length === 0) invalid('recommendationIds', 'issues.nothingSelected');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    const present = new Set(await callRecommendationIds(trx, id));
    const added = ids.filter((rid) => !present.has(rid));
    if (present.size + added.length > maxCallRecommendations)
      invalid('recommendationIds', 'issues.call.tooManyRecommendations');
    await insertCallRecommendations(trx, id, added);
    await bumpCallVersion(trx, id);
    if (added.length > 0)
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'call',
        recordId: id,
        after: { addedRecommendationIds: added },
      });
    return getCall(trx, actor, id);
  });
}

export async function removeRecommendation(
  deps: Deps,
  actor: Actor,
  id: string,
  recommendationId: string,
): Promise<CallDetail> {
  requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    if ((await deleteCallRecommendation(trx, id, recommendationId)) === 0) throw new AppError('NOT_FOUND');
    await bumpCallVersion(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { removedRecommendationId: recommendationId },
    });
    return getCall(trx, actor, id);
  });
}

export async function addEntities(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { entityIds: string[]; allAssigned: boolean },
): Promise<CallDetail> {
  requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    const recommendationIds = await callRecommendationIds(trx, id);
    let entityIds = [...new Set(input.entityIds)];
    await checkEntities(trx, entityIds, recommendationIds);
    if (input.allAssigned)
      entityIds = [...new Set([...entityIds, ...(await assignedDutyBearers(trx, recommendationIds))])];
    if (entityIds.length === 0) invalid('entityIds', 'issues.call.noEntities');
    const added = await insertCallEntities(trx, id, entityIds);
    await bumpCallVersion(trx, id);
    if (added > 0)
      await recordAudit(trx, actor, { action: 'update', recordType: 'call', recordId: id, after: { entityIds } });
    return getCall(trx, actor, id);
  });
}

export async function removeEntity(deps: Deps, actor: Actor, id: string, entityId: string): Promise<CallDetail> {
  requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    if ((await deleteCallEntity(trx, id, entityId)) === 0) throw new AppError('NOT_FOUND');
    await bumpCallVersion(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { removedEntityId: entityId },
    });
    return getCall(trx, actor, id);
  });
}

export async function listCallRecommendations(
  deps: Deps,
  actor: Actor,
  id: string,
  page: { page: number; pageSize: number },
): Promise<Page<CallRecommendation>> {
  requireCan(actor, 'manage');
  if (!(await findCall(deps.db, id))) throw new AppError('NOT_FOUND');
  const { rows, total } = await findCallRecommendations(deps.db, id, actor.locale, page);
  return { items: rows.map(presentRecommendation), total, ...page };
}

export async function listCallEntities(
  deps: Deps,
  actor: Actor,
  id: string,
  query: { q?: string | undefined; asked?: boolean | undefined; page: number; pageSize: number },
): Promise<Page<CallEntity>> {
  requireCan(actor, 'manage');
  if (!(await findCall(deps.db, id))) throw new AppError('NOT_FOUND');
  const { rows, total } = await findCallEntities(deps.db, id, query);
  return {
    items: rows.map((row) => ({
      entity: presentEntityRef(row),
      recommendationCount: Number(row.recommendation_count),
      asked: row.asked,
      focalPointCount: Number(row.focal_point_count),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
