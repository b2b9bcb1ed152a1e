import type { IndicatorSummary, Observation } from '../../../shared/schemas/indicators';
import { todayUtc } from '../../lib/dates';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { dueDateOf } from './indicator-reminders.service';
import type { IndicatorRow } from './indicators.repo';
import type { ObservationRow } from './observations.repo';

export function presentSummary(row: IndicatorRow): IndicatorSummary {
  const nextDue = dueDateOf(row);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    type: row.type,
    unit: row.unit,
    frequency: row.frequency,
    owner: presentEntityRef(row, 'owner_', 'owner_entity_id'),
    sdgCodes: row.sdg_codes,
    observationCount: row.observation_count,
    lastPeriodEnd: row.last_period_end,
    nextDue,
    overdue: nextDue !== null && nextDue < todayUtc(),
    version: row.version,
  };
}

/** What the audit trail keeps of an indicator. */
export function auditedIndicator(row: IndicatorRow, recommendationIds: string[]) {
  return {
    code: row.code,
    title: row.title,
    type: row.type,
    unit: row.unit,
    baselineValue: row.baseline_value,
    baselineYear: row.baseline_year,
    targetValue: row.target_value,
    targetYear: row.target_year,
    frequency: row.frequency,
    ownerEntityId: row.owner_entity_id,
    dimensions: row.dimensions,
    byPlace: row.by_place,
    sdgCodes: row.sdg_codes,
    recommendationIds,
    version: row.version,
  };
}

export function presentObservation(row: ObservationRow, canEdit: boolean): Observation {
  return {
    id: row.id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    value: Number(row.value),
    lowerBound: row.lower_bound === null ? null : Number(row.lower_bound),
    upperBound: row.upper_bound === null ? null : Number(row.upper_bound),
    // The place is a left join: national observations have none.
    place:
      row.place_entity_id && row.place_kind && row.place_name
        ? presentEntityRef(
            { ...row, place_entity_id: row.place_entity_id, place_kind: row.place_kind, place_name: row.place_name },
            'place_',
            'place_entity_id',
          )
        : null,
    disaggregation: row.disaggregation,
    source: row.source,
    enteredBy: row.entered_by_name,
    createdAt: row.created_at.toISOString(),
    canEdit,
    version: row.version,
  };
}

/** What the audit trail keeps of an observation. */
export function auditedObservation(row: {
  period_start: string;
  period_end: string;
  value: number;
  lower_bound: number | null;
  upper_bound: number | null;
  place_entity_id: string | null;
  disaggregation: Record<string, string>;
  source: string | null;
}) {
  return {
    periodStart: row.period_start,
    periodEnd: row.period_end,
    value: Number(row.value),
    lowerBound: row.lower_bound,
    upperBound: row.upper_bound,
    placeId: row.place_entity_id,
    disaggregation: row.disaggregation,
    source: row.source,
  };
}

/** A period as a chart category: the year for a calendar year, else "start – end". */
export function periodLabel(start: string, end: string): string {
  if (start.endsWith('-01-01') && end.endsWith('-12-31') && start.slice(0, 4) === end.slice(0, 4))
    return start.slice(0, 4);
  return `${start} – ${end}`;
}
