import { AppError, type ErrorIssue } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type {
  EntityDetail,
  EntityListQuery,
  EntitySummary,
  EntityValues,
  UpdateEntityValues,
} from '../../../shared/schemas/entities';
import type { Database } from '../../db/database';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { foreignKeyViolation, pgCode, pgConstraint, uniqueViolation } from '../../lib/pg-errors';
import { recordAudit } from '../audit/audit.service';
import { GenerationMemo, memoKey, readRegisterGeneration } from '../search';
import { canEntities, type EntitiesAction, type EntitiesRecord } from './entities.policy';
import { auditedEntity, presentDetail, presentSummary } from './entities.presenter';
import {
  countUsage,
  deleteEntityAtVersion,
  type EntityRow,
  findAncestors,
  findChildPlaces,
  findEntities,
  findEntity,
  findEntityByCode,
  findNamedLevels,
  findNetworksOf,
  insertEntity,
  isDescendant,
  lockHierarchy,
  updateEntityAtVersion,
} from './entities.repo';
import { childrenFit, fieldProblems, parentProblem } from './hierarchy';

export function requireCan(actor: Actor, action: EntitiesAction, record?: EntitiesRecord) {
  const user = signedIn(actor);
  if (!canEntities(user, action, record)) throw new AppError('FORBIDDEN');
  return user;
}

const lists = new GenerationMemo<Page<EntitySummary>>(200);

/**
 * Entities filtered and paged in the database: by kind, level, parent, network and text. A page
 * is kept for the register generation (decision 028: every write to entities
 * and network members moves it); asked again, it costs the generation read.
 */
export async function listEntities(db: Database, actor: Actor, query: EntityListQuery): Promise<Page<EntitySummary>> {
  requireCan(actor, 'read');
  const generation = await readRegisterGeneration(db);
  return lists.get(db, generation, memoKey(query), async () => {
    const { rows, total } = await findEntities(db, query);
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
  });
}

