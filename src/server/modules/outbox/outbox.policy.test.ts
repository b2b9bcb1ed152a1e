import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canOutbox } from './outbox.policy';

policyTable('canOutbox', canOutbox, [
  {
    action: 'list',
    expect: {
      admin: Y,
      coordinator: n,
      focal_point: n,
      validator: n,
      contributor: n,
      stakeholder: n,
      viewer: n,
      hub_admin: Y,
      moderator: n,
      member: n,
      reader: n,
    },
  },
  {
    action: 'retry',
    expect: {
      admin: Y,
      coordinator: n,
      focal_point: n,
      validator: n,
      contributor: n,
      stakeholder: n,
      viewer: n,
      hub_admin: Y,
      moderator: n,
      member: n,
      reader: n,
    },
  },
]);
