import { AppError } from '../../../shared/errors';
import type {
  Assignment,
  CreateAssignmentsInput,
  DelegateInput,
  MyAssignment,
} from '../../../shared/schemas/assignments';
import type { Page } from '../../../shared/schemas/common';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { isDutyBearer } from '../../lib/duty-bearers';
import { invalid, signedIn } from '../../lib/guards';
import { pgCode, uniqueViolation } from '../../lib/pg-errors';
import { recordAudit } from '../audit/audit.service';
import { canAssign, canDelegate, canWithdraw, type Seat } from './assignments.policy';
import {
  clusterMemberIds,
  deleteAssignmentAtVersion,
  existingRecommendationIds,
  findAssignment,
  findAssignmentOf,
  findAssignmentsOf,
  findAssignmentsOfEntities,
  findEntity,
  insertAssignment,
  isBelow,
  isInScope,
  updateLocalLevels,
  upsertAssignments,
} from './assignments.repo';
import { scopeOf, seatsOf } from './scope';

/** A due date, if given, must not lie in the past (UTC calendar day). */
function checkDueDate(dueDate: string | undefined, path = 'dueDate') {
  if (dueDate && dueDate < new Date().toISOString().slice(0, 10)) invalid(path, 'issues.dueDateInPast');
}

/** Assigns an entity, as lead or supporting, to a selection of recommendations or a cluster. */
export async function createAssignments(db: Database, actor: Actor, input: CreateAssignmentsInput) {
  const user = signedIn(actor);
  if (!canAssign(user)) throw new AppError('FORBIDDEN');
  checkDueDate(input.dueDate);
  const entity = await findEntity(db, input.entityId);
  if (!entity) invalid('entityId', 'issues.unknownEntity');
  if (!isDutyBearer(entity.kind)) invalid('entityId', 'issues.notDutyBearer');
  let ids = [...new Set(input.recommendationIds)];
  if (input.clusterId) {
    const members = await clusterMemberIds(db, input.clusterId);
    if (!members) invalid('clusterId', 'issues.unknownCluster');
    ids = [...new Set([...ids, ...members])];
  }
  const existing = await existingRecommendationIds(db, ids);
  if (existing.length !== ids.length) invalid('recommendationIds', 'issues.unknownRecommendations');
  return db.transaction().execute(async (trx) => {
    const rows = await upsertAssignments(
      trx,
      ids.map((id) => ({
        recommendation_id: id,
        entity_id: entity.id,
        role: input.role,
        due_date: input.dueDate ?? null,
        note: input.note ?? null,
        created_by: user.id,
      })),
    );
    for (const row of rows)
      await recordAudit(trx, actor, {
        action: row.inserted ? 'create' : 'update',
        recordType: 'assignment',
        recordId: row.id,
        after: {
          recommendationId: row.recommendation_id,
          entityId: entity.id,
          role: input.role,
          dueDate: input.dueDate,
        },
      });
    const created = rows.filter((row) => row.inserted).length;
    return { created, updated: rows.length - created };
  });
}

/**
 * Delegates an assignment to a regional or local government below its holder: from a national
 * entity to any LRG, from an LRG only to an LRG within its territory.
 */
export async function delegateAssignment(db: Database, actor: Actor, assignmentId: string, input: DelegateInput) {
  const user = signedIn(actor);
  const parent = await visibleAssignment(db, actor, assignmentId);
  const seats = await seatMap(db, user.id);
  if (!canDelegate(user, seats.get(parent.entity_id))) throw new AppError('FORBIDDEN');
  checkDueDate(input.dueDate);
  const parentDue = parent.due_date ? new Date(parent.due_date).toISOString().slice(0, 10) : undefined;
  if (input.dueDate && parentDue && input.dueDate > parentDue) invalid('dueDate', 'issues.dueAfterParent');
  const [holder, target] = await Promise.all([findEntity(db, parent.entity_id), findEntity(db, input.entityId)]);
  if (!target) invalid('entityId', 'issues.unknownEntity');
  if (target.kind !== 'lrg') invalid('entityId', 'issues.delegateToLrg');
  if (holder?.kind === 'lrg' && !(await isBelow(db, target.id, holder.id)))
    invalid('entityId', 'issues.delegateOutsideChain');
  if (await findAssignmentOf(db, parent.recommendation_id, target.id)) throw alreadyAssigned();
  // The check above and the insert below are not atomic: the unique key decides a race, as the same 409.
  return db
    .transaction()
    .execute(async (trx) => {
      const row = await insertAssignment(trx, {
        recommendation_id: parent.recommendation_id,
        entity_id: target.id,
        role: parent.role,
        due_date: input.dueDate ?? parentDue ?? null,
        delegated_from: parent.id,
        note: input.note ?? null,
        created_by: user.id,
      });
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'assignment',
        recordId: row.id,
        after: { recommendationId: row.recommendation_id, entityId: target.id, delegatedFrom: parent.id },
      });
      return row.id;
    })
    .catch((error: unknown) => {
      throw pgCode(error) === uniqueViolation ? alreadyAssigned() : error;
    });
}

