import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canAssessment } from './assessment.policy';

const national = { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n };
const own = { actsForMember: true, sharedWithHub: false };
const ownShared = { actsForMember: true, sharedWithHub: true };
const other = { actsForMember: false, sharedWithHub: false };
const otherShared = { actsForMember: false, sharedWithHub: true };

policyTable('self-assessment (decision 039)', canAssessment, [
  {
    action: 'fill',
    record: own,
    when: 'for its own member',
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'fill',
    record: otherShared,
    when: 'another member, shared',
    expect: { ...national, hub_admin: n, moderator: n, member: n, reader: n },
  },
  {
    action: 'read',
    record: own,
    when: 'its own member',
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'read',
    record: ownShared,
    when: 'its own member, shared',
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'read',
    record: other,
    when: 'another member, not shared',
    expect: { ...national, hub_admin: n, moderator: n, member: n, reader: n },
  },
  {
    action: 'read',
    record: otherShared,
    when: 'another member, shared with the hub',
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  { action: 'listShared', expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n } },
]);
