import { AppError } from '../../../shared/errors';
import type {
  ActionDetail,
  ActionListQuery,
  ActionSummary,
  CreateActionInput,
  UpdateActionInput,
} from '../../../shared/schemas/actions';
import type { Page } from '../../../shared/schemas/common';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { todayUtc } from '../../lib/dates';
import { isDutyBearer } from '../../lib/duty-bearers';
import { invalid, signedIn } from '../../lib/guards';
import { everything, type Scope, scopeOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { seatOf } from '../entities/people.service';
import { canActions } from './actions.policy';
import { presentRecommendation, presentReminder, presentSummary } from './actions.presenter';
import { findReminders } from './actions.reminders.repo';
import { syncReminders } from './actions.reminders.service';
import {
  clustersInScope,
  deleteActionAtVersion,
  findAction,
  findActionClusters,
  findActionRecommendations,
  findActions,
  findEntities,
  findSupportingEntities,
  insertAction,
  linkedIds,
  lockAction,
  recommendationsInScope,
  replaceLinks,
  updateActionAtVersion,
} from './actions.repo';

function actionColumns(input: CreateActionInput) {
  return {
    title: input.title,
    description: input.description,
    responsible_entity_id: input.responsibleEntityId,
    start_date: input.startDate,
    end_date: input.endDate,
    budget_amount: input.budgetAmount,
    budget_currency: input.budgetCurrency,
    budget_source: input.budgetSource,
    status: input.status,
  };
}

/** The links of a payload, each id once. */
function linksOf(input: CreateActionInput) {
  return {
    supportingEntityIds: [...new Set(input.supportingEntityIds)],
    recommendationIds: [...new Set(input.recommendationIds)],
    clusterIds: [...new Set(input.clusterIds)],
  };
}

/** A person may write an action of this entity: else FORBIDDEN, naming the field. */
async function requireWriter(db: Executor, user: SessionUser, entityId: string, action: 'create' | 'edit') {
  const seat = await seatOf(db, entityId, user.id);
  if (!canActions(user, action, { seat }))
    throw new AppError('FORBIDDEN', {
      issues: [{ path: 'responsibleEntityId', message: 'issues.action.notYourEntity' }],
    });
}

/**
 * Checks what a payload points at: a responsible duty bearer and supporting entities that exist,
 * and recommendations and clusters the person may link. Only the links added are checked against
 * the scope: those a coordinator linked before stay when a focal point edits the action.
 */
async function checkLinks(
  db: Executor,
  user: SessionUser,
  input: CreateActionInput,
  links: ReturnType<typeof linksOf>,
  already: { recommendationIds: string[]; clusterIds: string[] } = { recommendationIds: [], clusterIds: [] },
) {
  const [responsible] = await findEntities(db, [input.responsibleEntityId]);
  if (!responsible) invalid('responsibleEntityId', 'issues.unknownEntity');
  if (!isDutyBearer(responsible.kind)) invalid('responsibleEntityId', 'issues.notDutyBearer');
  const supporting = await findEntities(db, links.supportingEntityIds);
  if (supporting.length !== links.supportingEntityIds.length) invalid('supportingEntityIds', 'issues.unknownEntity');

  const scope: Scope = canActions(user, 'linkAnyRecommendation') ? everything : await scopeOf(db, user);
  const linkedBefore = new Set(already.recommendationIds);
  const added = links.recommendationIds.filter((id) => !linkedBefore.has(id));
  if ((await recommendationsInScope(db, added, scope)).length !== added.length)
    invalid('recommendationIds', 'issues.unknownRecommendations');
  const clustersBefore = new Set(already.clusterIds);
  const addedClusters = links.clusterIds.filter((id) => !clustersBefore.has(id));
  if ((await clustersInScope(db, addedClusters, scope)).length !== addedClusters.length)
    invalid('clusterIds', 'issues.unknownCluster');
}

/**
 * Links the editor cannot see (decision 020: outside their scope, so not in the payload their
 * page sends back) stay linked: a focal point's edit never drops what a coordinator linked.
 */
async function keepHiddenLinks(
  db: Executor,
  user: SessionUser,
  scope: Scope,
  links: ReturnType<typeof linksOf>,
  before: { recommendationIds: string[]; clusterIds: string[] },
) {
  if (canActions(user, 'linkAnyRecommendation') || scope.all) return links;
  const seen = new Set(await recommendationsInScope(db, before.recommendationIds, scope));
  const seenClusters = new Set(await clustersInScope(db, before.clusterIds, scope));
  return {
    ...links,
    recommendationIds: [
      ...new Set([...links.recommendationIds, ...before.recommendationIds.filter((id) => !seen.has(id))]),
    ],
    clusterIds: [...new Set([...links.clusterIds, ...before.clusterIds.filter((id) => !seenClusters.has(id))])],
  };
}

/** Actions within the person's scope, filtered, sorted and paged in the database. */
export async function listActions(deps: Deps, actor: Actor, query: ActionListQuery): Promise<Page<ActionSummary>> {
  const user = signedIn(actor);
  const scope = await scopeOf(deps.db, user);
  const day = todayUtc();
  const { rows, total } = await findActions(deps.db, query, scope, day);
  return { items: rows.map((row) => presentSummary(row, day)), total, page: query.page, pageSize: query.pageSize };
}

/** One action's page: its entities, recommendations, clusters and reminders; others' ids are NOT_FOUND. */
export async function getAction(db: Executor, actor: Actor, id: string): Promise<ActionDetail> {
  const user = signedIn(actor);
  const scope = await scopeOf(db, user);
  const row = await findAction(db, id, scope);
  if (!row || !canActions(user, 'read', { inScope: Boolean(row.in_scope) })) throw new AppError('NOT_FOUND');
  const [seat, supporting, recommendations, clusters, reminders] = await Promise.all([
    seatOf(db, row.responsible_entity_id, user.id),
    findSupportingEntities(db, id),
    findActionRecommendations(db, id, actor.locale, scope),
    findActionClusters(db, id, scope),
    findReminders(db, id),
  ]);
  return {
    ...presentSummary(row, todayUtc()),
    description: row.description,
    supportingEntities: supporting.map((entity) => presentEntityRef(entity)),
    recommendations: recommendations.map(presentRecommendation),
    // Decision 020: links outside the reader's scope are counted, never named.
    otherRecommendationCount: Math.max(0, Number(row.recommendation_total) - recommendations.length),
    clusters,
    reminders: reminders.map(presentReminder),
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    canEdit: canActions(user, 'edit', { seat }),
    canDelete: canActions(user, 'delete'),
  };
}

/**
 * What a person may do with an action's files (its documents), decided as for the action itself:
 * they read them when they may read the action (else NOT_FOUND, as for its page), and upload or
 * delete them when they may edit it (a writing seat in the responsible entity, or the secretariat).
 */
export async function actionFilesAccess(db: Executor, actor: Actor, id: string): Promise<{ canEdit: boolean }> {
  const user = signedIn(actor);
  const row = await findAction(db, id, await scopeOf(db, user));
  if (!row || !canActions(user, 'readDocuments', { inScope: Boolean(row.in_scope) })) throw new AppError('NOT_FOUND');
  const seat = await seatOf(db, row.responsible_entity_id, user.id);
  return { canEdit: canActions(user, 'changeDocuments', { seat }) };
}

/** Records an action with its links, and schedules the reminders of its due date, in one transaction. */
export async function createAction(deps: Deps, actor: Actor, input: CreateActionInput): Promise<ActionDetail> {
  const user = signedIn(actor);
  await requireWriter(deps.db, user, input.responsibleEntityId, 'create');
  const links = linksOf(input);
  await checkLinks(deps.db, user, input, links);
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertAction(trx, { ...actionColumns(input), created_by: user.id });
    await replaceLinks(trx, id, links);
    await syncReminders(trx, deps, { id, status: input.status, end_date: input.endDate });
    await recordAudit(trx, actor, { action: 'create', recordType: 'action', recordId: id, after: input });
    return getAction(trx, actor, id);
  });
}