const alreadyAssigned = () =>
  new AppError('CONFLICT', { issues: [{ path: 'entityId', message: 'issues.alreadyAssigned' }] });

/** Withdraws an assignment and, with it, the delegations made from it. */
export async function withdrawAssignment(db: Database, actor: Actor, assignmentId: string, version: number) {
  const user = signedIn(actor);
  const assignment = await visibleAssignment(db, actor, assignmentId);
  const delegator = assignment.delegated_from ? await findAssignment(db, assignment.delegated_from) : undefined;
  const seats = await seatMap(db, user.id);
  if (!canWithdraw(user, delegator ? seats.get(delegator.entity_id) : undefined, Boolean(delegator)))
    throw new AppError('FORBIDDEN');
  await db.transaction().execute(async (trx) => {
    const result = await deleteAssignmentAtVersion(trx, assignment.id, version);
    if (Number(result.numDeletedRows) === 0) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'assignment',
      recordId: assignment.id,
      before: assignment,
    });
  });
}

/** A recommendation's assignments and delegations, for whoever may see the recommendation. */
export async function listAssignments(db: Database, actor: Actor, recommendationId: string): Promise<Assignment[]> {
  const user = signedIn(actor);
  if (!(await isInScope(db, recommendationId, await scopeOf(db, user)))) throw new AppError('NOT_FOUND');
  const [rows, seats] = await Promise.all([findAssignmentsOf(db, recommendationId), seatMap(db, user.id)]);
  return rows.map((row) => ({
    id: row.id,
    recommendationId: row.recommendation_id,
    entity: { id: row.entity_id, name: row.entity_name, kind: row.entity_kind, lrgLevel: row.entity_level },
    role: row.role,
    dueDate: row.due_date,
    delegatedFrom: row.delegated_from,
    note: row.note,
    canDelegate: canDelegate(user, seats.get(row.entity_id)),
    version: row.version,
  }));
}

/** Marks a recommendation as concerning the local level, naming the LRG levels concerned. */
export async function setLocalLevels(db: Database, actor: Actor, recommendationId: string, levels: number[]) {
  const user = signedIn(actor);
  if (!canAssign(user)) throw new AppError('FORBIDDEN');
  const sorted = [...new Set(levels)].sort();
  await db.transaction().execute(async (trx) => {
    if (!(await updateLocalLevels(trx, recommendationId, sorted))) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'recommendation',
      recordId: recommendationId,
      after: { localLevels: sorted },
    });
  });
}

/** An assignment the actor may see; another entity's answers as if it did not exist. */
async function visibleAssignment(db: Database, actor: Actor, id: string) {
  const user = signedIn(actor);
  const assignment = await findAssignment(db, id);
  if (!assignment || !(await isInScope(db, assignment.recommendation_id, await scopeOf(db, user))))
    throw new AppError('NOT_FOUND');
  return assignment;
}

async function seatMap(db: Database, userId: string): Promise<Map<string, Seat>> {
  return new Map((await seatsOf(db, userId)).map((seat) => [seat.id, seat.role]));
}

/** What is assigned or delegated to the entities the person serves (their home page). */
export async function listMyAssignments(
  db: Database,
  actor: Actor,
  query: { page: number; pageSize: number; overdue?: boolean | undefined },
): Promise<Page<MyAssignment>> {
  const user = signedIn(actor);
  const entityIds = (await seatsOf(db, user.id)).map((seat) => seat.id);
  const { rows, total } = await findAssignmentsOfEntities(db, entityIds, query);
  const done = new Set(['implemented', 'not_applicable']);
  return {
    items: rows.map((row) => ({
      id: row.id,
      recommendation: {
        id: row.recommendation_id,
        number: row.number,
        symbol: row.symbol,
        bodyCode: row.body_code,
        text: row.text,
        status: row.status,
      },
      entity: { id: row.entity_id, name: row.entity_name },
      role: row.role,
      dueDate: row.due_date,
      overdue: row.past_due && !done.has(row.status),
      delegatedBy: row.delegated_by,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
