import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type HubProfilesAction = 'listMembers' | 'manageMembers' | 'manageNetworks' | 'viewProfile' | 'editProfile';

/** What the profile decisions hang on: whether the person acts for the member (hub_member_people). */
export interface HubProfilesRecord {
  actsForMember?: boolean;
}

/**
 * A hub's members, their profiles and its networks (decision 035). The hub admin keeps the list
 * of members, who acts for them, and the networks. A member's own staff (accounts that share
 * practice and act for it) write and publish its profile; the hub's moderators and admin may too,
 * to correct or withdraw one. Every hub account reads the list, drafts included; national roles
 * get nothing (a hub serves none of them).
 */
export function canHubProfiles(user: SessionUser, action: HubProfilesAction, record: HubProfilesRecord = {}): boolean {
  if (!is(user.role, 'hubAccount')) return false;
  const hubAdmin = is(user.role, 'administers');
  switch (action) {
    case 'listMembers':
      return true;
    case 'manageMembers':
    case 'manageNetworks':
      return hubAdmin;
    case 'viewProfile':
    case 'editProfile':
      return is(user.role, 'moderatesHub') || (is(user.role, 'sharesPractice') && record.actsForMember === true);
  }
}
