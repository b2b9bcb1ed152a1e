import { describe, expect, it } from 'vitest';
import { policyTable, userWith, Y } from '../../../../tests/policy-table';
import { canDashboards } from './dashboards.policy';

policyTable('canDashboards', canDashboards, [
  {
    action: 'read',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
]);

describe('canDashboards', () => {
  it('keeps them from people not signed in', () => {
    expect(canDashboards(null, 'read')).toBe(false);
    expect(canDashboards(userWith('viewer'), 'read')).toBe(true);
  });
});
