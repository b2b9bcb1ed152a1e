import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

/**
 * Who does what in federation (decision 038):
 * - `linkHub` (national): links the instance to a hub, makes its key pair, unlinks: the installation's admin;
 * - `share` (national): chooses what is published and writes the practices shared: the secretariat;
 * - `manageLinks` (hub): registers a member instance's key, issues its token, revokes: the hub admin.
 * What arrives through a link is accepted by the link's token and signature, not by a role.
 */
export type FederationAction = 'linkHub' | 'share' | 'manageLinks';

export function canFederation(user: SessionUser, action: FederationAction): boolean {
  const hub = is(user.role, 'hubAccount');
  switch (action) {
    case 'linkHub':
      return !hub && is(user.role, 'administers');
    case 'share':
      return !hub && is(user.role, 'secretariat');
    case 'manageLinks':
      return hub && is(user.role, 'administers');
  }
}
