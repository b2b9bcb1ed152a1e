import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../../../shared/schemas/identity';
import type { ReportStatus } from '../../../shared/schemas/reports';
import { canReports, type ReportsAction } from './reports.policy';

const user = (role: Role) => ({
  id: 'u',
  email: 'u@x',
  name: 'U',
  role,
  locale: 'en' as const,
  status: 'active' as const,
});

// role → actions allowed, for a report in each state (d: drafting, c: consultation, a: approved).
const table: Record<Role, Partial<Record<ReportsAction, string>>> = {
  admin: {
    list: 'dca',
    create: 'dca',
    read: 'dca',
    version: 'dca',
    export: 'dca',
    edit: 'dc',
    openConsultation: 'dc',
    approve: 'dc',
    consult: 'dca',
    reply: 'dca',
  },
  coordinator: {
    list: 'dca',
    create: 'dca',
    read: 'dca',
    version: 'dca',
    export: 'dca',
    edit: 'dc',
    openConsultation: 'dc',
    approve: 'dc',
    consult: 'dca',
    reply: 'dca',
  },
  stakeholder: { list: 'dca', consult: 'c', comment: 'c' },
  focal_point: {},
  validator: {},
  contributor: {},
  viewer: {},
};
const actions: ReportsAction[] = [
  'list',
  'create',
  'read',
  'edit',
  'version',
  'openConsultation',
  'consult',
  'comment',
  'reply',
  'approve',
  'export',
];
const states: [string, ReportStatus][] = [
  ['d', 'drafting'],
  ['c', 'consultation'],
  ['a', 'approved'],
];

describe('canReports', () => {
  for (const role of roles)
    for (const action of actions)
      for (const [letter, status] of states)
        it(`${role} ${action} on a ${status} report: ${(table[role][action] ?? '').includes(letter)}`, () => {
          expect(canReports(user(role) as never, action, { status })).toBe(
            (table[role][action] ?? '').includes(letter),
          );
        });
});