/**
 * Changes an action at the version read (else STALE_VERSION), its links with it; a new end date
 * or status moves its reminders in the same transaction.
 */
export async function updateAction(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateActionInput,
): Promise<ActionDetail> {
  const user = signedIn(actor);
  const scope = await scopeOf(deps.db, user);
  return deps.db.transaction().execute(async (trx) => {
    const visible = await findAction(trx, id, scope);
    if (!visible || !canActions(user, 'read', { inScope: Boolean(visible.in_scope) })) throw new AppError('NOT_FOUND');
    const before = await lockAction(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await requireWriter(trx, user, before.responsible_entity_id, 'edit');
    if (input.responsibleEntityId !== before.responsible_entity_id)
      await requireWriter(trx, user, input.responsibleEntityId, 'create');
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    const linkedBefore = await linkedIds(trx, id);
    const links = await keepHiddenLinks(trx, user, scope, linksOf(input), linkedBefore);
    await checkLinks(trx, user, input, links, linkedBefore);
    if (!(await updateActionAtVersion(trx, id, input.version, actionColumns(input))))
      throw new AppError('STALE_VERSION');
    await replaceLinks(trx, id, links);
    await syncReminders(trx, deps, { id, status: input.status, end_date: input.endDate });
    const { version: _version, ...after } = input;
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'action',
      recordId: id,
      before: { ...before, ...linkedBefore },
      after,
    });
    return getAction(trx, actor, id);
  });
}

/** Deletes an action at the version read; its links and reminders go with it. */
export async function deleteAction(deps: Deps, actor: Actor, id: string, version: number): Promise<void> {
  const user = signedIn(actor);
  const scope = await scopeOf(deps.db, user);
  await deps.db.transaction().execute(async (trx) => {
    const visible = await findAction(trx, id, scope);
    if (!visible || !canActions(user, 'read', { inScope: Boolean(visible.in_scope) })) throw new AppError('NOT_FOUND');
    if (!canActions(user, 'delete')) throw new AppError('FORBIDDEN');
    const before = await lockAction(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const links = await linkedIds(trx, id);
    if (!(await deleteActionAtVersion(trx, id, version))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'action',
      recordId: id,
      before: { ...before, ...links },
    });
  });
}
