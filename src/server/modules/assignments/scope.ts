import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Executor } from '../../http/context';
import type { Scope } from '../../lib/scope';
import { GenerationMemo } from '../search';
import { seatedEntityIds } from './assignments.repo';

export { everything, inScope, type Scope } from '../../lib/scope';
export { seatsOf } from './assignments.repo';

/** A person's scope: everything, or the entities they serve when they act for entities. */
export async function scopeOf(db: Executor, user: SessionUser): Promise<Scope> {
  if (!is(user.role, 'actsForEntities')) return { all: true };
  return { all: false, entityIds: await seatedEntityIds(db, user.id) };
}

const scopes = new GenerationMemo<Scope>(1000);

/**
 * The same, kept for one register generation (decision 028): seats (`entity_people`) move it,
 * so a person given or removed from a seat is answered by their new scope at once.
 */
export function scopeAt(db: Executor, generation: number, user: SessionUser): Promise<Scope> {
  if (!is(user.role, 'actsForEntities')) return Promise.resolve({ all: true });
  return scopes.get(db, generation, user.id, () => scopeOf(db, user));
}
