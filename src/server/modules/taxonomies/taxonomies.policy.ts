import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type TaxonomyAction = 'read' | 'manage';

/** Everyone reads the lists (they label the register); admins and coordinators maintain them. */
export function canTaxonomies(user: SessionUser, action: TaxonomyAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'manage':
      return is(user.role, 'secretariat');
  }
}
