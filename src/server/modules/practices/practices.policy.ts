import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

/**
 * Who does what with a hub's practices (decision 036). The public reads published practices
 * without an account (no policy: the public pages read only published versions). An account that
 * shares practices writes for the members it acts for (hub_member_people): it drafts, edits,
 * translates, attaches files, submits, withdraws and reads the history. Moderators publish or
 * return what is submitted, withdraw anything published, and read every history. A national
 * instance's roles do nothing here: a hub holds none of their accounts.
 */
export type PracticeAction = 'write' | 'moderate' | 'withdraw' | 'history' | 'listOwn';

export interface PracticeRecord {
  /** Whether the person acts for the practice's member (hub_member_people). */
  actsForMember: boolean;
}

export function canPractices(user: SessionUser, action: PracticeAction, record?: PracticeRecord): boolean {
  if (!is(user.role, 'hubAccount')) return false;
  const author = is(user.role, 'sharesPractice') && record?.actsForMember === true;
  const moderator = is(user.role, 'moderatesHub');
  switch (action) {
    case 'write':
      return author;
    case 'moderate':
      return moderator;
    case 'withdraw':
    case 'history':
      return author || moderator;
    case 'listOwn':
      return is(user.role, 'sharesPractice');
  }
}
