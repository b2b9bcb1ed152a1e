import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Executor } from '../../http/context';
import type { Scope } from '../../lib/scope';
import { seatedEntityIds } from './assignments.repo';

export { everything, inScope, type Scope } from '../../lib/scope';
export { seatsOf } from './assignments.repo';

/** A person's scope: everything, or the entities they serve when they act for entities. */
export async function scopeOf(db: Executor, user: SessionUser): Promise<Scope> {
  if (!is(user.role, 'actsForEntities')) return { all: true };
  return { all: false, entityIds: await seatedEntityIds(db, user.id) };
}
