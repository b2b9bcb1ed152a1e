import { type RawBuilder, sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { Executor } from '../../http/context';
import { localizedText } from '../../lib/language';
import { textMatch } from '../search';

// The portal's only SQL. Every query starts from what decision 032 lets anyone read: the joins
// `pr` (the recommendation's own decision) and `pv` (its review's) and the two conditions below
// are `publicnessOf` (publication.policy.ts) for many rows at once.

/** The recommendation's text is public: not withheld by its own decision or its review's. */
const shown = sql<boolean>`coalesce(pr.published, pv.published, true)`;
/** Its follow-up (status, history, entities, indicators, progress) is public too. */
export const followUpShown = sql<boolean>`coalesce(pr.published, pv.published, false)`;
export const decisions = sql`left join publications pr on pr.subject = 'recommendation' and pr.record_id = r.id
  left join publications pv on pv.subject = 'review' and pv.record_id = r.review_id`;
/** A published, validated update on a recommendation whose follow-up is public. */
export const updatePublished = sql`u.status = 'validated' and u.recommendation_id is not null and exists (
  select 1 from publications pu where pu.subject = 'progress_update' and pu.record_id = u.id and pu.published)`;

export interface PublicFilters {
  q?: string | undefined;
  mechanism?: string | undefined;
  body?: string | undefined;
  theme?: number | undefined;
  sdg?: number | undefined;
  status?: string | undefined;
  position?: string | undefined;
  review?: string | undefined;
  entity?: string | undefined;
}

function conditions(filters: PublicFilters): RawBuilder<unknown> {
  const and: RawBuilder<unknown>[] = [shown];
  if (filters.q) and.push(textMatch(filters.q));
  if (filters.mechanism) and.push(sql`b.mechanism = ${filters.mechanism}`);
  if (filters.body) and.push(sql`r.body_code = ${filters.body}`);
  if (filters.theme !== undefined) and.push(sql`${filters.theme}::int = any(r.theme_ids)`);
  if (filters.sdg !== undefined) and.push(sql`${filters.sdg}::int = any(r.sdg_goals)`);
  if (filters.position) and.push(sql`r.position = ${filters.position}`);
  if (filters.review) and.push(sql`r.review_id = ${filters.review}::uuid`);
  // Status and entities are the State's follow-up: they filter only where it is public.
  if (filters.status) and.push(sql`${followUpShown} and r.status = ${filters.status}`);
  if (filters.entity)
    and.push(sql`${followUpShown} and exists (select 1 from assignments a
      where a.recommendation_id = r.id and a.entity_id = ${filters.entity}::uuid)`);
  return sql.join(and, sql` and `);
}

const from = sql`from recommendations r join bodies b on b.code = r.body_code join reviews rv on rv.id = r.review_id ${decisions}`;

export interface PublicRow {
  id: string;
  number: string | null;
  symbol: string | null;
  body_code: string;
  position: string | null;
  status: string | null;
  text: string;
  text_lang: string | null;
}

/** One page of the public register and its total. */
export async function findPublicPage(
  db: Executor,
  filters: PublicFilters,
  locale: Locale,
  offset: number,
  limit: number,
): Promise<{ total: number; rows: PublicRow[] }> {
  const [text, textLang] = localizedText(locale, 'r');
  const { rows } = await sql<PublicRow & { total: string }>`
    select r.id, r.number, rv.symbol, r.body_code, r.position,
      case when ${followUpShown} then r.status end as status,
      ${text}, ${textLang}, count(*) over () as total
    ${from} where ${conditions(filters)}
    order by rv.review_date desc nulls last, rv.symbol, r.number_sort, r.seq
    offset ${offset} limit ${limit}`.execute(db);
  const total = rows[0] ? Number(rows[0].total) : offset > 0 ? await countPublic(db, filters) : 0;
  return { total, rows: rows.map(({ total: _total, ...row }) => row) };
}

async function countPublic(db: Executor, filters: PublicFilters): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n ${from} where ${conditions(filters)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface FacetCount {
  facet: 'mechanism' | 'theme' | 'sdg' | 'status' | 'position' | 'review';
  value: string;
  count: number;
}

/** The facet counts of the rows the filters keep, in one round trip. */
export async function countPublicFacets(db: Executor, filters: PublicFilters): Promise<FacetCount[]> {
  const { rows } = await sql<{ facet: FacetCount['facet']; value: string; n: string }>`
    with hits as (
      select b.mechanism, r.theme_ids, r.sdg_goals, r.position, r.review_id,
        case when ${followUpShown} then r.status end as status
      ${from} where ${conditions(filters)})
    select 'mechanism' as facet, mechanism as value, count(*) as n from hits group by 1, 2
    union all select 'theme', t::text, count(*) from hits, unnest(theme_ids) t group by 1, 2
    union all select 'sdg', g::text, count(*) from hits, unnest(sdg_goals) g group by 1, 2
    union all select 'status', status, count(*) from hits where status is not null group by 1, 2
    union all select 'position', position, count(*) from hits where position is not null group by 1, 2
    union all select 'review', review_id::text, count(*) from hits group by 1, 2
    order by 3 desc, 2`.execute(db);
  return rows.map((row) => ({ facet: row.facet, value: row.value, count: Number(row.n) }));
}

/** One recommendation with the decisions the policy needs; undefined when it does not exist. */
export async function findPublicRecommendation(db: Executor, id: string, locale: Locale) {
  const [text, textLang] = localizedText(locale, 'r');
  const { rows } = await sql<{
    id: string;
    review_id: string;
    number: string | null;
    heading: string | null;
    symbol: string | null;
    review_title: string | null;
    review_date: string | null;
    body_code: string;
    mechanism: string;
    body_name: Record<string, string>;
    position: string | null;
    status: string;
    theme_ids: number[];
    sdg_goals: number[];
    sdg_targets: string[];
    recommending_states: string[];
    text: string;
    text_lang: string | null;
    own: boolean | null;
    review: boolean | null;
  }>`
    select r.id, r.review_id, r.number, r.heading, rv.symbol, rv.title as review_title,
      to_char(rv.review_date, 'YYYY-MM-DD') as review_date, r.body_code, b.mechanism, b.name as body_name,
      r.position, r.status, r.theme_ids, r.sdg_goals, r.sdg_targets, r.recommending_states, ${text}, ${textLang},
      pr.published as own, pv.published as review
    ${from} where r.id = ${id}::uuid`.execute(db);
  return rows[0];
}

/** The id of the recommendation a UN symbol and paragraph name (the stable public identifier). */
export async function findIdBySymbol(db: Executor, symbol: string, paragraph: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as rv', 'rv.id', 'r.review_id')
    .select('r.id')
    .where('rv.symbol', '=', symbol)
    .where('r.number', '=', paragraph)
    .executeTakeFirst();
  return row?.id;
}

/** Status history, without who changed it or the note (internal). */
export function findStatusHistory(db: Executor, recommendationId: string) {
  return db
    .selectFrom('recommendation_status_history')
    .select(['status', sql<string>`to_char(changed_at, 'YYYY-MM-DD')`.as('on')])
    .where('recommendation_id', '=', recommendationId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

/** The entities responsible (organisations: no person, no note). */
export function findResponsible(db: Executor, recommendationId: string) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select(['e.id', 'e.name', 'e.acronym', 'e.kind', 'a.role', 'a.delegated_from'])
    .where('a.recommendation_id', '=', recommendationId)
    .orderBy('a.role')
    .orderBy('e.name')
    .execute();
}

export interface PublicUpdate {
  id: string;
  recommendation_id: string;
  entity_id: string;
  entity_name: string;
  period_start: string | null;
  period_end: string | null;
  narrative: string | null;
  narrative_format: string;
  proposed_status: string | null;
  validated_on: string | null;
}

/** Published updates, of one recommendation or of one entity, newest first; never who wrote them. */
export async function findPublishedUpdates(
  db: Executor,
  by: { recommendationId?: string; entityId?: string; reviewId?: string; themeId?: number; limit?: number },
): Promise<PublicUpdate[]> {
  const { rows } = await sql<PublicUpdate>`
    select u.id, u.recommendation_id, u.entity_id, e.name as entity_name,
      to_char(u.period_start, 'YYYY-MM-DD') as period_start, to_char(u.period_end, 'YYYY-MM-DD') as period_end,
      u.narrative, u.narrative_format, u.proposed_status, to_char(u.validated_at, 'YYYY-MM-DD') as validated_on
    from progress_updates u join entities e on e.id = u.entity_id
    join recommendations r on r.id = u.recommendation_id ${decisions}
    where ${updatePublished} and ${followUpShown}
      ${by.recommendationId ? sql`and u.recommendation_id = ${by.recommendationId}::uuid` : sql``}
      ${by.entityId ? sql`and u.entity_id = ${by.entityId}::uuid` : sql``}
      ${by.reviewId ? sql`and r.review_id = ${by.reviewId}::uuid` : sql``}
      ${by.themeId !== undefined ? sql`and ${by.themeId}::int = any(r.theme_ids)` : sql``}
    order by u.validated_at desc nulls last, u.id
    limit ${by.limit ?? 200}`.execute(db);
  return rows;
}

export interface PublicIndicator {
  id: string;
  code: string;
  title: string;
  unit: string;
  baseline_value: number | null;
  baseline_year: number | null;
  target_value: number | null;
  target_year: number | null;
  owner_entity_id: string;
  owner_name: string;
}

/**
 * Indicators linked to a recommendation whose follow-up is public (of one recommendation, or owned
 * by one entity).
 */
export async function findPublicIndicators(
  db: Executor,
  by: { recommendationId?: string; ownerId?: string },
): Promise<PublicIndicator[]> {
  const { rows } = await sql<PublicIndicator>`
    select i.id, i.code, i.title, i.unit, i.baseline_value, i.baseline_year, i.target_value, i.target_year,
      i.owner_entity_id, e.name as owner_name
    from indicators i join entities e on e.id = i.owner_entity_id
    where exists (select 1 from indicator_recommendations ir join recommendations r on r.id = ir.recommendation_id
      ${decisions} where ir.indicator_id = i.id and ${followUpShown}
      ${by.recommendationId ? sql`and r.id = ${by.recommendationId}::uuid` : sql``})
      ${by.ownerId ? sql`and i.owner_entity_id = ${by.ownerId}::uuid` : sql``}
    order by i.code`.execute(db);
  return rows;
}

/** The national totals of each indicator, by period: the chart's points. */
export async function findNationalSeries(db: Executor, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('observations')
    .select(['indicator_id', sql<string>`to_char(period_end, 'YYYY-MM-DD')`.as('period_end'), 'value'])
    .where('indicator_id', 'in', indicatorIds)
    .where('place_entity_id', 'is', null)
    .where(sql<boolean>`disaggregation = '{}'::jsonb`)
    .orderBy('indicator_id')
    .orderBy('period_end')
    .execute();
}

/** A review, with its own decision; undefined when it does not exist. */
export async function findPublicReview(db: Executor, id: string) {
  const { rows } = await sql<{
    id: string;
    symbol: string | null;
    title: string | null;
    review_date: string | null;
    body_code: string;
    body_name: Record<string, string>;
    mechanism: string;
    cycle: number | null;
    session: number | null;
    decision: boolean | null;
  }>`select rv.id, rv.symbol, rv.title, to_char(rv.review_date, 'YYYY-MM-DD') as review_date, rv.body_code,
      b.name as body_name, b.mechanism, rv.cycle, rv.session, p.published as decision
    from reviews rv join bodies b on b.code = rv.body_code
    left join publications p on p.subject = 'review' and p.record_id = rv.id
    where rv.id = ${id}::uuid`.execute(db);
  return rows[0];
}

/** Reviews not withheld, with how many of their recommendations are shown and followed up in public. */
export async function findPublicReviews(db: Executor) {
  const { rows } = await sql<{
    id: string;
    symbol: string | null;
    title: string | null;
    review_date: string | null;
    body_code: string;
    mechanism: string;
    shown: string;
    followed: string;
  }>`select rv.id, rv.symbol, rv.title, to_char(rv.review_date, 'YYYY-MM-DD') as review_date, rv.body_code,
      b.mechanism, count(*) as shown, count(*) filter (where ${followUpShown}) as followed
    ${from} where ${shown}
    group by rv.id, b.mechanism order by rv.review_date desc nulls last, rv.symbol`.execute(db);
  return rows.map((row) => ({ ...row, shown: Number(row.shown), followed: Number(row.followed) }));
}

/** An entity, when something public names it (a public assignment, or a public indicator it owns). */
export async function findPublicEntity(db: Executor, id: string) {
  const { rows } = await sql<{
    id: string;
    name: string;
    acronym: string | null;
    kind: string;
    lrg_level: number | null;
  }>`
    select e.id, e.name, e.acronym, e.kind, e.lrg_level from entities e
    where e.id = ${id}::uuid and (
      exists (select 1 from assignments a join recommendations r on r.id = a.recommendation_id ${decisions}
        where a.entity_id = e.id and ${followUpShown})
      or exists (select 1 from indicators i join indicator_recommendations ir on ir.indicator_id = i.id
        join recommendations r on r.id = ir.recommendation_id ${decisions}
        where i.owner_entity_id = e.id and ${followUpShown}))`.execute(db);
  return rows[0];
}

/** Entities named by a public assignment, with how many public recommendations each has. */
export async function findPublicEntities(db: Executor) {
  const { rows } = await sql<{ id: string; name: string; kind: string; n: string }>`
    select e.id, e.name, e.kind, count(distinct r.id) as n
    from assignments a join entities e on e.id = a.entity_id join recommendations r on r.id = a.recommendation_id
    ${decisions} where ${followUpShown} group by e.id order by e.name`.execute(db);
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/** Labels of terms (statuses, SDG goals, themes) by taxonomy and code or id. */
export function findTermLabels(db: Executor, themeIds: number[]) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'taxonomy', 'code', 'label'])
    .where((eb) =>
      eb.or([eb('taxonomy', 'in', ['status', 'sdg']), ...(themeIds.length ? [eb('id', 'in', themeIds)] : [])]),
    )
    .execute();
}

/** Body names, for the facet and the pages. */
export function findBodyNames(db: Executor) {
  return db.selectFrom('bodies').select(['code', 'name', 'mechanism']).orderBy('sort').execute();
}
