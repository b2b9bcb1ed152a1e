import { is } from '../../../shared/roles';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';

export type ProgressAction = 'read' | 'write' | 'validatorStep' | 'coordinatorStep' | 'grade';

/** What a decision on one update looks at: the reader's seat in its entity, and whether it is validated and in scope. */
export interface ProgressRecord {
  seat?: Seat | null;
  validated?: boolean;
  /** The update's recommendation or action lies within the reader's scope (scope.ts). */
  inScope?: boolean;
}

/**
 * The entity's main and alternate focal points and members write, edit and submit its updates
 * (contributors and focal points alike: the seat decides, as for answers to calls). Its validator
 * endorses or returns them; the NMIRF secretariat (coordinators, admins) validates or returns them
 * and grades treaty body follow-up. Everyone signed in reads validated updates within their scope;
 * the people of the entity and the secretariat also read the ones still under way.
 */
export function canProgress(user: SessionUser, action: ProgressAction, record: ProgressRecord = {}): boolean {
  const manager = is(user.role, 'secretariat');
  switch (action) {
    case 'read':
      return manager || Boolean(record.seat) || (Boolean(record.validated) && Boolean(record.inScope));
    case 'write':
      return (
        !is(user.role, 'readsOnly') &&
        (record.seat === 'main' || record.seat === 'alternate' || record.seat === 'member')
      );
    case 'validatorStep':
      return !is(user.role, 'readsOnly') && record.seat === 'validator';
    case 'coordinatorStep':
    case 'grade':
      return manager;
  }
}
