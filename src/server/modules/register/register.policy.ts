import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type RegisterAction = 'read' | 'edit' | 'batchEdit' | 'manageClusters';

/**
 * Everyone signed in reads the register (it is public information). The NMIRF secretariat
 * (admins, coordinators) edits statuses, classifications, links and clusters; assignment to
 * entities (and their focal points' rights) comes with the coordination module.
 */
export function canRegister(user: SessionUser, action: RegisterAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'edit':
    case 'batchEdit':
    case 'manageClusters':
      return is(user.role, 'secretariat');
  }
}
