import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canProgress } from './progress.policy';

// An update still under way (not validated) read or worked on from each seat in its entity; then a
// validated one read from outside the entity, within the reader's scope or not.
policyTable('canProgress', canProgress, [
  {
    action: 'read',
    record: { seat: null, validated: false, inScope: true },
    when: 'under way, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'read',
    record: { seat: 'main', validated: false, inScope: true },
    when: 'under way, main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'read',
    record: { seat: 'alternate', validated: false, inScope: true },
    when: 'under way, alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'read',
    record: { seat: 'member', validated: false, inScope: true },
    when: 'under way, member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'read',
    record: { seat: 'validator', validated: false, inScope: true },
    when: 'under way, validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'write',
    record: { seat: null, validated: false, inScope: true },
    when: 'under way, no seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'write',
    record: { seat: 'main', validated: false, inScope: true },
    when: 'under way, main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'write',
    record: { seat: 'alternate', validated: false, inScope: true },
    when: 'under way, alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'write',
    record: { seat: 'member', validated: false, inScope: true },
    when: 'under way, member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'write',
    record: { seat: 'validator', validated: false, inScope: true },
    when: 'under way, validator seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'validatorStep',
    record: { seat: null, validated: false, inScope: true },
    when: 'under way, no seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'validatorStep',
    record: { seat: 'main', validated: false, inScope: true },
    when: 'under way, main seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'validatorStep',
    record: { seat: 'alternate', validated: false, inScope: true },
    when: 'under way, alternate seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'validatorStep',
    record: { seat: 'member', validated: false, inScope: true },
    when: 'under way, member seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'validatorStep',
    record: { seat: 'validator', validated: false, inScope: true },
    when: 'under way, validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'coordinatorStep',
    record: { seat: null, validated: false, inScope: true },
    when: 'under way, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'coordinatorStep',
    record: { seat: 'main', validated: false, inScope: true },
    when: 'under way, main seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'coordinatorStep',
    record: { seat: 'alternate', validated: false, inScope: true },
    when: 'under way, alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'coordinatorStep',
    record: { seat: 'member', validated: false, inScope: true },
    when: 'under way, member seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'coordinatorStep',
    record: { seat: 'validator', validated: false, inScope: true },
    when: 'under way, validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'grade',
    record: { seat: null, validated: false, inScope: true },
    when: 'under way, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'grade',
    record: { seat: 'main', validated: false, inScope: true },
    when: 'under way, main seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'grade',
    record: { seat: 'alternate', validated: false, inScope: true },
    when: 'under way, alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'grade',
    record: { seat: 'member', validated: false, inScope: true },
    when: 'under way, member seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'grade',
    record: { seat: 'validator', validated: false, inScope: true },
    when: 'under way, validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'read',
    record: { seat: null, validated: true, inScope: true },
    when: 'validated, in scope',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'read',
    record: { seat: null, validated: true, inScope: false },
    when: 'validated, out of scope',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
