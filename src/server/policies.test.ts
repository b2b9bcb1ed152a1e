import { describe, expect, it } from 'vitest';
import { type Role, roles, type SessionUser } from '../shared/schemas/identity';
import { canAudit } from './modules/audit/audit.policy';
import { canCalls } from './modules/calls/calls.policy';
import { canEntities } from './modules/entities/entities.policy';
import { canImports } from './modules/imports/imports.policy';
import { canOutbox } from './modules/outbox/outbox.policy';
import { canRegister } from './modules/register/register.policy';
import { canStateProfile } from './modules/state-profile/state-profile.policy';
import { canTaxonomies } from './modules/taxonomies/taxonomies.policy';
import { canUsers } from './modules/users/users.policy';

function userWith(role: Role): SessionUser {
  return { id: `id-${role}`, email: `${role}@x`, name: role, role, locale: 'en', organisation: null, version: 1 };
}

// The whole role × action table of the foundation's policies: Y allowed, n refused.
const table: Record<string, Record<Role, 'Y' | 'n'>> = {
  //                                    admin coordinator focal_point validator contributor stakeholder viewer
  'users.list': row('Y Y n n n n n'),
  'users.invite(viewer)': row('Y Y n n n n n'),
  'users.invite(admin)': row('Y n n n n n n'),
  'users.revoke(admin invitation)': row('Y n n n n n n'),
  'users.update(other)': row('Y n n n n n n'),
  'users.update(self)': row('n n n n n n n'),
  'audit.list': row('Y n n n n n n'),
  'outbox.list': row('Y n n n n n n'),
  'outbox.retry': row('Y n n n n n n'),
  'stateProfile.view': row('Y Y Y Y Y Y Y'),
  'stateProfile.edit': row('Y Y n n n n n'),
  'imports.import': row('Y Y n n n n n'),
  'register.read': row('Y Y Y Y Y Y Y'),
  'register.edit': row('Y Y n n n n n'),
  'register.batchEdit': row('Y Y n n n n n'),
  'taxonomies.read': row('Y Y Y Y Y Y Y'),
  'taxonomies.manage': row('Y Y n n n n n'),
  'calls.manage': row('Y Y n n n n n'),
  'calls.track': row('Y Y n n n n n'),
  'calls.readInbox(no seat)': row('Y Y n n n n n'),
  'calls.readInbox(validator seat)': row('Y Y Y Y Y Y Y'),
  'calls.answer(main seat)': row('Y Y Y Y Y n n'),
  'calls.answer(member seat)': row('Y Y Y Y Y n n'),
  'calls.answer(validator seat)': row('n n n n n n n'),
  'calls.answer(no seat)': row('n n n n n n n'),
  'entities.read': row('Y Y Y Y Y Y Y'),
  'entities.create': row('Y Y n n n n n'),
  'entities.edit': row('Y Y n n n n n'),
  'entities.delete': row('Y Y n n n n n'),
  'entities.import': row('Y Y n n n n n'),
  'entities.managePeople': row('Y Y n n n n n'),
  'entities.manageMembers': row('Y Y n n n n n'),
  'entities.requestNominations': row('Y Y n n n n n'),
  'entities.choose': row('Y Y n n n n n'),
  // Nominating is the network's focal points' (main or alternate seat), whatever their role.
  'entities.nominate(main seat)': row('Y Y Y Y Y Y Y'),
  'entities.nominate(alternate seat)': row('Y Y Y Y Y Y Y'),
  'entities.nominate(validator seat)': row('n n n n n n n'),
  'entities.nominate(member seat)': row('n n n n n n n'),
  'entities.nominate(no seat)': row('n n n n n n n'),
};

function row(marks: string): Record<Role, 'Y' | 'n'> {
  const values = marks.split(' ') as ('Y' | 'n')[];
  return Object.fromEntries(roles.map((role, index) => [role, values[index]])) as Record<Role, 'Y' | 'n'>;
}

function decide(action: string, user: SessionUser): boolean {
  switch (action) {
    case 'users.list':
      return canUsers(user, 'list');
    case 'users.invite(viewer)':
      return canUsers(user, 'invite', { newRole: 'viewer' });
    case 'users.invite(admin)':
      return canUsers(user, 'invite', { newRole: 'admin' });
    case 'users.revoke(admin invitation)':
      return canUsers(user, 'revokeInvitation', { role: 'admin' });
    case 'users.update(other)':
      return canUsers(user, 'update', { id: 'someone-else', role: 'viewer', newRole: 'validator' });
    case 'users.update(self)':
      return canUsers(user, 'update', { id: user.id, role: user.role, newRole: 'viewer' });
    case 'audit.list':
      return canAudit(user, 'list');
    case 'outbox.list':
      return canOutbox(user, 'list');
    case 'outbox.retry':
      return canOutbox(user, 'retry');
    case 'stateProfile.view':
      return canStateProfile(user, 'view');
    case 'stateProfile.edit':
      return canStateProfile(user, 'edit');
    case 'imports.import':
      return canImports(user, 'import');
    case 'register.read':
      return canRegister(user, 'read');
    case 'register.edit':
      return canRegister(user, 'edit');
    case 'register.batchEdit':
      return canRegister(user, 'batchEdit');
    case 'taxonomies.read':
      return canTaxonomies(user, 'read');
    case 'taxonomies.manage':
      return canTaxonomies(user, 'manage');
    case 'calls.manage':
      return canCalls(user, 'manage');
    case 'calls.track':
      return canCalls(user, 'track');
    case 'calls.readInbox(no seat)':
      return canCalls(user, 'readInbox', { seat: null });
    case 'calls.readInbox(validator seat)':
      return canCalls(user, 'readInbox', { seat: 'validator' });
    case 'calls.answer(main seat)':
      return canCalls(user, 'answer', { seat: 'main' });
    case 'calls.answer(member seat)':
      return canCalls(user, 'answer', { seat: 'member' });
    case 'calls.answer(validator seat)':
      return canCalls(user, 'answer', { seat: 'validator' });
    case 'calls.answer(no seat)':
      return canCalls(user, 'answer', { seat: null });
    case 'entities.read':
    case 'entities.create':
    case 'entities.edit':
    case 'entities.delete':
    case 'entities.import':
    case 'entities.managePeople':
    case 'entities.manageMembers':
    case 'entities.requestNominations':
    case 'entities.choose':
      return canEntities(user, action.slice('entities.'.length) as Parameters<typeof canEntities>[1]);
    case 'entities.nominate(main seat)':
      return canEntities(user, 'nominate', { seat: 'main' });
    case 'entities.nominate(alternate seat)':
      return canEntities(user, 'nominate', { seat: 'alternate' });
    case 'entities.nominate(validator seat)':
      return canEntities(user, 'nominate', { seat: 'validator' });
    case 'entities.nominate(member seat)':
      return canEntities(user, 'nominate', { seat: 'member' });
    case 'entities.nominate(no seat)':
      return canEntities(user, 'nominate', { seat: null });
    default:
      throw new Error(action);
  }
}

describe('policies: role × action', () => {
  for (const [action, expected] of Object.entries(table)) {
    for (const role of roles) {
      it(`${role} ${expected[role] === 'Y' ? 'may' : 'may not'} ${action}`, () => {
        expect(decide(action, userWith(role))).toBe(expected[role] === 'Y');
      });
    }
  }
});
