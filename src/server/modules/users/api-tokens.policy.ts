import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type ApiTokensAction = 'manage';

/** Only those who administer the installation create, list and revoke machines' tokens. */
export function canApiTokens(user: SessionUser, _action: ApiTokensAction): boolean {
  return is(user.role, 'administers');
}
