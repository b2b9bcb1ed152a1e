import { n, policyTable, Y } from '../../../../tests/policy-table';
import { type CommunityAction, type CommunityRecord, canCommunity } from './community.policy';

const national = { admin: n, coordinator: n, focal_point: n, validator: n, contributor: n, stakeholder: n, viewer: n };
const network: CommunityRecord = { audience: 'members', inNetwork: false };
const ownNetwork: CommunityRecord = { audience: 'members', inNetwork: true };

policyTable<CommunityAction, CommunityRecord>('canCommunity', canCommunity, [
  {
    action: 'read',
    when: 'a theme space',
    record: { audience: 'public' },
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: Y },
  },
  {
    action: 'read',
    when: 'another network',
    record: network,
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  {
    action: 'read',
    when: 'their network',
    record: ownNetwork,
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: Y },
  },
  {
    action: 'post',
    when: 'a theme space',
    record: { audience: 'public' },
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'post',
    when: 'another network',
    record: network,
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  {
    action: 'post',
    when: 'their network',
    record: ownNetwork,
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'follow',
    when: 'a theme space',
    record: { audience: 'public' },
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: Y },
  },
  {
    action: 'follow',
    when: 'another network',
    record: network,
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  {
    action: 'report',
    when: 'a theme space',
    record: { audience: 'public' },
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: Y },
  },
  {
    action: 'accept',
    when: 'their own question',
    record: { audience: 'public', isAuthor: true },
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'accept',
    when: "another's question",
    record: { audience: 'public', isAuthor: false },
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  { action: 'register', expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: Y } },
  { action: 'moderate', expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n } },
  { action: 'manageEvents', expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n } },
]);
