import { sql } from 'kysely';
import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Executor } from '../../http/context';

/**
 * What part of the register a person works on. The NMIRF secretariat and readers of public
 * information see all of it; people who act for an entity (focal points, validators,
 * contributors) see only what is assigned or delegated to the entities they serve.
 */
export type Scope = { all: true } | { all: false; entityIds: string[] };

export async function scopeOf(db: Executor, user: SessionUser): Promise<Scope> {
  if (!is(user.role, 'actsForEntities')) return { all: true };
  const rows = await db.selectFrom('entity_people').select('entity_id').where('user_id', '=', user.id).execute();
  return { all: false, entityIds: rows.map((row) => row.entity_id) };
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

/** The SQL condition "the recommendation `idColumn` lies within the scope", for repository queries. */
export function inScope(scope: Scope, idColumn: string) {
  if (scope.all) return sql<boolean>`true`;
  if (scope.entityIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(idColumn)} in (select recommendation_id from assignments where entity_id in (${sql.join(
    scope.entityIds,
  )}))`;
}

export const everything: Scope = { all: true };
