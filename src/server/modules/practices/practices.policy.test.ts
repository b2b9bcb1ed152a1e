import { n, type PolicyRow, policyTable, Y } from '../../../../tests/policy-table';
import { canPractices, type PracticeAction, type PracticeRecord } from './practices.policy';

const national = {
  admin: n,
  coordinator: n,
  focal_point: n,
  validator: n,
  contributor: n,
  stakeholder: n,
  viewer: n,
} as const;
const author: PracticeRecord = { actsForMember: true };
const stranger: PracticeRecord = { actsForMember: false };

const rows: PolicyRow<PracticeAction, PracticeRecord>[] = [
  {
    action: 'write',
    when: 'acts for the member',
    record: author,
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'write',
    when: 'another member',
    record: stranger,
    expect: { ...national, hub_admin: n, moderator: n, member: n, reader: n },
  },
  { action: 'moderate', expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n } },
  {
    action: 'withdraw',
    when: 'acts for the member',
    record: author,
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'withdraw',
    when: 'another member',
    record: stranger,
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  {
    action: 'history',
    when: 'acts for the member',
    record: author,
    expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n },
  },
  {
    action: 'history',
    when: 'another member',
    record: stranger,
    expect: { ...national, hub_admin: Y, moderator: Y, member: n, reader: n },
  },
  { action: 'listOwn', expect: { ...national, hub_admin: Y, moderator: Y, member: Y, reader: n } },
];

policyTable('practices', canPractices, rows);
