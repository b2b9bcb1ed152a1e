import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canStateProfile } from './state-profile.policy';

policyTable('canStateProfile', canStateProfile, [
  {
    action: 'view',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'edit',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
