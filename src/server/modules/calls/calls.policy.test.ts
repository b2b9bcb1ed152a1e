import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canCalls } from './calls.policy';

// An entity's people read its inbox from any seat; the main, alternate and member seats answer,
// unless the person only reads (viewers, stakeholders).
policyTable('canCalls', canCalls, [
  {
    action: 'manage',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'track',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'readInbox',
    record: { seat: null },
    when: 'no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'readInbox',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'readInbox',
    record: { seat: 'alternate' },
    when: 'alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'readInbox',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'readInbox',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'answer',
    record: { seat: null },
    when: 'no seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'answer',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'answer',
    record: { seat: 'alternate' },
    when: 'alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'answer',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'answer',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
