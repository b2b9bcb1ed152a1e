import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canTaxonomies } from './taxonomies.policy';

policyTable('canTaxonomies', canTaxonomies, [
  {
    action: 'read',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'manage',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'administer',
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
]);
