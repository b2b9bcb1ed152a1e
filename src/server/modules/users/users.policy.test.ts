import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canUsers } from './users.policy';

// Admins manage everyone; coordinators list, invite and revoke, except where an admin is concerned;
// no one changes their own role.
policyTable('canUsers', canUsers, [
  {
    action: 'list',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'invite',
    record: { newRole: 'viewer' },
    when: 'a viewer',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'invite',
    record: { newRole: 'admin' },
    when: 'an admin',
    expect: { admin: Y, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'revokeInvitation',
    record: { role: 'viewer' },
    when: 'the invitation of a viewer',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'revokeInvitation',
    record: { role: 'admin' },
    when: 'the invitation of an admin',
    expect: { admin: Y, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'update',
    record: { id: 'someone-else', role: 'viewer', newRole: 'validator' },
    when: 'someone else',
    expect: { admin: Y, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'update',
    record: (user) => ({ id: user.id, role: user.role, newRole: 'viewer' as const }),
    when: 'oneself',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
