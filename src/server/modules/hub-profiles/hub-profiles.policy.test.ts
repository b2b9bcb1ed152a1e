import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canHubProfiles } from './hub-profiles.policy';

const national = { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n };

policyTable('canHubProfiles', canHubProfiles, [
  { action: 'listMembers', expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: Y } },
  { action: 'manageMembers', expect: { ...national, hub_admin: Y, moderator: n, member: n, reader: n } },
  { action: 'manageNetworks', expect: { ...national, hub_admin: Y, moderator: n, member: n, reader: n } },
  {
    action: 'editProfile',
    when: 'acting for the member',
    record: { actsForMember: true },
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'editProfile',
    when: 'another member',
    record: { actsForMember: false },
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  {
    action: 'viewProfile',
    when: 'another member',
    record: { actsForMember: false },
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
]);
