import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canEntities } from './entities.policy';

// Nominating is the network's focal points' (main or alternate seat), whatever their role.
policyTable('canEntities', canEntities, [
  {
    action: 'read',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'create',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'edit',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'delete',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'import',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'managePeople',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'manageMembers',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'requestNominations',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'choose',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'nominate',
    record: { seat: null },
    when: 'no seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'nominate',
    record: { seat: 'main' },
    when: 'main seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'nominate',
    record: { seat: 'alternate' },
    when: 'alternate seat',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'nominate',
    record: { seat: 'member' },
    when: 'member seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'nominate',
    record: { seat: 'validator' },
    when: 'validator seat',
    expect: { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
]);
