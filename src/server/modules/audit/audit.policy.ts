import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type AuditAction = 'list';

/** The audit trail names people and shows before/after values: admins only. */
export function canAudit(user: SessionUser, action: AuditAction): boolean {
  switch (action) {
    case 'list':
      return is(user.role, 'administers');
  }
}
