import { type Insertable, type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { ActionListQuery } from '../../../shared/schemas/actions';
import type { ActionsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { localizedText } from '../../lib/language';
import { escapeLike } from '../../lib/like';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';
import { inScope, type Scope } from '../assignments/scope';

// Actions, their entities, recommendations and clusters.

const startText = sql<string | null>`to_char(a.start_date, 'YYYY-MM-DD')`;
const endText = sql<string | null>`to_char(a.end_date, 'YYYY-MM-DD')`;

/**
 * The SQL condition "the action `a` lies within the scope": one of the person's entities is
 * responsible or supporting, or a recommendation assigned to one of them is linked to it.
 */
export function actionInScope(scope: Scope): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.entityIds.length === 0) return sql<SqlBool>`false`;
  const ids = sql.join(scope.entityIds);
  return sql<SqlBool>`(a.responsible_entity_id in (${ids})
    or exists (select 1 from action_entities ae where ae.action_id = a.id and ae.entity_id in (${ids}))
    or exists (select 1 from action_recommendations ar where ar.action_id = a.id and ${inScope(scope, 'ar.recommendation_id')}))`;
}

/** The SQL condition "cluster `idColumn` has a member within the scope" (decision 020). */
function clusterInScope(scope: Scope, idColumn: string): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (select 1 from cluster_members m where m.cluster_id = ${sql.ref(idColumn)} and ${inScope(scope, 'm.recommendation_id')})`;
}

/** An action's linked recommendations, counted within the scope (decision 020). */
const linkedRecommendationCount = (scope: Scope) =>
  sql<number>`(select count(*) from action_recommendations ar where ar.action_id = a.id and ${inScope(scope, 'ar.recommendation_id')})::int`;

/** An action's linked clusters, counted within the scope. */
const linkedClusterCount = (scope: Scope) =>
  sql<number>`(select count(*) from action_clusters ac where ac.action_id = a.id and ${clusterInScope(scope, 'ac.cluster_id')})::int`;

export async function insertAction(db: Executor, row: Insertable<ActionsTable>): Promise<string> {
  const { id } = await db.insertInto('actions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateActionAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<ActionsTable>,
): Promise<boolean> {
  const result = await updateAtVersion(db, 'actions', id, version, patch).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteActionAtVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await deleteAtVersion(db, 'actions', id, version).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The links of an action, replaced as a whole: what the form shows is what is stored. */
export async function replaceLinks(
  db: Executor,
  id: string,
  links: { supportingEntityIds: string[]; recommendationIds: string[]; clusterIds: string[] },
): Promise<void> {
  await db.deleteFrom('action_entities').where('action_id', '=', id).execute();
  await db.deleteFrom('action_recommendations').where('action_id', '=', id).execute();
  await db.deleteFrom('action_clusters').where('action_id', '=', id).execute();
  if (links.supportingEntityIds.length > 0)
    await db
      .insertInto('action_entities')
      .values(links.supportingEntityIds.map((entity_id) => ({ action_id: id, entity_id })))
      .execute();
  if (links.recommendationIds.length > 0)
    await db
      .insertInto('action_recommendations')
      .values(links.recommendationIds.map((recommendation_id) => ({ action_id: id, recommendation_id })))
      .execute();
  if (links.clusterIds.length > 0)
    await db
      .insertInto('action_clusters')
      .values(links.clusterIds.map((cluster_id) => ({ action_id: id, cluster_id })))
      .execute();
}

/** One action with its responsible entity, whether it is within the scope, and its counts. */
export function findAction(db: Executor, id: string, scope: Scope) {
  return db
    .selectFrom('actions as a')
    .innerJoin('entities as e', 'e.id', 'a.responsible_entity_id')
    .leftJoin('users as cu', 'cu.id', 'a.created_by')
    .select([
      'a.id',
      'a.title',
      'a.description',
      'a.status',
      startText.as('start_date'),
      endText.as('end_date'),
      'a.budget_amount',
      'a.budget_currency',
      'a.budget_source',
      'a.version',
      'a.created_at',
      'a.updated_at',
      'a.responsible_entity_id',
      'e.kind as entity_kind',
      'e.name as entity_name',
      'e.acronym as entity_acronym',
      'e.lrg_level as entity_lrg_level',
      'cu.name as created_by_name',
      actionInScope(scope).as('in_scope'),
      linkedRecommendationCount(scope).as('recommendation_count'),
      linkedRecommendationCount({ all: true }).as('recommendation_total'),
      linkedClusterCount(scope).as('cluster_count'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type ActionRow = NonNullable<Awaited<ReturnType<typeof findAction>>>;

/** Locks an action for a change that depends on what it is now. */
export function lockAction(db: Executor, id: string) {
  return db
    .selectFrom('actions as a')
    .select([
      'a.id',
      'a.title',
      'a.status',
      'a.version',
      'a.responsible_entity_id',
      startText.as('start_date'),
      endText.as('end_date'),
      'a.budget_amount',
      'a.budget_currency',
    ])
    .where('a.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function linkedIds(db: Executor, id: string) {
  const [entities, recommendations, clusters] = await Promise.all([
    db.selectFrom('action_entities').select('entity_id').where('action_id', '=', id).execute(),
    db.selectFrom('action_recommendations').select('recommendation_id').where('action_id', '=', id).execute(),
    db.selectFrom('action_clusters').select('cluster_id').where('action_id', '=', id).execute(),
  ]);
  return {
    supportingEntityIds: entities.map((row) => row.entity_id),
    recommendationIds: recommendations.map((row) => row.recommendation_id),
    clusterIds: clusters.map((row) => row.cluster_id),
  };
}

export function findSupportingEntities(db: Executor, id: string) {
  return db
    .selectFrom('action_entities as ae')
    .innerJoin('entities as e', 'e.id', 'ae.entity_id')
    .select(['e.id', 'e.kind', 'e.name', 'e.acronym', 'e.lrg_level'])
    .where('ae.action_id', '=', id)
    .orderBy('e.name')
    .execute();
}

/** The recommendations linked to an action, in the reader's language, each marked readable or not. */
export function findActionRecommendations(db: Executor, id: string, locale: Locale, scope: Scope) {
  return (
    db
      .selectFrom('action_recommendations as ar')
      .innerJoin('recommendations as r', 'r.id', 'ar.recommendation_id')
      .leftJoin('reviews as v', 'v.id', 'r.review_id')
      .select([
        'r.id',
        'r.number',
        'v.symbol as review_symbol',
        'r.body_code',
        ...localizedText(locale),
        inScope(scope, 'r.id').as('readable'),
      ])
      .where('ar.action_id', '=', id)
      // Decision 020: out-of-scope links are counted by the caller, never named.
      .where(inScope(scope, 'r.id'))
      .orderBy('r.body_code')
      .orderBy('r.review_id')
      .orderBy('r.number_sort')
      .orderBy('r.id')
      .execute()
  );
}

/** An action's clusters within the scope, each sized by its members within the scope (decision 020). */
export function findActionClusters(db: Executor, id: string, scope: Scope) {
  return db
    .selectFrom('action_clusters as ac')
    .innerJoin('clusters as c', 'c.id', 'ac.cluster_id')
    .select([
      'c.id',
      'c.name',
      sql<number>`(select count(*) from cluster_members m where m.cluster_id = c.id and ${inScope(scope, 'm.recommendation_id')})::int`.as(
        'size',
      ),
    ])
    .where('ac.action_id', '=', id)
    .where(clusterInScope(scope, 'c.id'))
    .orderBy('c.name')
    .execute();
}

/** Filtered, sorted and paged in SQL; only the actions within the scope. */
export async function findActions(db: Executor, query: ActionListQuery, scope: Scope, today: string) {
  let base = db.selectFrom('actions as a').where(actionInScope(scope));
  if (query.status) base = base.where('a.status', '=', query.status);
  if (query.q) base = base.where('a.title', 'ilike', `%${escapeLike(query.q)}%`);
  if (query.entityId) {
    const responsible = sql<SqlBool>`a.responsible_entity_id = ${query.entityId}`;
    const supporting = sql<SqlBool>`exists (select 1 from action_entities ae where ae.action_id = a.id and ae.entity_id = ${query.entityId})`;
    base = base.where(
      query.entityRole === 'responsible'
        ? responsible
        : query.entityRole === 'supporting'
          ? supporting
          : sql<SqlBool>`(${responsible} or ${supporting})`,
    );
  }
  if (query.recommendationId)
    base = base.where(
      sql<SqlBool>`exists (select 1 from action_recommendations ar where ar.action_id = a.id and ar.recommendation_id = ${query.recommendationId} and ${inScope(scope, 'ar.recommendation_id')})`,
    );
  if (query.clusterId)
    base = base.where(
      sql<SqlBool>`exists (select 1 from action_clusters ac where ac.action_id = a.id and ac.cluster_id = ${query.clusterId} and ${clusterInScope(scope, 'ac.cluster_id')})`,
    );
  if (query.overdue === true) base = base.where(actionOverdue(today));
  if (query.overdue === false) base = base.where(sql<SqlBool>`not ${actionOverdue(today)}`);

  let rows = base
    .innerJoin('entities as e', 'e.id', 'a.responsible_entity_id')
    .select([
      'a.id',
      'a.title',
      'a.status',
      startText.as('start_date'),
      endText.as('end_date'),
      'a.budget_amount',
      'a.budget_currency',
      'a.budget_source',
      'a.version',
      'a.updated_at',
      'a.responsible_entity_id',
      'e.kind as entity_kind',
      'e.name as entity_name',
      'e.acronym as entity_acronym',
      'e.lrg_level as entity_lrg_level',
      linkedRecommendationCount(scope).as('recommendation_count'),
      linkedClusterCount(scope).as('cluster_count'),
    ]);
  if (query.sort === 'title') rows = rows.orderBy(sql`lower(a.title)`).orderBy('a.id');
  else if (query.sort === 'updated') rows = rows.orderBy('a.updated_at', 'desc').orderBy('a.id');
  else rows = rows.orderBy(sql`a.end_date asc nulls last`).orderBy(sql`lower(a.title)`).orderBy('a.id');

  const [items, count] = await Promise.all([
    rows
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(count.total) };
}

/** Past its end date (UTC day `today`) and still to be done: the actions list's and the dashboard's rule. */
export function actionOverdue(today: string) {
  return sql<SqlBool>`(a.end_date < ${today}::date and a.status in ('planned', 'in_progress'))`;
}

// Look-ups for checking a payload.

export function findEntities(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('entities').select(['id', 'kind', 'name']).where('id', 'in', ids).execute();
}

/** Which of these recommendations exist within the scope (others' ids look like unknown ones). */
export async function recommendationsInScope(db: Executor, ids: string[], scope: Scope): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('recommendations as r')
    .select('r.id')
    .where('r.id', 'in', ids)
    .where(inScope(scope, 'r.id'))
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Which of these clusters exist and, for a scope, have at least one member within it: a focal
 * point's action answers the part of a cluster that concerns their entity.
 */
export async function clustersInScope(db: Executor, ids: string[], scope: Scope): Promise<string[]> {
  if (ids.length === 0) return [];
  const query = db
    .selectFrom('clusters as c')
    .select('c.id')
    .where('c.id', 'in', ids)
    .where(clusterInScope(scope, 'c.id'));
  return (await query.execute()).map((row) => row.id);
}
