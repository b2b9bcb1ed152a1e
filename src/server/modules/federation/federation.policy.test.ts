import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canFederation, type FederationAction } from './federation.policy';

policyTable<FederationAction, undefined>('federation', (user, action) => canFederation(user, action), [
  {
    action: 'linkHub',
    expect: {
      admin: Y,
      coordinator: n,
      focal_point: n,
      validator: n,
      contributor: n,
      stakeholder: n,
      viewer: n,
      hub_admin: n,
      moderator: n,
      member: n,
      reader: n,
    },
  },
  {
    action: 'share',
    expect: {
      admin: Y,
      coordinator: Y,
      focal_point: n,
      validator: n,
      contributor: n,
      stakeholder: n,
      viewer: n,
      hub_admin: n,
      moderator: n,
      member: n,
      reader: n,
    },
  },
  {
    action: 'manageLinks',
    expect: {
      admin: n,
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
