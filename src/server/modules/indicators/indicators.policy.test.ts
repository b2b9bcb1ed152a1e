import { describe, expect, it } from 'vitest';
import type { Seat } from '../../../shared/schemas/entities';
import { type Role, roles } from '../../../shared/schemas/identity';
import { canIndicators, type ObservationRecord } from './indicators.policy';

const user = (role: Role) => ({
  id: 'u',
  email: 'u@x',
  name: 'U',
  role,
  locale: 'en' as const,
  organisation: null,
  version: 1,
});

/** [case, record]: whom the observation is for, and the seats the person holds. */
const cases: [string, ObservationRecord][] = [
  ['national, no seat', { ownerSeat: null, place: null }],
  ['national, owner main', { ownerSeat: 'main', place: null }],
  ['national, owner member', { ownerSeat: 'member', place: null }],
  ['national, owner validator', { ownerSeat: 'validator', place: null }],
  ['LRG, no seat', { ownerSeat: null, place: { seat: null } }],
  ['LRG, its alternate', { ownerSeat: null, place: { seat: 'alternate' as Seat } }],
  ['LRG, its validator', { ownerSeat: null, place: { seat: 'validator' as Seat } }],
  ['LRG, owner main', { ownerSeat: 'main', place: { seat: null } }],
];

// Rows: role; columns: read, manage, then each case of enterObservation above.
const table: Record<Role, string> = {
  admin: '11 11111111',
  coordinator: '11 11111111',
  focal_point: '10 01100101',
  contributor: '10 01100101',
  validator: '10 00000000',
  stakeholder: '10 00000000',
  viewer: '10 00000000',
};

describe('canIndicators', () => {
  it('covers every role', () => expect(Object.keys(table).sort()).toEqual([...roles].sort()));

  for (const [role, row] of Object.entries(table) as [Role, string][]) {
    const [plain = '', entering = ''] = row.split(' ');
    it(`${role}: read ${plain[0]}, manage ${plain[1]}, enter ${entering}`, () => {
      expect(canIndicators(user(role), 'read')).toBe(plain[0] === '1');
      expect(canIndicators(user(role), 'manage')).toBe(plain[1] === '1');
      for (const [index, [name, record]] of cases.entries())
        expect(canIndicators(user(role), 'enterObservation', record), name).toBe(entering[index] === '1');
    });
  }
});
