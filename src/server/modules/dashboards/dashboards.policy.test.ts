import { describe, expect, it } from 'vitest';
import { roles, type SessionUser } from '../../../shared/schemas/identity';
import { canDashboards } from './dashboards.policy';

const userOf = (role: SessionUser['role']): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000000',
  email: 'a@example.org',
  name: 'A',
  role,
  locale: 'en',
  organisation: null,
  version: 1,
});

describe('dashboards policy', () => {
  it.each(roles)('lets a signed-in %s read the dashboards', (role) => {
    expect(canDashboards(userOf(role), 'read')).toBe(true);
  });

  it('keeps them from people not signed in', () => {
    expect(canDashboards(null, 'read')).toBe(false);
  });
});
