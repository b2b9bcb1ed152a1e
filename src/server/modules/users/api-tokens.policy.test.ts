import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canApiTokens } from './api-tokens.policy';

// A token acts as a person's account without their password: only admins make or end one.
policyTable('canApiTokens', canApiTokens, [
  {
    action: 'manage',
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
