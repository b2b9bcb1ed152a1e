import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

/**
 * Who may do what with a member's self-assessment (decision 039), the one statement of the rule:
 * - the accounts acting for the member (hub_member_people) that share for members fill it in,
 *   submit it, start a new round, read it and choose whether the hub's staff may read it;
 * - the hub's administrators and moderators read a member's answers only when the member shared
 *   them, and change nothing;
 * - nobody else, and never a peer: other members see aggregates of groups of at least three.
 */
export type AssessmentAction = 'fill' | 'read' | 'listShared';

export interface AssessmentRecord {
  /** The account acts for the assessed member. */
  actsForMember: boolean;
  /** The member let the hub's staff read its answers. */
  sharedWithHub: boolean;
}

export function canAssessment(user: SessionUser, action: AssessmentAction, record?: AssessmentRecord): boolean {
  if (!is(user.role, 'hubAccount')) return false;
  const acts = is(user.role, 'sharesPractice') && (record?.actsForMember ?? false);
  switch (action) {
    case 'fill':
      return acts;
    case 'read':
      return acts || (is(user.role, 'moderatesHub') && (record?.sharedWithHub ?? false));
    case 'listShared':
      return is(user.role, 'moderatesHub');
  }
}
