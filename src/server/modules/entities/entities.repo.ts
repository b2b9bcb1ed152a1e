import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { EntityListQuery } from '../../../shared/schemas/entities';
import type { EntitiesTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { containsPattern } from '../../lib/like';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';

export type EntityRow = Selectable<EntitiesTable>;

export function insertEntities(db: Executor, rows: Insertable<EntitiesTable>[]): Promise<EntityRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('entities').values(rows).returningAll().execute();
}

export function findEntity(db: Executor, id: string): Promise<EntityRow | undefined> {
  return db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEntitiesByIds(db: Executor, ids: readonly string[]): Promise<EntityRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entities')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** The list: filtered and paged here, names matched without regard to case or accents. */
export async function findEntities(db: Executor, query: EntityListQuery) {
  let base = db.selectFrom('entities as e');
  if (query.kind) base = base.where('e.kind', '=', query.kind);
  if (query.level) base = base.where('e.lrg_level', '=', query.level);
  if (query.parentId === 'none') base = base.where('e.parent_id', 'is', null);
  else if (query.parentId) base = base.where('e.parent_id', '=', query.parentId);
  if (query.networkId) {
    const networkId = query.networkId;
    base = base.where('e.id', 'in', (eb) =>
      eb.selectFrom('network_members').select('member_id').where('network_id', '=', networkId),
    );
  }
  if (query.q) {
    const like = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql`unaccent(e.name)`, 'ilike', sql`unaccent(${like})`),
        eb(sql`unaccent(coalesce(e.name_local, ''))`, 'ilike', sql`unaccent(${like})`),
        eb('e.acronym', 'ilike', like),
        eb('e.subdivision_code', 'ilike', like),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .leftJoin('entities as p', 'p.id', 'e.parent_id')
      .selectAll('e')
      .select((eb) => [
        'p.name as parent_name',
        eb
          .selectFrom('entities as c')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('c.parent_id', '=', 'e.id')
          .as('child_count'),
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

export type EntityListRow = Awaited<ReturnType<typeof findEntities>>['rows'][number];

/** The chain of parents, from the top down to the direct parent. */
export async function findAncestors(db: Executor, id: string): Promise<EntityRow[]> {
  const result = await sql<EntityRow & { depth: number }>`
    with recursive chain as (
      select p.*, 1 as depth from entities e join entities p on p.id = e.parent_id where e.id = ${id}
      union
      select p.*, chain.depth + 1 from chain join entities p on p.id = chain.parent_id where chain.depth < 50
    )
    select * from chain order by depth desc`.execute(db);
  return result.rows;
}

/** Whether `candidateId` lies below `id` in the hierarchy (a recursive walk down from `id`). */
export async function isDescendant(db: Executor, id: string, candidateId: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive below as (
      select id from entities where parent_id = ${id}
      union
      select e.id from entities e join below on e.parent_id = below.id
    )
    select exists (select 1 from below where id = ${candidateId}) as found`.execute(db);
  return Boolean(result.rows[0]?.found);
}

/** The kinds and levels among an entity's children: what a change of its own kind or level must keep fitting. */
export function findChildPlaces(db: Executor, id: string) {
  return db
    .selectFrom('entities')
    .select(['kind', 'lrg_level'])
    .where('parent_id', '=', id)
    .groupBy(['kind', 'lrg_level'])
    .execute();
}

export async function countUsage(db: Executor, id: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('assignments')
        .select((a) => a.fn.countAll<number>().as('n'))
        .where('entity_id', '=', id)
        .as('assignments'),
      eb
        .selectFrom('entities')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('parent_id', '=', id)
        .as('children'),
      eb
        .selectFrom('network_members')
        .select((m) => m.fn.countAll<number>().as('n'))
        .where('network_id', '=', id)
        .as('members'),
      eb
        .selectFrom('entity_people')
        .select((p) => p.fn.countAll<number>().as('n'))
        .where('entity_id', '=', id)
        .as('people'),
      eb
        .selectFrom('network_members')
        .select((m) => m.fn.countAll<number>().as('n'))
        .where('member_id', '=', id)
        .as('memberships'),
      // Follow-up records that name the entity and refuse its deletion (foreign keys on delete restrict).
      eb
        .selectFrom('indicators')
        .select((i) => i.fn.countAll<number>().as('n'))
        .where('owner_entity_id', '=', id)
        .as('indicators'),
      eb
        .selectFrom('observations')
        .select((o) => o.fn.countAll<number>().as('n'))
        .where('place_entity_id', '=', id)
        .as('observations'),
      eb
        .selectFrom('actions')
        .select((a) => a.fn.countAll<number>().as('n'))
        .where((a) =>
          a.or([
            a('responsible_entity_id', '=', id),
            a.exists(
              a
                .selectFrom('action_entities as ae')
                .select('ae.action_id')
                .whereRef('ae.action_id', '=', 'actions.id')
                .where('ae.entity_id', '=', id),
            ),
          ]),
        )
        .as('actions'),
    ])
    .executeTakeFirstOrThrow();
  return {
    assignments: Number(row.assignments),
    children: Number(row.children),
    members: Number(row.members),
    people: Number(row.people),
    memberships: Number(row.memberships),
    indicators: Number(row.indicators),
    observations: Number(row.observations),
    actions: Number(row.actions),
  };
}

/** Networks the entity is a member of (a handful at most). */
export function findNetworksOf(db: Executor, id: string): Promise<EntityRow[]> {
  return db
    .selectFrom('network_members as m')
    .innerJoin('entities as n', 'n.id', 'm.network_id')
    .selectAll('n')
    .where('m.member_id', '=', id)
    .orderBy('n.name')
    .execute();
}

export function insertEntity(db: Executor, row: Insertable<EntitiesTable>): Promise<EntityRow> {
  return db.insertInto('entities').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateEntityAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<EntitiesTable>,
): Promise<EntityRow | undefined> {
  return updateAtVersion(db, 'entities', id, version, patch).returningAll().executeTakeFirst();
}

export async function deleteEntityAtVersion(db: Executor, id: string, version: number): Promise<number> {
  const result = await deleteAtVersion(db, 'entities', id, version).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findEntityByCode(db: Executor, code: string, exceptId?: string) {
  let query = db.selectFrom('entities').select('id').where('subdivision_code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** Every entity, lean, for matching the rows of an import (a State has thousands at most). */
export function findAllEntities(db: Executor): Promise<EntityRow[]> {
  return db.selectFrom('entities').selectAll().execute();
}

/** The LRG levels the State has named (state_profile.lrg_level_names). */
export async function findNamedLevels(db: Executor) {
  const row = await db.selectFrom('state_profile').select('lrg_level_names').where('id', '=', 1).executeTakeFirst();
  return row?.lrg_level_names ?? [];
}

/** One change to the hierarchy at a time, so that two concurrent moves cannot close a cycle. */
export async function lockHierarchy(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(4242011)`.execute(trx);
}
