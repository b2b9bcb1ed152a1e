import { AppError, type ErrorIssue } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';
import {
  type AcrossPlaces,
  maxSeriesPlaces,
  maxSeriesPoints,
  type Observation,
  type ObservationFields,
  type ObservationListQuery,
  type OverTime,
} from '../../../shared/schemas/indicators';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { exclusionViolation, pgCode } from '../../lib/pg-errors';
import { recordAudit } from '../audit/audit.service';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { rescheduleReminder } from './indicator-reminders.service';
import { canIndicators } from './indicators.policy';
import { auditedObservation, periodLabel, presentObservation } from './indicators.presenter';
import { findEntityRefs, lockIndicator } from './indicators.repo';
import { requireCan, requireIndicator, seatMap } from './indicators.service';
import { checkDisaggregation } from './observation-rules';
import {
  acrossPlaces,
  busiestPlaces,
  deleteObservationAtVersion,
  findObservation,
  findObservations,
  findOverlapping,
  insertObservations,
  overTime,
  placePeriods,
  updateObservationAtVersion,
} from './observations.repo';

type Indicator = Awaited<ReturnType<typeof requireIndicator>>;

/** May this person enter (or change) an observation of this indicator for that place? */
export function mayEnter(user: SessionUser, indicator: Indicator, seats: Map<string, Seat>, placeId: string | null) {
  return canIndicators(user, 'enterObservation', {
    ownerSeat: seats.get(indicator.owner_entity_id) ?? null,
    place: placeId ? { seat: seats.get(placeId) ?? null } : null,
  });
}

/** The observation's fields checked against the indicator: place, disaggregation, overlap. */
async function checkObservation(
  db: Executor,
  indicator: Indicator,
  fields: ObservationFields,
  exceptId?: string,
): Promise<Record<string, string>> {
  const issues: ErrorIssue[] = [];
  if (fields.placeId) {
    const [place] = await findEntityRefs(db, [fields.placeId]);
    if (!place) issues.push({ path: 'placeId', message: 'issues.unknownEntity' });
    else if (place.kind !== 'lrg') issues.push({ path: 'placeId', message: 'issues.observation.placeNotLrg' });
    else if (!indicator.by_place) issues.push({ path: 'placeId', message: 'issues.observation.nationalOnly' });
  }
  const { value, problems } = checkDisaggregation(indicator.dimensions, fields.disaggregation);
  for (const problem of problems) issues.push({ path: `disaggregation.${problem.key}`, message: problem.message });
  if (issues.length > 0) throw new AppError('VALIDATION', { issues });
  const overlapping = await findOverlapping(
    db,
    {
      indicatorId: indicator.id,
      placeId: fields.placeId,
      disaggregation: value,
      start: fields.periodStart,
      end: fields.periodEnd,
    },
    exceptId,
  );
  if (overlapping[0])
    throw new AppError('CONFLICT', {
      params: { start: overlapping[0].period_start, end: overlapping[0].period_end },
      issues: [{ path: 'periodStart', message: 'issues.observation.overlap' }],
    });
  return value;
}

function columns(fields: ObservationFields, disaggregation: Record<string, string>) {
  return {
    period_start: fields.periodStart,
    period_end: fields.periodEnd,
    value: fields.value,
    lower_bound: fields.lowerBound,
    upper_bound: fields.upperBound,
    place_entity_id: fields.placeId,
    disaggregation: JSON.stringify(disaggregation),
    source: fields.source,
  };
}

/** The exclusion constraint's refusal (a concurrent write won the race) as the same 409. */
function overlapRace(error: unknown): never {
  if (pgCode(error) === exclusionViolation)
    throw new AppError('CONFLICT', { issues: [{ path: 'periodStart', message: 'issues.observation.overlap' }] });
  throw error;
}