/** The entity page: the entity, its chain of parents, its networks and how much hangs on it. */
export async function getEntity(db: Executor, actor: Actor, id: string): Promise<EntityDetail> {
  requireCan(actor, 'read');
  const row = await findEntity(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [ancestors, networks, usage] = await Promise.all([
    findAncestors(db, id),
    findNetworksOf(db, id),
    countUsage(db, id),
  ]);
  return presentDetail(row, { ancestors, networks, usage });
}

/**
 * Checks where the entity would sit, as `self` (absent for a new one) becomes `input`: fields
 * that must agree with the kind, a parent that exists and is neither the entity nor below it
 * (a recursive walk down the hierarchy), the ladder of LRG levels, and children that still fit.
 */
async function checkPlacement(trx: Executor, input: EntityValues, self: EntityRow | null): Promise<void> {
  const levels = (await findNamedLevels(trx)).map((level) => level.level);
  const issues: ErrorIssue[] = fieldProblems(input, levels);
  let parent: EntityRow | undefined;
  if (input.parentId) {
    if (input.parentId === self?.id) issues.push({ path: 'parentId', message: 'issues.entity.parentIsSelf' });
    else {
      parent = await findEntity(trx, input.parentId);
      if (!parent) issues.push({ path: 'parentId', message: 'issues.entity.parentNotFound' });
      else if (self && (await isDescendant(trx, self.id, parent.id)))
        issues.push({ path: 'parentId', message: 'issues.entity.parentIsDescendant' });
    }
  }
  if (!issues.some((issue) => issue.path === 'parentId' || issue.path === 'lrgLevel')) {
    const problem = parentProblem(input, parent ? { kind: parent.kind, lrgLevel: parent.lrg_level } : null);
    if (problem) issues.push({ path: 'parentId', message: problem });
  }
  if (self && (self.kind !== input.kind || self.lrg_level !== input.lrgLevel)) {
    const field = self.kind !== input.kind ? 'kind' : 'lrgLevel';
    const children = await findChildPlaces(trx, self.id);
    if (
      !childrenFit(
        input,
        children.map((child) => ({ kind: child.kind, lrgLevel: child.lrg_level })),
      )
    )
      issues.push({ path: field, message: 'issues.entity.childrenWouldNotFit' });
    if (self.kind !== input.kind) {
      const usage = await countUsage(trx, self.id);
      if (self.kind === 'lrg_network' && usage.members > 0)
        issues.push({ path: 'kind', message: 'issues.entity.networkHasMembers' });
      if (input.kind !== 'lrg' && usage.memberships > 0)
        issues.push({ path: 'kind', message: 'issues.entity.memberOfNetwork' });
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION', { issues });
  if (input.subdivisionCode && (await findEntityByCode(trx, input.subdivisionCode, self?.id))) throw codeTaken();
}

const codeTaken = () =>
  new AppError('CONFLICT', { issues: [{ path: 'subdivisionCode', message: 'issues.entity.codeTaken' }] });

/**
 * A unique key broken by a create or an update: the subdivision code, or the entity's identity
 * (kind, name case-insensitive, parent: migration 0032), which also decides a race of identical creations.
 */
const taken = (error: unknown) =>
  pgConstraint(error) === 'entities_identity_key'
    ? new AppError('CONFLICT', { issues: [{ path: 'name', message: 'issues.entity.nameTaken' }] })
    : codeTaken();

function columnsOf(input: EntityValues) {
  return {
    kind: input.kind,
    name: input.name,
    name_local: input.nameLocal,
    acronym: input.acronym,
    parent_id: input.parentId,
    lrg_level: input.lrgLevel,
    subdivision_code: input.subdivisionCode,
  };
}

export async function createEntity(db: Database, actor: Actor, input: EntityValues): Promise<EntityDetail> {
  requireCan(actor, 'create');
  try {
    return await db.transaction().execute(async (trx) => {
      await lockHierarchy(trx);
      await checkPlacement(trx, input, null);
      const row = await insertEntity(trx, columnsOf(input));
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'entity',
        recordId: row.id,
        after: auditedEntity(row),
      });
      return getEntity(trx, actor, row.id);
    });
  } catch (error) {
    if (pgCode(error) === uniqueViolation) throw taken(error);
    throw error;
  }
}

/** Rewrites an entity at a known version (409 when someone changed it first). */
export async function updateEntity(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateEntityValues,
): Promise<EntityDetail> {
  requireCan(actor, 'edit');
  try {
    return await db.transaction().execute(async (trx) => {
      await lockHierarchy(trx);
      const before = await findEntity(trx, id);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== input.version) throw new AppError('STALE_VERSION');
      await checkPlacement(trx, input, before);
      const after = await updateEntityAtVersion(trx, id, input.version, columnsOf(input));
      if (!after) throw new AppError('STALE_VERSION');
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'entity',
        recordId: id,
        before: auditedEntity(before),
        after: auditedEntity(after),
      });
      return getEntity(trx, actor, id);
    });
  } catch (error) {
    if (pgCode(error) === uniqueViolation) throw taken(error);
    throw error;
  }
}

/**
 * Deletes an entity at a known version. One that holds assignments, has entities below it, or is
 * named by indicators, observations or actions is refused with how many (ENTITY_IN_USE), and
 * nothing is deleted; its seats and memberships go.
 */
export async function deleteEntity(db: Database, actor: Actor, id: string, version: number): Promise<void> {
  requireCan(actor, 'delete');
  try {
    await db.transaction().execute(async (trx) => {
      await lockHierarchy(trx);
      const before = await findEntity(trx, id);
      if (!before) throw new AppError('NOT_FOUND');
      const usage = await countUsage(trx, id);
      if (usage.assignments > 0 || usage.children > 0 || records(usage) > 0) throw inUse(usage);
      if ((await deleteEntityAtVersion(trx, id, version)) === 0) throw new AppError('STALE_VERSION');
      await recordAudit(trx, actor, {
        action: 'delete',
        recordType: 'entity',
        recordId: id,
        before: auditedEntity(before),
      });
    });
  } catch (error) {
    // An assignment made between the count and the delete: the foreign key refuses it.
    if (pgCode(error) === foreignKeyViolation) throw inUse(await countUsage(db, id));
    throw error;
  }
}

type Usage = Awaited<ReturnType<typeof countUsage>>;

/** Indicators it owns, observations of its territory, actions it is responsible for or supports. */
const records = (usage: Usage) => usage.indicators + usage.observations + usage.actions;

function inUse(usage: Usage) {
  return new AppError('ENTITY_IN_USE', {
    params: { assignments: usage.assignments, children: usage.children, records: records(usage) },
  });
}
