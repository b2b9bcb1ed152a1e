import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canActions } from './actions.policy';

// Records name the person's seat in the responsible entity, or whether the action lies within their scope.
policyTable('canActions', canActions, [
  {
    action: 'read',
    record: { inScope: false },
    when: 'out of scope',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: Y, viewer: Y },
  },
  {
    action: 'read',
    record: { inScope: true },
    when: 'in scope',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'create',
    record: {},
    when: 'no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'create',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'create',
    record: { seat: 'alternate' },
    when: 'alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'create',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'create',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'edit',
    record: {},
    when: 'no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'edit',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'edit',
    record: { seat: 'alternate' },
    when: 'alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'edit',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'edit',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delete',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'linkAnyRecommendation',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  // An action's documents (issue 14 part 4): read as the action, changed as it is edited.
  {
    action: 'readDocuments',
    record: { inScope: false },
    when: 'out of scope',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: Y, viewer: Y },
  },
  {
    action: 'readDocuments',
    record: { inScope: true },
    when: 'in scope',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'changeDocuments',
    record: { seat: null },
    when: 'no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'changeDocuments',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'changeDocuments',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'changeDocuments',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
