import { AppError, type ErrorIssue } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';
import type {
  IndicatorDetail,
  IndicatorFields,
  IndicatorListQuery,
  IndicatorNotification,
  IndicatorSummary,
  UpdateIndicatorInput,
} from '../../../shared/schemas/indicators';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { scopeOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { readMailPreference, writeMailPreference } from '../outbox/outbox.service';
import { findCurrentReminder } from './indicator-reminders.repo';
import { rescheduleReminder } from './indicator-reminders.service';
import { canIndicators, type IndicatorsAction } from './indicators.policy';
import { auditedIndicator, presentSummary } from './indicators.presenter';
import {
  deleteIndicatorAtVersion,
  existingRecommendationIds,
  findEntityRefs,
  findIndicator,
  findIndicators,
  findLinkedRecommendations,
  findSdgTerms,
  insertIndicator,
  isCodeTaken,
  lockIndicator,
  recommendationIdsOf,
  replaceRecommendations,
  seatsOf,
  updateIndicatorAtVersion,
} from './indicators.repo';
import { usedDisaggregations } from './observations.repo';

export function requireCan(actor: Actor, action: IndicatorsAction): SessionUser {
  const user = signedIn(actor);
  if (!canIndicators(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

export async function requireIndicator(db: Executor, id: string) {
  const row = await findIndicator(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The seats a person holds, by entity id. */
export async function seatMap(db: Executor, userId: string): Promise<Map<string, Seat>> {
  return new Map((await seatsOf(db, userId)).map((row) => [row.entity_id, row.role]));
}

/** The data owner exists, the SDG codes are in the SDG list, the recommendations exist. */
async function checkReferences(db: Executor, fields: IndicatorFields): Promise<void> {
  const issues: ErrorIssue[] = [];
  const [owner] = await findEntityRefs(db, [fields.ownerEntityId]);
  if (!owner) issues.push({ path: 'ownerEntityId', message: 'issues.unknownEntity' });
  else if (owner.kind === 'lrg_network' || owner.kind === 'cso')
    issues.push({ path: 'ownerEntityId', message: 'issues.indicator.ownerNotDutyBearer' });
  const codes = [...new Set(fields.sdgCodes)];
  const known = new Set((await findSdgTerms(db, codes)).map((term) => term.code));
  codes.forEach((code, index) => {
    if (!known.has(code)) issues.push({ path: `sdgCodes.${index}`, message: 'issues.indicator.unknownSdgCode' });
  });
  const ids = [...new Set(fields.recommendationIds)];
  if ((await existingRecommendationIds(db, ids)).length !== ids.length)
    issues.push({ path: 'recommendationIds', message: 'issues.unknownRecommendations' });
  if (issues.length > 0) throw new AppError('VALIDATION', { issues });
}

/** An edit may not strand observations: dimensions and values in use stay, and LRG data needs byPlace. */
async function checkObservationsFit(db: Executor, id: string, fields: IndicatorFields): Promise<void> {
  const used = await usedDisaggregations(db, id);
  const issues: ErrorIssue[] = [];
  if (!fields.byPlace && used.some((u) => u.by_place))
    issues.push({ path: 'byPlace', message: 'issues.indicator.placeDataExists' });
  for (const { disaggregation } of used)
    for (const [key, value] of Object.entries(disaggregation)) {
      const dimension = fields.dimensions.find((d) => d.key === key);
      if (!dimension?.values.includes(value))
        issues.push({ path: 'dimensions', message: 'issues.indicator.dimensionValueInUse' });
    }
  if (issues.length > 0) throw new AppError('VALIDATION', { issues: issues.slice(0, 1) });
}

function columns(fields: IndicatorFields) {
  return {
    code: fields.code,
    title: fields.title,
    description: fields.description,
    type: fields.type,
    unit: fields.unit,
    baseline_value: fields.baselineValue,
    baseline_year: fields.baselineYear,
    target_value: fields.targetValue,
    target_year: fields.targetYear,
    frequency: fields.frequency,
    owner_entity_id: fields.ownerEntityId,
    dimensions: JSON.stringify(fields.dimensions),
    by_place: fields.byPlace,
    sdg_codes: [...new Set(fields.sdgCodes)],
  };
}

const codeTaken = () => new AppError('CONFLICT', { issues: [{ path: 'code', message: 'issues.indicator.codeTaken' }] });

export async function listIndicators(
  deps: Deps,
  actor: Actor,
  query: IndicatorListQuery,
): Promise<Page<IndicatorSummary>> {
  const user = requireCan(actor, 'read');
  const { rows, total } = await findIndicators(deps.db, query, await scopeOf(deps.db, user));
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getIndicator(db: Executor, actor: Actor, id: string): Promise<IndicatorDetail> {
  const user = requireCan(actor, 'read');
  const row = await requireIndicator(db, id);
  const [recommendationIds, sdg, scope, seats, reminder] = await Promise.all([
    recommendationIdsOf(db, id),
    findSdgTerms(db, row.sdg_codes),
    scopeOf(db, user),
    seatsOf(db, user.id),
    findCurrentReminder(db, id),
  ]);
  const recommendations = await findLinkedRecommendations(db, id, actor.locale, scope);
  const ownerSeat = seats.find((seat) => seat.entity_id === row.owner_entity_id)?.role ?? null;
  const canEnterNational = canIndicators(user, 'enterObservation', { ownerSeat, place: null });
  // The LRGs this person enters data for: their own (or none when only the owner or the secretariat).
  const enterablePlaces = row.by_place
    ? seats
        .filter(
          (seat) =>
            seat.kind === 'lrg' &&
            canIndicators(user, 'enterObservation', { ownerSeat: null, place: { seat: seat.role } }),
        )
        .map((seat) => presentEntityRef(seat, '', 'entity_id'))
    : [];
  return {
    ...presentSummary(row),
    description: row.description,
    baselineValue: row.baseline_value === null ? null : Number(row.baseline_value),
    baselineYear: row.baseline_year,
    targetValue: row.target_value === null ? null : Number(row.target_value),
    targetYear: row.target_year,
    dimensions: row.dimensions,
    byPlace: row.by_place,
    sdg: sdg.map((term) => ({ code: term.code, title: term.label as Record<string, string> })),
    recommendations: recommendations.map((r) => ({ id: r.id, symbol: r.symbol || null, text: r.text })),
    // Decision 020: only the links within the reader's scope (all of them for the secretariat).
    recommendationIds: scope.all ? recommendationIds : recommendations.map((r) => r.id),
    reminder: reminder
      ? { dueDate: reminder.due_date, dueAt: reminder.due_at.toISOString(), status: reminder.status }
      : null,
    canEdit: canIndicators(user, 'manage'),
    canEnterNational,
    enterablePlaces,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Defines an indicator, links it, and schedules the reminder of its first due date. */
export async function createIndicator(deps: Deps, actor: Actor, fields: IndicatorFields): Promise<IndicatorDetail> {
  const user = requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await checkReferences(trx, fields);
    if (await isCodeTaken(trx, fields.code)) throw codeTaken();
    const id = await insertIndicator(trx, { ...columns(fields), created_by: user.id });
    const recommendationIds = [...new Set(fields.recommendationIds)];
    await replaceRecommendations(trx, id, recommendationIds);
    await rescheduleReminder(trx, deps, id);
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'indicator',
      recordId: id,
      after: auditedIndicator(await requireIndicator(trx, id), recommendationIds),
    });
    return getIndicator(trx, actor, id);
  });
}

/** Edits an indicator at the version the editor saw (else 409); its due date may move. */
export async function updateIndicator(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UpdateIndicatorInput,
): Promise<IndicatorDetail> {
  requireCan(actor, 'manage');
  const { fields } = input;
  return deps.db.transaction().execute(async (trx) => {
    if (!(await lockIndicator(trx, id))) throw new AppError('NOT_FOUND');
    const before = await requireIndicator(trx, id);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    await checkReferences(trx, fields);
    await checkObservationsFit(trx, id, fields);
    if (await isCodeTaken(trx, fields.code, id)) throw codeTaken();
    const linkedBefore = await recommendationIdsOf(trx, id);
    if (!(await updateIndicatorAtVersion(trx, id, input.version, columns(fields)))) throw new AppError('STALE_VERSION');
    const recommendationIds = [...new Set(fields.recommendationIds)];
    await replaceRecommendations(trx, id, recommendationIds);
    await rescheduleReminder(trx, deps, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'indicator',
      recordId: id,
      before: auditedIndicator(before, linkedBefore),
      after: auditedIndicator(await requireIndicator(trx, id), recommendationIds),
    });
    return getIndicator(trx, actor, id);
  });
}

/** Deletes an indicator with its observations and reminders (their rows cascade; jobs then do nothing). */
export async function deleteIndicator(deps: Deps, actor: Actor, id: string, version: number): Promise<void> {
  requireCan(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await lockIndicator(trx, id))) throw new AppError('NOT_FOUND');
    const before = await requireIndicator(trx, id);
    const linked = await recommendationIdsOf(trx, id);
    if (!(await deleteIndicatorAtVersion(trx, id, version))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'indicator',
      recordId: id,
      before: { ...auditedIndicator(before, linked), observationCount: before.observation_count },
    });
  });
}

// The person's choice of reminders by e-mail.

export async function getIndicatorNotification(deps: Deps, actor: Actor): Promise<IndicatorNotification> {
  const user = signedIn(actor);
  return { indicatorsByEmail: await readMailPreference(deps.db, user.id, 'indicators') };
}

export async function setIndicatorNotification(
  deps: Deps,
  actor: Actor,
  input: IndicatorNotification,
): Promise<IndicatorNotification> {
  const user = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const before = await readMailPreference(trx, user.id, 'indicators');
    await writeMailPreference(trx, user.id, 'indicators', input.indicatorsByEmail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'notification_preferences',
      recordId: user.id,
      before: { indicatorsByEmail: before },
      after: input,
    });
    return input;
  });
}
