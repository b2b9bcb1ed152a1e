import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type OutboxAction = 'list' | 'retry';

/** The outbox shows who was mailed what and why a mail failed: admins only, as for the audit log. */
export function canOutbox(user: SessionUser, _action: OutboxAction): boolean {
  return is(user.role, 'administers');
}