export async function listObservations(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  query: ObservationListQuery,
): Promise<Page<Observation>> {
  const user = requireCan(actor, 'read');
  const indicator = await requireIndicator(deps.db, indicatorId);
  const seats = await seatMap(deps.db, user.id);
  const { rows, total } = await findObservations(deps.db, indicatorId, query);
  return {
    items: rows.map((row) => presentObservation(row, mayEnter(user, indicator, seats, row.place_entity_id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Adds one observation; the indicator's next due date (and its reminder) follows. */
export async function addObservation(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  fields: ObservationFields,
): Promise<Observation> {
  const user = requireCan(actor, 'read');
  return deps.db
    .transaction()
    .execute(async (trx) => {
      if (!(await lockIndicator(trx, indicatorId))) throw new AppError('NOT_FOUND');
      const indicator = await requireIndicator(trx, indicatorId);
      if (!mayEnter(user, indicator, await seatMap(trx, user.id), fields.placeId)) throw new AppError('FORBIDDEN');
      const disaggregation = await checkObservation(trx, indicator, fields);
      const [inserted] = await insertObservations(trx, [
        { indicator_id: indicatorId, ...columns(fields, disaggregation), entered_by: user.id },
      ]);
      if (!inserted) throw new AppError('INTERNAL');
      await rescheduleReminder(trx, deps, indicatorId);
      const row = await findObservation(trx, indicatorId, inserted.id);
      if (!row) throw new AppError('INTERNAL');
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'observation',
        recordId: row.id,
        after: { indicatorId, ...auditedObservation(row) },
      });
      return presentObservation(row, true);
    })
    .catch(overlapRace);
}

export async function updateObservation(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  id: string,
  input: { version: number; fields: ObservationFields },
): Promise<Observation> {
  const user = requireCan(actor, 'read');
  return deps.db
    .transaction()
    .execute(async (trx) => {
      if (!(await lockIndicator(trx, indicatorId))) throw new AppError('NOT_FOUND');
      const indicator = await requireIndicator(trx, indicatorId);
      const before = await findObservation(trx, indicatorId, id);
      if (!before) throw new AppError('NOT_FOUND');
      const seats = await seatMap(trx, user.id);
      // Both the place it had and the place it gets must be the person's to write.
      if (
        !mayEnter(user, indicator, seats, before.place_entity_id) ||
        !mayEnter(user, indicator, seats, input.fields.placeId)
      )
        throw new AppError('FORBIDDEN');
      if (before.version !== input.version) throw new AppError('STALE_VERSION');
      const disaggregation = await checkObservation(trx, indicator, input.fields, id);
      if (!(await updateObservationAtVersion(trx, id, input.version, columns(input.fields, disaggregation))))
        throw new AppError('STALE_VERSION');
      await rescheduleReminder(trx, deps, indicatorId);
      const row = await findObservation(trx, indicatorId, id);
      if (!row) throw new AppError('INTERNAL');
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'observation',
        recordId: id,
        before: auditedObservation(before),
        after: auditedObservation(row),
      });
      return presentObservation(row, true);
    })
    .catch(overlapRace);
}

export async function deleteObservation(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  id: string,
  version: number,
): Promise<void> {
  const user = requireCan(actor, 'read');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await lockIndicator(trx, indicatorId))) throw new AppError('NOT_FOUND');
    const indicator = await requireIndicator(trx, indicatorId);
    const before = await findObservation(trx, indicatorId, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (!mayEnter(user, indicator, await seatMap(trx, user.id), before.place_entity_id))
      throw new AppError('FORBIDDEN');
    if (!(await deleteObservationAtVersion(trx, id, version))) throw new AppError('STALE_VERSION');
    await rescheduleReminder(trx, deps, indicatorId);
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'observation',
      recordId: id,
      before: { indicatorId, ...auditedObservation(before) },
    });
  });
}

// Series for charts: national totals over time (with one LRG beside them), LRGs for one period.

/** How many LRGs the chart over time draws when the indicator has no national value. */
const fallbackPlaces = 5;

export async function getOverTime(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  placeId: string | undefined,
): Promise<OverTime> {
  requireCan(actor, 'read');
  const indicator = await requireIndicator(deps.db, indicatorId);
  let rows = await overTime(deps.db, indicatorId, placeId ? [placeId] : [], maxSeriesPoints);
  // Only local values (a city's VLR table, no national figure): the chart shows the LRGs with
  // the most values rather than "no data" beside a table full of them.
  const national = rows.some((row) => row.place_entity_id === null);
  const placeIds = placeId ? [placeId] : national ? [] : await busiestPlaces(deps.db, indicatorId, fallbackPlaces);
  if (!placeId && placeIds.length) rows = await overTime(deps.db, indicatorId, placeIds, maxSeriesPoints);
  const periods: { start: string; end: string }[] = [];
  const index = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.period_start}/${row.period_end}`;
    if (!index.has(key)) {
      index.set(key, periods.length);
      periods.push({ start: row.period_start, end: row.period_end });
    }
  }
  const places = placeIds.length ? await findEntityRefs(deps.db, placeIds) : [];
  const t = translatorFor(actor.locale);
  const lines = [{ id: null as string | null, label: t('indicators.national') }];
  for (const id of placeIds) {
    const place = places.find((item) => item.id === id);
    if (place) lines.push({ id: place.id, label: place.name });
  }
  return {
    localOnly: !placeId && !national && placeIds.length > 0,
    categories: periods.map((p) => periodLabel(p.start, p.end)),
    periods,
    unit: indicator.unit,
    series: lines.map((line) => {
      const empty = () => periods.map((): number | null => null);
      const series = { label: line.label, placeId: line.id, values: empty(), lower: empty(), upper: empty() };
      for (const row of rows) {
        if (row.place_entity_id !== line.id) continue;
        const at = index.get(`${row.period_start}/${row.period_end}`) as number;
        series.values[at] = Number(row.value);
        series.lower[at] = row.lower_bound === null ? null : Number(row.lower_bound);
        series.upper[at] = row.upper_bound === null ? null : Number(row.upper_bound);
      }
      return series;
    }),
  };
}

export async function getAcrossPlaces(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  period: { periodStart: string; periodEnd: string },
): Promise<AcrossPlaces> {
  requireCan(actor, 'read');
  const indicator = await requireIndicator(deps.db, indicatorId);
  const rows = await acrossPlaces(deps.db, indicatorId, period.periodStart, period.periodEnd, maxSeriesPlaces);
  const shown = rows.slice(0, maxSeriesPlaces);
  return {
    places: shown.map((place) => presentEntityRef(place)),
    values: shown.map((row) => Number(row.value)),
    lower: shown.map((row) => (row.lower_bound === null ? null : Number(row.lower_bound))),
    upper: shown.map((row) => (row.upper_bound === null ? null : Number(row.upper_bound))),
    truncated: rows.length > maxSeriesPlaces,
    unit: indicator.unit,
  };
}

export async function getPlacePeriods(deps: Deps, actor: Actor, indicatorId: string) {
  requireCan(actor, 'read');
  await requireIndicator(deps.db, indicatorId);
  const rows = await placePeriods(deps.db, indicatorId, maxSeriesPoints);
  return rows.map((row) => ({ start: row.period_start, end: row.period_end, placeCount: row.place_count }));
}
