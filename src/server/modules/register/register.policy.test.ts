import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canRegister } from './register.policy';

policyTable('canRegister', canRegister, [
  {
    action: 'read',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'edit',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'batchEdit',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'manageClusters',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
