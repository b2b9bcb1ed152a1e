import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canImports } from './imports.policy';

policyTable('canImports', canImports, [
  {
    action: 'import',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'list',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
