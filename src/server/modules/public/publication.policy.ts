import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

/**
 * What the public portal may show (decision 032), the one statement of the rule. The public
 * repository's SQL (`publicnessSql`) applies the same rule to many rows at once; the policy test
 * checks the two agree on every combination.
 *
 * A decision is a row in `publications`: true (published), false (withheld), or none (the default).
 */
export type Decision = boolean | null;

/**
 * How much of a review or recommendation is public:
 * - 'hidden': nothing (its page answers 404, as for an id that does not exist);
 * - 'text': the UN's own words (text, paragraph, document, body, position, themes, SDGs): public
 *   by default, since the UN published them first;
 * - 'full': the text and the State's follow-up (status and its history, responsible entities,
 *   indicators, published progress), once a coordinator publishes it or its review.
 * A recommendation's own decision wins over its review's.
 */
export type Publicness = 'hidden' | 'text' | 'full';

export function publicnessOf(own: Decision, review: Decision): Publicness {
  const decision = own ?? review;
  if (decision === null) return 'text';
  return decision ? 'full' : 'hidden';
}

/**
 * A progress update is public only when validated, published by a coordinator, and on a
 * recommendation whose follow-up is public. Drafts, submitted, endorsed and returned updates never
 * are, whatever was decided before (an update sent back after publication leaves the portal).
 */
export function isPublicUpdate(update: { status: string; decision: Decision }, recommendation: Publicness): boolean {
  return update.status === 'validated' && update.decision === true && recommendation === 'full';
}

/** NMIRF coordinators and admins (the secretariat) decide what is public. */
export function canPublish(user: SessionUser): boolean {
  return is(user.role, 'secretariat');
}
