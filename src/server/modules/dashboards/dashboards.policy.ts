import type { SessionUser } from '../../../shared/schemas/identity';

export type DashboardAction = 'read';

/**
 * Everyone signed in reads the dashboards: they summarise the register, which is public
 * information. What each person's counts cover is their scope (assignments/scope.ts), applied
 * inside the queries. The public may read them later; that is a change here and in the routes.
 */
export function canDashboards(user: SessionUser | null, action: DashboardAction): boolean {
  switch (action) {
    case 'read':
      return user !== null;
  }
}
