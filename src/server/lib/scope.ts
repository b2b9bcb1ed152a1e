import { sql } from 'kysely';

/**
 * What part of the register a person works on. The NMIRF secretariat and readers of public
 * information see all of it; people who act for an entity (focal points, validators,
 * contributors) see only what is assigned or delegated to the entities they serve. The
 * assignments module decides a person's scope (`scopeOf`); every module's read queries apply it.
 */
export type Scope = { all: true } | { all: false; entityIds: string[] };

export const everything: Scope = { all: true };

/** The SQL condition "the recommendation `idColumn` lies within the scope", for repository queries. */
export function inScope(scope: Scope, idColumn: string) {
  if (scope.all) return sql<boolean>`true`;
  if (scope.entityIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(idColumn)} in (select recommendation_id from assignments where entity_id in (${sql.join(
    scope.entityIds,
  )}))`;
}
