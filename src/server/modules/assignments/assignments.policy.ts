import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type Seat = 'main' | 'alternate' | 'validator' | 'member';

/** The NMIRF secretariat assigns entities and may withdraw any assignment. */
export function canAssign(user: SessionUser): boolean {
  return is(user.role, 'secretariat');
}

/**
 * An assignment is delegated further down by the secretariat or by a focal point (main or
 * alternate) of the entity holding it; `seat` is the person's seat there, if any.
 */
export function canDelegate(user: SessionUser, seat: Seat | undefined): boolean {
  if (canAssign(user)) return true;
  return is(user.role, 'delegates') && (seat === 'main' || seat === 'alternate');
}

/** A delegation is withdrawn by the secretariat or by a focal point of the entity that made it. */
export function canWithdraw(user: SessionUser, delegatorSeat: Seat | undefined, isDelegation: boolean): boolean {
  if (canAssign(user)) return true;
  return isDelegation && canDelegate(user, delegatorSeat);
}
