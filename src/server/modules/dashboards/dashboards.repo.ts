import { type RawBuilder, sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { DashboardDimension, DashboardFilters } from '../../../shared/schemas/dashboards';
import type { Executor } from '../../http/context';
import { recommendationText, recommendationTextLang } from '../../lib/language';
import { actionInScope, actionOverdue } from '../actions/actions.repo';
import { everything, inScope, type Scope } from '../assignments/scope';

/**
 * The shared filters and the reader's scope as one condition on the recommendation `alias`, so
 * that every dashboard query (and any later one) filters the same way.
 */
export function recommendationFilter(filters: DashboardFilters, scope: Scope, alias = 'r'): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const parts: RawBuilder<boolean>[] = [];
  if (filters.body) parts.push(sql`${column('body_code')} = ${filters.body}`);
  if (filters.cycle !== undefined) parts.push(sql`${column('cycle')} = ${filters.cycle}`);
  if (filters.entity)
    parts.push(sql`exists (select 1 from assignments fa
      where fa.recommendation_id = ${column('id')} and fa.entity_id = ${filters.entity}::uuid)`);
  // Reviews are few beside recommendations: the planner reads the matching ones first.
  if (filters.from || filters.to) parts.push(sql`${column('review_id')} in (${reviewsDated(filters)})`);
  if (!scope.all) parts.push(inScope(scope, `${alias}.id`));
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/** The ids of the reviews dated within the filters' `from` and `to` (one of them at least). */
function reviewsDated(filters: DashboardFilters) {
  const dated = [
    ...(filters.from ? [sql`fr.review_date >= ${filters.from}::date`] : []),
    ...(filters.to ? [sql`fr.review_date <= ${filters.to}::date`] : []),
  ];
  return sql`select fr.id from reviews fr where ${sql.join(dated, sql` and `)}`;
}

/** `reviewsDated` as text ids, for the search index's review column (reviews are few). */
export async function findReviewIdsDated(db: Executor, filters: DashboardFilters): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select d.id::text as id from (${reviewsDated(filters)}) d`.execute(db);
  return rows.map((row) => row.id);
}

/** The ids of the local and regional governments, for the breakdown by LRG. */
export async function findLrgIds(db: Executor): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`select id::text as id from entities where kind = 'lrg'`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/**
 * One row per value of a multi-valued array column, or one null row when the array is empty (a
 * lateral unnest: set-returning functions may not sit inside coalesce).
 */
const spread = (column: string, type: string, where: RawBuilder<boolean>) =>
  sql`select coalesce(u.value::text, '') as key, r.status from recommendations r
    cross join lateral unnest(case when cardinality(${sql.ref(column)}) = 0 then '{NULL}'::${sql.raw(type)}[]
      else ${sql.ref(column)} end) as u(value)
    where ${where}`;

/**
 * (key, status) per recommendation and value of the dimension; '' stands for "no value" so that
 * the grouping below joins on plain equality (no key of any dimension is the empty string).
 */
function valuesOf(dimension: DashboardDimension, where: RawBuilder<boolean>) {
  const from = sql`from recommendations r`;
  switch (dimension) {
    case 'mechanism':
      return sql`select coalesce(b.mechanism, 'other') as key, r.status ${from}
        left join bodies b on b.code = r.body_code where ${where}`;
    case 'body':
      return sql`select r.body_code as key, r.status ${from} where ${where}`;
    case 'cycle':
      return sql`select coalesce(r.cycle::text, '') as key, r.status ${from} where ${where}`;
    case 'theme':
      return spread('r.theme_ids', 'int', where);
    case 'sdgGoal':
      return spread('r.sdg_goals', 'smallint', where);
    case 'lrgLevel':
      return spread('r.local_levels', 'smallint', where);
    case 'entity':
      return sql`select coalesce(a.entity_id::text, '') as key, r.status ${from}
        left join assignments a on a.recommendation_id = r.id where ${where}`;
    case 'lrg':
      return sql`select coalesce(l.entity_id::text, '') as key, r.status ${from}
        left join (select a.recommendation_id, a.entity_id from assignments a
          join entities e on e.id = a.entity_id where e.kind = 'lrg') l on l.recommendation_id = r.id
        where ${where}`;
  }
}

export interface BreakdownCell {
  /** 1… for the top values, null for the remainder */
  rank: number | null;
  key: string | null;
  status: string;
  n: number;
  values: number;
}

/**
 * Recommendations per value of `dimension` and status: the `limit` values with most
 * recommendations one by one (ties by key, byte order: "C", as `rankCells` compares them), all
 * others summed into rank null. One statement, grouped in PostgreSQL; the answer has at most
 * (limit + 1) × statuses rows. The path while the search index is being built from scratch;
 * otherwise `dashboards.indexed.ts` counts the same from the index.
 */
export async function countByDimension(
  db: Executor,
  dimension: DashboardDimension,
  where: RawBuilder<boolean>,
  limit: number,
): Promise<BreakdownCell[]> {
  const { rows } = await sql<BreakdownCell>`
    with g as (
      select v.key, v.status, count(*)::int as n from (${valuesOf(dimension, where)}) v group by v.key, v.status
    ),
    k as (select key, row_number() over (order by sum(n) desc, key collate "C") as rk from g group by key)
    select case when k.rk <= ${limit} then k.rk::int end as rank,
      case when k.rk <= ${limit} then g.key end as key,
      g.status, sum(g.n)::int as n, (select count(*) from k)::int as values
    from g join k on k.key = g.key
    group by 1, 2, 3
    order by 1 nulls last, 3`.execute(db);
  return rows.map((row) => ({ ...row, key: row.key === '' ? null : row.key }));
}

export async function countRecommendations(db: Executor, where: RawBuilder<boolean>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from recommendations r where ${where}`.execute(
    db,
  );
  return rows[0]?.n ?? 0;
}

