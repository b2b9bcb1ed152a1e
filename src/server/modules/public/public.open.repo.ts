import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import { decisions, followUpShown, updatePublished } from './public.repo';

// The open-data downloads of the published progress and indicators (decision 032, item 4 of issue
// 18). The same rule as every portal page, from the same SQL fragments: a validated update that a
// coordinator published on a recommendation whose follow-up is public; an indicator linked to at
// least one such recommendation, with its national series only. Never who wrote, validated or
// entered anything.

export interface OpenProgressRow {
  id: string;
  recommendation_id: string;
  symbol: string | null;
  number: string | null;
  entity_id: string;
  entity_name: string;
  entity_kind: string;
  period_start: string | null;
  period_end: string | null;
  proposed_status: string | null;
  validated_on: string | null;
  narrative: string | null;
}

/** Every published update, newest validation first. */
export async function findOpenProgress(db: Executor, limit: number): Promise<OpenProgressRow[]> {
  const { rows } = await sql<OpenProgressRow>`
    select u.id, u.recommendation_id, rv.symbol, r.number, u.entity_id, e.name as entity_name, e.kind as entity_kind,
      to_char(u.period_start, 'YYYY-MM-DD') as period_start, to_char(u.period_end, 'YYYY-MM-DD') as period_end,
      u.proposed_status, to_char(u.validated_at, 'YYYY-MM-DD') as validated_on, u.narrative
    from progress_updates u join entities e on e.id = u.entity_id
    join recommendations r on r.id = u.recommendation_id join reviews rv on rv.id = r.review_id ${decisions}
    where ${updatePublished} and ${followUpShown}
    order by u.validated_at desc nulls last, u.id
    limit ${limit}`.execute(db);
  return rows;
}

export interface OpenIndicatorRow {
  id: string;
  code: string;
  title: string;
  type: string;
  unit: string;
  frequency: string;
  baseline_value: number | null;
  baseline_year: number | null;
  target_value: number | null;
  target_year: number | null;
  owner_entity_id: string;
  owner_name: string;
  /** The public recommendations it measures: [id, UN symbol, paragraph], in the register's order. */
  recommendations: [string, string | null, string | null][];
}

/** Indicators linked to a recommendation whose follow-up is public, each with those recommendations. */
export async function findOpenIndicators(db: Executor): Promise<OpenIndicatorRow[]> {
  const { rows } = await sql<OpenIndicatorRow>`
    select i.id, i.code, i.title, i.type, i.unit, i.frequency, i.baseline_value, i.baseline_year,
      i.target_value, i.target_year, i.owner_entity_id, e.name as owner_name,
      json_agg(json_build_array(r.id, rv.symbol, r.number) order by rv.symbol, r.number_sort, r.seq) as recommendations
    from indicators i join entities e on e.id = i.owner_entity_id
    join indicator_recommendations ir on ir.indicator_id = i.id
    join recommendations r on r.id = ir.recommendation_id join reviews rv on rv.id = r.review_id ${decisions}
    where ${followUpShown}
    group by i.id, e.name
    order by i.code, i.id`.execute(db);
  return rows.map((row) => ({
    ...row,
    baseline_value: row.baseline_value === null ? null : Number(row.baseline_value),
    target_value: row.target_value === null ? null : Number(row.target_value),
  }));
}

export interface OpenObservationRow {
  indicator_id: string;
  period_start: string;
  period_end: string;
  value: number;
  lower_bound: number | null;
  upper_bound: number | null;
  source: string | null;
}

/** The national totals of these indicators (no place, no disaggregation), by period. */
export async function findOpenObservations(db: Executor, indicatorIds: string[]): Promise<OpenObservationRow[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('observations')
    .select([
      'indicator_id',
      sql<string>`to_char(period_start, 'YYYY-MM-DD')`.as('period_start'),
      sql<string>`to_char(period_end, 'YYYY-MM-DD')`.as('period_end'),
      'value',
      'lower_bound',
      'upper_bound',
      'source',
    ])
    .where('indicator_id', 'in', indicatorIds)
    .where('place_entity_id', 'is', null)
    .where(sql<boolean>`disaggregation = '{}'::jsonb`)
    .orderBy('indicator_id')
    .orderBy('period_end')
    .execute();
  const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return rows.map((row) => ({
    ...row,
    value: Number(row.value),
    lower_bound: num(row.lower_bound),
    upper_bound: num(row.upper_bound),
  }));
}
