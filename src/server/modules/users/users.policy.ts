import { is } from '../../../shared/roles';
import { isHubRole, type Role, type SessionUser } from '../../../shared/schemas/identity';

export type UsersAction = 'list' | 'invite' | 'update' | 'revokeInvitation';

/** Records a users policy decides on: the target user's current role, and the role asked for. */
export interface UsersRecord {
  role?: Role;
  newRole?: Role;
  id?: string;
}

/**
 * Admins manage everyone. The rest of the secretariat (coordinators) runs the NMIRF's day-to-day
 * and may list people and invite or revoke colleagues who do not administer, but not change
 * roles. No one changes their own role or disables themselves, so an installation cannot lose its
 * last admin by accident. A hub's administrators (decision 034) manage its accounts the same way,
 * and no one gives a role of the other side: a hub has no focal points, a State no moderators.
 */
export function canUsers(user: SessionUser, action: UsersAction, record: UsersRecord = {}): boolean {
  const administers = is(user.role, 'administers');
  const secretariat = is(user.role, 'secretariat');
  const touchesAdmin = [record.role, record.newRole].some((role) => role !== undefined && is(role, 'administers'));
  const otherSide = [record.role, record.newRole].some(
    (role) => role !== undefined && isHubRole(role) !== isHubRole(user.role),
  );
  if (otherSide) return false;
  switch (action) {
    case 'list':
      return secretariat || administers;
    case 'invite':
    case 'revokeInvitation':
      return administers || (secretariat && !touchesAdmin);
    case 'update':
      return administers && record.id !== user.id;
  }
}
