import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type CalendarAction = 'read' | 'edit' | 'feed';

/**
 * Everyone signed in reads the calendar of obligations and may have a feed of it: the due dates
 * of a State's reports are public information. The NMIRF secretariat (coordinators, admins)
 * keeps it: adds, changes and removes events, recomputes them, sets the reminder days.
 */
export function canCalendar(user: SessionUser, action: CalendarAction): boolean {
  switch (action) {
    case 'read':
    case 'feed':
      return true;
    case 'edit':
      return is(user.role, 'secretariat');
  }
}
