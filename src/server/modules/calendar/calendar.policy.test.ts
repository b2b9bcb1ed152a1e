import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../shared/schemas/identity';
import { type CalendarAction, canCalendar } from './calendar.policy';

const user = (role: Role) => ({
  id: '00000000-0000-4000-8000-000000000000',
  email: `${role}@example.org`,
  name: role,
  role,
  locale: 'en' as const,
  organisation: null,
});

const table: Record<CalendarAction, readonly Role[]> = {
  read: roles,
  feed: roles,
  edit: ['admin', 'coordinator'],
};

describe('canCalendar', () => {
  for (const [action, allowed] of Object.entries(table) as [CalendarAction, readonly Role[]][]) {
    it.each(roles)(`${action}: %s`, (role) => {
      expect(canCalendar(user(role) as never, action)).toBe(allowed.includes(role));
    });
  }
});
