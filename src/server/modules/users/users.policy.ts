import type { Role, SessionUser } from '../../../shared/schemas/identity';

export type UsersAction = 'list' | 'invite' | 'update' | 'revokeInvitation';

/** Records a users policy decides on: the target user's current role, and the role asked for. */
export interface UsersRecord {
  role?: Role;
  newRole?: Role;
  id?: string;
}

/**
 * Admins manage everyone. Coordinators run the NMIRF's day-to-day and may list people and
 * invite or revoke non-admin colleagues, but not change roles. No one changes their own role
 * or disables themselves, so an installation cannot lose its last admin by accident.
 */
export function canUsers(user: SessionUser, action: UsersAction, record: UsersRecord = {}): boolean {
  const isAdmin = user.role === 'admin';
  const isCoordinator = user.role === 'coordinator';
  switch (action) {
    case 'list':
      return isAdmin || isCoordinator;
    case 'invite':
    case 'revokeInvitation':
      return isAdmin || (isCoordinator && record.newRole !== 'admin' && record.role !== 'admin');
    case 'update':
      return isAdmin && record.id !== user.id;
  }
}