/** The installation's status terms, in their order. */
export function findStatusTerms(db: Executor) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['code', 'label', 'final'])
    .where('taxonomy', '=', 'status')
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export interface OverdueRow {
  kind: 'assignment' | 'action';
  id: string;
  entity_id: string;
  entity_name: string;
  due_date: string;
  days_overdue: number;
  status: string;
  // an assignment's recommendation (null for an action)
  recommendation_id: string | null;
  role: 'lead' | 'supporting' | null;
  delegated: boolean;
  number: string | null;
  body_code: string | null;
  review_symbol: string | null;
  text: string | null;
  text_lang: string | null;
  // an action's title (null for an assignment)
  title: string | null;
}

/**
 * What is late, as rows of one shape: the assignments past their due date on recommendations not
 * in a final status, and the actions past their end date and still to be done (`actionOverdue`,
 * the actions list's own rule). The shared filters keep an action when it answers a
 * recommendation they keep, and `entity` when that entity is responsible or supporting.
 */
function overdueSources(filters: DashboardFilters, scope: Scope, today: string) {
  const { entity, ...rest } = filters;
  const assignments = sql`
    select 'assignment' as kind, a.id, a.recommendation_id, a.entity_id, a.role,
      a.delegated_from is not null as delegated, a.due_date, r.status
    from assignments a join recommendations r on r.id = a.recommendation_id
    where a.due_date < ${today}::date
      and r.status not in (select code from taxonomy_terms where taxonomy = 'status' and final)
      and ${recommendationFilter(rest, scope)}
      ${entity ? sql`and a.entity_id = ${entity}::uuid` : sql``}`;
  const narrowed = Object.values(rest).some((value) => value !== undefined);
  const actions = sql`
    select 'action' as kind, a.id, null::uuid as recommendation_id, a.responsible_entity_id as entity_id,
      null as role, false as delegated, a.end_date as due_date, a.status
    from actions a
    where ${actionOverdue(today)} and ${actionInScope(scope)}
      ${
        narrowed
          ? sql`and exists (select 1 from action_recommendations ar join recommendations r on r.id = ar.recommendation_id
              where ar.action_id = a.id and ${recommendationFilter(rest, everything)})`
          : sql``
      }
      ${
        entity
          ? sql`and (a.responsible_entity_id = ${entity}::uuid
              or exists (select 1 from action_entities ae where ae.action_id = a.id and ae.entity_id = ${entity}::uuid))`
          : sql``
      }`;
  return sql.join([assignments, actions], sql` union all `);
}

/** One page of overdue items on the UTC day `today`, longest overdue first, with their total. */
export async function findOverdue(
  db: Executor,
  filters: DashboardFilters,
  scope: Scope,
  lang: Locale,
  page: { limit: number; offset: number },
  today: string,
): Promise<{ rows: OverdueRow[]; total: number }> {
  const sources = overdueSources(filters, scope, today);
  const text = recommendationText(lang);
  const [list, count] = await Promise.all([
    sql<OverdueRow>`
      with o as (${sources})
      select o.kind, o.id, o.recommendation_id, o.entity_id, e.name as entity_name, o.role, o.delegated,
        to_char(o.due_date, 'YYYY-MM-DD') as due_date, (${today}::date - o.due_date)::int as days_overdue,
        o.status, r.number, r.body_code, rv.symbol as review_symbol,
        case when r.id is not null then left(${text}, 300) end as text,
        case when r.id is not null then ${recommendationTextLang(lang)} end as text_lang,
        ac.title
      from o
      join entities e on e.id = o.entity_id
      left join recommendations r on r.id = o.recommendation_id
      left join reviews rv on rv.id = r.review_id
      left join actions ac on o.kind = 'action' and ac.id = o.id
      order by o.due_date, o.id
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from (${sources}) o`.execute(db),
  ]);
  return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
}
