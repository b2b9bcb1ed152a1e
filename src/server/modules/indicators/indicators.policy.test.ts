import { n, policyTable, Y } from '../../../../tests/policy-table';
import { canIndicators } from './indicators.policy';

// An observation is national or of one LRG; the record names the seats the person holds in the
// indicator's data owner entity and in that LRG.
policyTable('canIndicators', canIndicators, [
  {
    action: 'read',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: Y, contributor: Y, stakeholder: Y, viewer: Y },
  },
  {
    action: 'manage',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: null, place: null },
    when: 'national, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: 'main', place: null },
    when: 'national, owner main',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: 'member', place: null },
    when: 'national, owner member',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: 'validator', place: null },
    when: 'national, owner validator',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: null, place: { seat: null } },
    when: 'LRG, no seat',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: null, place: { seat: 'alternate' } },
    when: 'LRG, its alternate',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: null, place: { seat: 'validator' } },
    when: 'LRG, its validator',
    expect: { admin: Y, coordinator: Y, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n },
  },
  {
    action: 'enterObservation',
    record: { ownerSeat: 'main', place: { seat: null } },
    when: 'LRG, owner main',
    expect: { admin: Y, coordinator: Y, focal_point: Y, validator: n, contributor: Y, stakeholder: n, viewer: n },
  },
]);
