import { describe, expect, it } from 'vitest';
import type { Seat } from '../../../shared/schemas/entities';
import type { Role, SessionUser } from '../../../shared/schemas/identity';
import { canProgress, type ProgressAction } from './progress.policy';

const user = (role: Role): SessionUser =>
  ({ id: '00000000-0000-4000-8000-000000000001', role, name: role, email: `${role}@x`, locale: 'en' }) as SessionUser;

type Row = [Role, Seat | null, Record<ProgressAction, boolean>];
const no = { read: false, write: false, validatorStep: false, coordinatorStep: false, grade: false };

// Reading an update still under way (not validated), from outside or inside the entity.
const table: Row[] = [
  ['admin', null, { ...no, read: true, coordinatorStep: true, grade: true }],
  ['coordinator', null, { ...no, read: true, coordinatorStep: true, grade: true }],
  ['focal_point', 'main', { ...no, read: true, write: true }],
  ['focal_point', 'alternate', { ...no, read: true, write: true }],
  ['contributor', 'member', { ...no, read: true, write: true }],
  ['validator', 'validator', { ...no, read: true, validatorStep: true }],
  ['focal_point', null, no],
  ['validator', null, no],
  ['contributor', null, no],
  ['viewer', null, no],
  ['stakeholder', null, no],
  ['viewer', 'member', { ...no, read: true }],
  ['stakeholder', 'main', { ...no, read: true }],
];

describe('canProgress', () => {
  it.each(table)('%s with seat %s', (role, seat, expected) => {
    for (const action of Object.keys(expected) as ProgressAction[]) {
      expect([action, canProgress(user(role), action, { seat, validated: false, inScope: true })]).toEqual([
        action,
        expected[action],
      ]);
    }
  });

  it('lets everyone read a validated update within their scope, and no one outside it', () => {
    for (const role of ['viewer', 'stakeholder', 'focal_point', 'validator', 'contributor'] as Role[]) {
      expect(canProgress(user(role), 'read', { seat: null, validated: true, inScope: true })).toBe(true);
      expect(canProgress(user(role), 'read', { seat: null, validated: true, inScope: false })).toBe(false);
    }
  });
});
