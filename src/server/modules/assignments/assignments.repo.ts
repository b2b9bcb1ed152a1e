import { type Insertable, sql } from 'kysely';
import type { AssignmentsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import type { Scope } from '../../lib/scope';
import { deleteAtVersion } from '../../lib/versioned';

export function findEntity(db: Executor, id: string) {
  return db
    .selectFrom('entities')
    .select(['id', 'name', 'kind', 'lrg_level', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether `entityId` lies below `ancestorId` in the hierarchy (walking up its parents). */
export async function isBelow(db: Executor, entityId: string, ancestorId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive up (id, parent_id, depth) as (
      select id, parent_id, 0 from entities where id = ${entityId}
      union all
      select e.id, e.parent_id, up.depth + 1 from entities e join up on e.id = up.parent_id where up.depth < 20
    )
    select exists (select 1 from up where id = ${ancestorId} and depth > 0) as found`.execute(db);
  return rows[0]?.found === true;
}

export async function existingRecommendationIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('recommendations').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

export async function clusterMemberIds(db: Executor, clusterId: string): Promise<string[] | undefined> {
  const cluster = await db.selectFrom('clusters').select('id').where('id', '=', clusterId).executeTakeFirst();
  if (!cluster) return undefined;
  const rows = await db
    .selectFrom('cluster_members')
    .select('recommendation_id')
    .where('cluster_id', '=', clusterId)
    .execute();
  return rows.map((row) => row.recommendation_id);
}

/**
 * Assigns one entity to many recommendations in one statement; an existing direct assignment
 * of the same entity takes the new role, due date and note. Delegations are left as they are.
 */
export async function upsertAssignments(
  db: Executor,
  rows: Insertable<AssignmentsTable>[],
): Promise<{ id: string; recommendation_id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('assignments')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['recommendation_id', 'entity_id']).doUpdateSet((eb) => ({
        role: eb.ref('excluded.role'),
        due_date: eb.ref('excluded.due_date'),
        note: eb.ref('excluded.note'),
        version: sql`assignments.version + 1`,
        updated_at: sql`now()`,
      })),
    )
    .returning(['id', 'recommendation_id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .execute();
}

export function insertAssignment(db: Executor, row: Insertable<AssignmentsTable>) {
  return db.insertInto('assignments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findAssignment(db: Executor, id: string) {
  return db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAssignmentOf(db: Executor, recommendationId: string, entityId: string) {
  return db
    .selectFrom('assignments')
    .select('id')
    .where('recommendation_id', '=', recommendationId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
}

/** A recommendation's assignments with their entities, parents before the delegations they made. */
export function findAssignmentsOf(db: Executor, recommendationId: string) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select([
      'a.id',
      'a.recommendation_id',
      'a.role',
      sql<string | null>`to_char(a.due_date, 'YYYY-MM-DD')`.as('due_date'),
      'a.delegated_from',
      'a.note',
      'a.version',
      'e.id as entity_id',
      'e.name as entity_name',
      'e.kind as entity_kind',
      'e.lrg_level as entity_level',
    ])
    .where('a.recommendation_id', '=', recommendationId)
    .orderBy(sql`a.delegated_from is not null`)
    .orderBy('a.created_at')
    .execute();
}

export function deleteAssignmentAtVersion(db: Executor, id: string, version: number) {
  return deleteAtVersion(db, 'assignments', id, version).executeTakeFirst();
}

export async function updateLocalLevels(db: Executor, recommendationId: string, levels: number[]): Promise<boolean> {
  const result = await db
    .updateTable('recommendations')
    .set({ local_levels: levels, updated_at: sql`now()` })
    .where('id', '=', recommendationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether the recommendation lies within the scope: assigned or delegated to one of its entities. */
export async function isInScope(db: Executor, recommendationId: string, scope: Scope): Promise<boolean> {
  if (scope.all) return true;
  if (scope.entityIds.length === 0) return false;
  const row = await db
    .selectFrom('assignments')
    .select('id')
    .where('recommendation_id', '=', recommendationId)
    .where('entity_id', 'in', scope.entityIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** Assignments of these entities with their recommendation, soonest due first (undated last). */
export async function findAssignmentsOfEntities(
  db: Executor,
  entityIds: string[],
  query: { page: number; pageSize: number; overdue?: boolean | undefined },
) {
  if (entityIds.length === 0) return { rows: [], total: 0 };
  let base = db
    .selectFrom('assignments as a')
    .innerJoin('recommendations as r', 'r.id', 'a.recommendation_id')
    .where('a.entity_id', 'in', entityIds);
  if (query.overdue)
    base = base
      .where('a.due_date', '<', sql<Date>`current_date`)
      .where('r.status', 'not in', ['implemented', 'not_applicable']);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('entities as e', 'e.id', 'a.entity_id')
      .innerJoin('reviews as v', 'v.id', 'r.review_id')
      .leftJoin('assignments as p', 'p.id', 'a.delegated_from')
      .leftJoin('entities as pe', 'pe.id', 'p.entity_id')
      .select([
        'a.id',
        'a.role',
        sql<string | null>`to_char(a.due_date, 'YYYY-MM-DD')`.as('due_date'),
        sql<boolean>`coalesce(a.due_date < current_date, false)`.as('past_due'),
        'r.id as recommendation_id',
        'r.number',
        'r.body_code',
        'r.status',
        sql<string>`coalesce(r.text_en, r.text_fr, r.text_es, r.text_ar, r.text_ru, r.text_zh, '')`.as('text'),
        'v.symbol',
        'e.id as entity_id',
        'e.name as entity_name',
        'pe.name as delegated_by',
      ])
      .orderBy(sql`a.due_date asc nulls last`)
      .orderBy('r.body_code')
      .orderBy('r.number_sort')
      .orderBy('a.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The entities a person holds a seat in. */
export async function seatedEntityIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('entity_people').select('entity_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.entity_id);
}

/** Entities a person serves, with their seat (for "my entities", inboxes and validation). */
export function seatsOf(db: Executor, userId: string) {
  return db
    .selectFrom('entity_people as p')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .select(['e.id', 'e.name', 'e.kind', 'e.lrg_level', 'e.parent_id', 'p.role'])
    .where('p.user_id', '=', userId)
    .orderBy('e.name')
    .execute();
}
