import { n, policyTable, Y } from '../../../../tests/policy-table';
import type { SessionUser } from '../../../shared/schemas/identity';
import { canAssign, canDelegate, canWithdraw, type Seat } from './assignments.policy';

/** The three decisions of the assignments policy as one table: the seat is the person's in the entity concerned. */
function canAssignments(
  user: SessionUser,
  action: 'assign' | 'delegate' | 'withdraw',
  record: { seat?: Seat; isDelegation?: boolean } = {},
): boolean {
  if (action === 'assign') return canAssign(user);
  if (action === 'delegate') return canDelegate(user, record.seat);
  return canWithdraw(user, record.seat, Boolean(record.isDelegation));
}

policyTable('assignments', canAssignments, [
  {
    action: 'assign',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delegate',
    record: {},
    when: 'no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delegate',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delegate',
    record: { seat: 'alternate' },
    when: 'alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delegate',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delegate',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { isDelegation: true },
    when: 'a delegation, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { isDelegation: false },
    when: 'an assignment, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { seat: 'main', isDelegation: true },
    when: 'a delegation, main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { seat: 'main', isDelegation: false },
    when: 'an assignment, main seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { seat: 'alternate', isDelegation: true },
    when: 'a delegation, alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { seat: 'alternate', isDelegation: false },
    when: 'an assignment, alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { seat: 'member', isDelegation: true },
    when: 'a delegation, member seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'withdraw',
    record: { seat: 'member', isDelegation: false },
    when: 'an assignment, member seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
