import { sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { Executor } from '../../http/context';
import { slicesFor } from '../../lib/batches';
import { dutyBearerKinds } from '../../lib/duty-bearers';
import { localizedText } from '../../lib/language';
import { escapeLike } from '../../lib/like';
import { focalPointCount } from './calls.columns.repo';

// Recommendations of a call.

export async function existingRecommendationIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('recommendations').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/** The members of each cluster; undefined when one of them does not exist. */
export async function clusterMemberIds(db: Executor, clusterIds: string[]): Promise<string[] | undefined> {
  if (clusterIds.length === 0) return [];
  const found = await db.selectFrom('clusters').select('id').where('id', 'in', clusterIds).execute();
  if (found.length !== new Set(clusterIds).size) return undefined;
  const rows = await db
    .selectFrom('cluster_members')
    .select('recommendation_id')
    .where('cluster_id', 'in', clusterIds)
    .execute();
  return rows.map((row) => row.recommendation_id);
}

export async function callRecommendationIds(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_recommendations')
    .select('recommendation_id')
    .where('call_id', '=', callId)
    .execute();
  return rows.map((row) => row.recommendation_id);
}

export async function insertCallRecommendations(db: Executor, callId: string, ids: string[]): Promise<number> {
  let inserted = 0;
  for (const slice of slicesFor(ids, 2)) {
    const rows = await db
      .insertInto('call_recommendations')
      .values(slice.map((id) => ({ call_id: callId, recommendation_id: id })))
      .onConflict((oc) => oc.doNothing())
      .returning('recommendation_id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}

export async function deleteCallRecommendation(db: Executor, callId: string, recommendationId: string) {
  const result = await db
    .deleteFrom('call_recommendations')
    .where('call_id', '=', callId)
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A page of the call's recommendations in register order, each with the entities assigned to it. */
export async function findCallRecommendations(
  db: Executor,
  callId: string,
  locale: Locale,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('call_recommendations as cr')
    .innerJoin('recommendations as r', 'r.id', 'cr.recommendation_id')
    .where('cr.call_id', '=', callId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('reviews as v', 'v.id', 'r.review_id')
      .select([
        'r.id',
        'r.number',
        'v.symbol as review_symbol',
        'r.body_code',
        'r.status',
        ...localizedText(locale),
        sql<{ id: string; name: string; asked: boolean }[]>`coalesce((
          select json_agg(json_build_object('id', e.id, 'name', e.name,
            'asked', exists (select 1 from call_entities ce where ce.call_id = cr.call_id and ce.entity_id = e.id))
            order by e.name)
          from assignments a join entities e on e.id = a.entity_id
          where a.recommendation_id = r.id), '[]'::json)`.as('assigned'),
      ])
      .orderBy('r.body_code')
      .orderBy('r.review_id')
      .orderBy('r.number_sort')
      .orderBy('r.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

// Entities of a call.

/** Duty bearers assigned (directly or by delegation) to any of these recommendations. */
export async function assignedDutyBearers(db: Executor, recommendationIds: string[]): Promise<string[]> {
  if (recommendationIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select('e.id')
    .distinct()
    .where('a.recommendation_id', 'in', recommendationIds)
    .where('e.kind', 'in', dutyBearerKinds)
    .execute();
  return rows.map((row) => row.id);
}

export function findEntities(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('entities').select(['id', 'kind', 'name']).where('id', 'in', ids).execute();
}

export async function callEntityIds(db: Executor, callId: string): Promise<string[]> {
  const rows = await db.selectFrom('call_entities').select('entity_id').where('call_id', '=', callId).execute();
  return rows.map((row) => row.entity_id);
}

export async function insertCallEntities(db: Executor, callId: string, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const rows = await db
    .insertInto('call_entities')
    .values(entityIds.map((id) => ({ call_id: callId, entity_id: id })))
    .onConflict((oc) => oc.doNothing())
    .returning('entity_id')
    .execute();
  return rows.length;
}

export async function deleteCallEntity(db: Executor, callId: string, entityId: string): Promise<number> {
  const result = await db
    .deleteFrom('call_entities')
    .where('call_id', '=', callId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Entities asked by the call that are assigned to none of its recommendations (any more). */
export async function askedWithoutAssignment(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_entities as ce')
    .select('ce.entity_id')
    .where('ce.call_id', '=', callId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assignments as a')
            .innerJoin('call_recommendations as cr', 'cr.recommendation_id', 'a.recommendation_id')
            .select(sql`1`.as('one'))
            .whereRef('a.entity_id', '=', 'ce.entity_id')
            .whereRef('cr.call_id', '=', 'ce.call_id'),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.entity_id);
}

/**
 * Entities a call asks or may ask: the duty bearers assigned to any of its recommendations, and
 * those asked already (even if no longer assigned), with how many of its recommendations each holds.
 */
export async function findCallEntities(
  db: Executor,
  callId: string,
  query: { q?: string | undefined; asked?: boolean | undefined; page: number; pageSize: number },
) {
  const held = db
    .selectFrom('assignments as a')
    .innerJoin('call_recommendations as cr', 'cr.recommendation_id', 'a.recommendation_id')
    .select(['a.entity_id', sql<number>`count(distinct a.recommendation_id)::int`.as('n')])
    .where('cr.call_id', '=', callId)
    .groupBy('a.entity_id');
  let base = db
    .selectFrom('entities as e')
    .leftJoin(held.as('h'), 'h.entity_id', 'e.id')
    .leftJoin('call_entities as ce', (join) => join.onRef('ce.entity_id', '=', 'e.id').on('ce.call_id', '=', callId))
    .where((eb) =>
      eb.or([
        eb('ce.entity_id', 'is not', null),
        eb.and([eb('h.entity_id', 'is not', null), eb('e.kind', 'in', dutyBearerKinds)]),
      ]),
    );
  if (query.asked !== undefined) base = base.where('ce.entity_id', query.asked ? 'is not' : 'is', null);
  if (query.q) base = base.where('e.name', 'ilike', `%${escapeLike(query.q)}%`);
  const [rows, count] = await Promise.all([
    base
      .select([
        'e.id',
        'e.kind',
        'e.name',
        'e.acronym',
        'e.lrg_level',
        sql<number>`coalesce(h.n, 0)`.as('recommendation_count'),
        sql<boolean>`ce.entity_id is not null`.as('asked'),
        focalPointCount.as('focal_point_count'),
      ])
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
