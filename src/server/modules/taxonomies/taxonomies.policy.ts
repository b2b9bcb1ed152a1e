import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type TaxonomyAction = 'read' | 'manage' | 'administer';

/**
 * Everyone reads the lists (they label the register); admins and coordinators maintain them.
 * Admins alone administer what reaches across the register: merging a term in use into another
 * (or removing it from every recommendation), and the bodies that issue recommendations.
 */
export function canTaxonomies(user: SessionUser, action: TaxonomyAction): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'manage':
      return is(user.role, 'secretariat');
    case 'administer':
      // A hub's administrator runs accounts; a hub keeps no register and no terms (decision 034).
      return is(user.role, 'administers') && !is(user.role, 'hubAccount');
  }
}
