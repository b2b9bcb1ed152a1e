import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type StateProfileAction = 'view' | 'edit';

/** Everyone signed in sees the State's profile; admins and NMIRF coordinators maintain it. */
export function canStateProfile(user: SessionUser, action: StateProfileAction): boolean {
  switch (action) {
    case 'view':
      return true;
    case 'edit':
      return is(user.role, 'secretariat');
  }
}
