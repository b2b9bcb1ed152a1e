import { describe, expect, it } from 'vitest';
import type { Seat } from '../../../shared/schemas/entities';
import { type Role, roles, type SessionUser } from '../../../shared/schemas/identity';
import { type ActionsAction, type ActionsRecord, canActions } from './actions.policy';

function userWith(role: Role): SessionUser {
  return { id: `id-${role}`, email: `${role}@x`, name: role, role, locale: 'en', organisation: null, version: 1 };
}

const seat = (s: Seat): ActionsRecord => ({ seat: s });

// The role × action table of actions: Y allowed, n refused. Records name the person's seat in
// the responsible entity, or whether the action lies within their scope.
const cases: [string, ActionsAction, ActionsRecord, string][] = [
  //                                                              admin coordinator focal_point validator contributor stakeholder viewer
  ['read (out of scope)', 'read', { inScope: false }, 'Y Y n n n Y Y'],
  ['read (in scope)', 'read', { inScope: true }, 'Y Y Y Y Y Y Y'],
  ['create (no seat)', 'create', {}, 'Y Y n n n n n'],
  ['create (main seat)', 'create', seat('main'), 'Y Y Y n Y n n'],
  ['create (alternate seat)', 'create', seat('alternate'), 'Y Y Y n Y n n'],
  ['create (member seat)', 'create', seat('member'), 'Y Y Y n Y n n'],
  ['create (validator seat)', 'create', seat('validator'), 'Y Y n n n n n'],
  ['edit (no seat)', 'edit', {}, 'Y Y n n n n n'],
  ['edit (main seat)', 'edit', seat('main'), 'Y Y Y n Y n n'],
  ['edit (member seat)', 'edit', seat('member'), 'Y Y Y n Y n n'],
  ['edit (validator seat)', 'edit', seat('validator'), 'Y Y n n n n n'],
  ['delete (main seat)', 'delete', seat('main'), 'Y Y n n n n n'],
  ['link any recommendation', 'linkAnyRecommendation', seat('main'), 'Y Y n n n n n'],
];

describe('canActions', () => {
  it.each(cases)('%s', (_name, action, record, expected) => {
    const got = roles.map((role) => (canActions(userWith(role), action, record) ? 'Y' : 'n')).join(' ');
    expect(got).toBe(expected);
  });
});
