import { sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { RecommendationSearch } from '../../../shared/schemas/register';
import type { Executor } from '../../http/context';
import { applyFilters } from '../register/search.repo';

// What a report is built from: the recommendations concerned, their themes and clusters, and
// the validated progress updates on them (directly, or through an action linked to them).

/** The text in the report's language, else the first language the recommendation has. */
function textIn(language: Locale) {
  return sql<string>`coalesce(${sql.ref(`rec.text_${language}`)}, rec.text_en, rec.text_fr, rec.text_es, rec.text_ru, rec.text_ar, rec.text_zh, '')`;
}

/**
 * The recommendations of the chosen reviews, or every one of the body, in paragraph order;
 * `search` narrows them as the register does (a cycle, clusters, a saved view's filters), with
 * the register's own conditions.
 */
export function findRecommendationsConcerned(
  db: Executor,
  where: { bodyCode: string; reviewIds: string[]; search?: RecommendationSearch },
  language: Locale,
) {
  let query = db
    .selectFrom('recommendations as rec')
    .select(['rec.id', 'rec.number', 'rec.theme_ids', 'rec.follow_up', textIn(language).as('text')])
    .where('rec.body_code', '=', where.bodyCode);
  if (where.reviewIds.length > 0) query = query.where('rec.review_id', 'in', where.reviewIds);
  if (where.search)
    query = query.where(
      'rec.id',
      'in',
      applyFilters(db.selectFrom('recommendations'), where.search).select('recommendations.id'),
    );
  return query.orderBy('rec.review_id').orderBy('rec.number_sort').orderBy('rec.id').execute();
}

/** A saved register view of this user: its filters scope a report. */
export function findOwnSavedView(db: Executor, userId: string, id: string) {
  return db
    .selectFrom('saved_views')
    .select(['id', 'name', 'query'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
export type ConcernedRow = Awaited<ReturnType<typeof findRecommendationsConcerned>>[number];

export function findReviews(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('reviews').select(['id', 'body_code']).where('id', 'in', ids).execute();
}

export function findBody(db: Executor, code: string) {
  return db.selectFrom('bodies').select(['code', 'mechanism', 'name']).where('code', '=', code).executeTakeFirst();
}

export function findThemeTerms(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('taxonomy_terms').select(['id', 'code', 'label', 'sort']).where('id', 'in', ids).execute();
}

export function findClusterMemberships(db: Executor, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cluster_members as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['m.recommendation_id', 'c.id as cluster_id', 'c.name'])
    .where('m.recommendation_id', '=', sql<string>`any(${recommendationIds}::uuid[])`)
    .orderBy('c.name')
    .orderBy('c.id')
    .execute();
}

/**
 * Validated updates on these recommendations: on the recommendation itself, or on an action
 * linked to it (directly or through a cluster). Each names the recommendations it speaks to
 * (within the set), its entity and its period. `entityIds` narrows to some entities (the annex).
 */
export async function findValidatedUpdates(db: Executor, recommendationIds: string[], entityIds?: string[]) {
  if (recommendationIds.length === 0) return [];
  const ids = sql`${recommendationIds}::uuid[]`;
  const entityFilter = entityIds ? sql`and p.entity_id = any(${entityIds}::uuid[])` : sql``;
  const result = await sql<{
    id: string;
    entity_id: string;
    entity_name: string;
    lrg_level: number | null;
    period_start: string | null;
    period_end: string | null;
    narrative: string | null;
    narrative_format: string | null;
    recommendation_ids: string[];
  }>`
    with links as (
      select p.id as update_id, p.recommendation_id as rec_id
        from progress_updates p
       where p.status = 'validated' and p.recommendation_id = any(${ids}) ${entityFilter}
      union
      select p.id, ar.recommendation_id
        from progress_updates p
        join action_recommendations ar on ar.action_id = p.action_id
       where p.status = 'validated' and ar.recommendation_id = any(${ids}) ${entityFilter}
      union
      select p.id, cm.recommendation_id
        from progress_updates p
        join action_clusters ac on ac.action_id = p.action_id
        join cluster_members cm on cm.cluster_id = ac.cluster_id
       where p.status = 'validated' and cm.recommendation_id = any(${ids}) ${entityFilter}
    )
    select p.id, p.entity_id, e.name as entity_name, e.lrg_level,
           to_char(p.period_start, 'YYYY-MM-DD') as period_start,
           to_char(p.period_end, 'YYYY-MM-DD') as period_end,
           p.narrative, p.narrative_format,
           array_agg(l.rec_id order by l.rec_id) as recommendation_ids
      from links l
      join progress_updates p on p.id = l.update_id
      join entities e on e.id = p.entity_id
     group by p.id, e.id
     order by e.lrg_level nulls first, e.name, p.period_start nulls last, p.id`.execute(db);
  return result.rows;
}
export type ValidatedUpdateRow = Awaited<ReturnType<typeof findValidatedUpdates>>[number];

/** LRGs (entities with a level) with at least one validated update on these recommendations. */
export async function findContributingLrgs(db: Executor, recommendationIds: string[]): Promise<string[]> {
  const rows = await findValidatedUpdates(db, recommendationIds);
  return [...new Set(rows.filter((row) => row.lrg_level !== null).map((row) => row.entity_id))];
}

/** The register's current state of these recommendations (absent ones were removed). */
export function findRecommendationStates(db: Executor, ids: string[], language: Locale) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendations as rec')
    .leftJoin('taxonomy_terms as st', (join) =>
      join.on('st.taxonomy', '=', 'status').onRef('st.code', '=', 'rec.status'),
    )
    .select([
      'rec.id',
      'rec.number',
      'rec.number_sort',
      'rec.position',
      'rec.status',
      'st.label as status_label',
      textIn(language).as('text'),
    ])
    .where('rec.id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}
export type RecommendationStateRow = Awaited<ReturnType<typeof findRecommendationStates>>[number];

/**
 * What the implementation matrix adds to a recommendation: the States that made it, the
 * entities responsible (assignments, named once each, by name), the actions that serve it
 * (directly or through its cluster) and the indicators that measure it.
 */
export async function findMatrixDetails(db: Executor, ids: string[], language: Locale) {
  if (ids.length === 0) return [];
  const result = await sql<{
    id: string;
    text: string;
    recommending_states: string[];
    entities: string[];
    actions: string[];
    indicators: string[];
  }>`
    select rec.id, ${textIn(language)} as text, rec.recommending_states,
           coalesce(array(select distinct e.name from assignments a join entities e on e.id = a.entity_id
                           where a.recommendation_id = rec.id order by e.name), '{}') as entities,
           coalesce(array(select distinct act.title from actions act
                           where act.id in (select ar.action_id from action_recommendations ar
                                             where ar.recommendation_id = rec.id
                                            union
                                            select ac.action_id from action_clusters ac
                                              join cluster_members cm on cm.cluster_id = ac.cluster_id
                                             where cm.recommendation_id = rec.id)
                           order by act.title), '{}') as actions,
           coalesce(array(select distinct i.code || ' ' || i.title from indicator_recommendations ir
                            join indicators i on i.id = ir.indicator_id
                           where ir.recommendation_id = rec.id order by 1), '{}') as indicators
      from recommendations rec
     where rec.id = any(${ids}::uuid[])`.execute(db);
  return result.rows;
}

/** The reviews a report covers: their symbols (the report refers to them) and the State. */
export function findReviewHeaders(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reviews')
    .select(['id', 'symbol', 'country_iso2', 'cycle', 'session'])
    .where('id', 'in', ids)
    .orderBy('review_date')
    .execute();
}
