import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type CommunityAction =
  | 'read'
  | 'post'
  | 'accept'
  | 'follow'
  | 'report'
  | 'register'
  | 'moderate'
  | 'manageEvents';

/** What a decision about one space or thread depends on. */
export interface CommunityRecord {
  /** A theme's space is read by anyone; a network's by the accounts acting for its members. */
  audience?: 'public' | 'members';
  /** The person acts for a member of the space's network. */
  inNetwork?: boolean;
  /** The person wrote the thread (for accepting an answer to their question). */
  isAuthor?: boolean;
}

/**
 * The community of practice (decision 037). Every hub account reads the theme spaces (the public
 * does too, on the public pages), follows, reports posts and registers for events; the accounts
 * that share for a member (members, moderators, the hub admin) post. A network's space is read and
 * written by the accounts acting for the network's members, and by moderators, who keep order
 * everywhere. A question's author accepts its answer, or a moderator does. Moderators and the hub
 * admin run the report queue, hide posts, ban accounts and publish events. A national instance's
 * roles take no part: its accounts are not a hub's.
 */
export function canCommunity(user: SessionUser, action: CommunityAction, record: CommunityRecord = {}): boolean {
  if (!is(user.role, 'hubAccount')) return false;
  const moderates = is(user.role, 'moderatesHub');
  const reaches = record.audience !== 'members' || record.inNetwork === true || moderates;
  switch (action) {
    case 'read':
    case 'follow':
      return reaches;
    case 'post':
      return reaches && is(user.role, 'sharesPractice');
    case 'accept':
      return reaches && (moderates || (record.isAuthor === true && is(user.role, 'sharesPractice')));
    case 'report':
      return reaches;
    case 'register':
      return true;
    case 'moderate':
    case 'manageEvents':
      return moderates;
  }
}
