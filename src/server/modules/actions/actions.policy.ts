import { is } from '../../../shared/roles';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';

export type ActionsAction =
  | 'read'
  | 'create'
  | 'edit'
  | 'delete'
  | 'linkAnyRecommendation'
  | 'readDocuments'
  | 'changeDocuments';

/**
 * What a decision on one action looks at: the seat the person holds in its responsible entity,
 * and whether the action lies within their scope (an entity of theirs is responsible or
 * supporting, or a recommendation in their scope is linked to it).
 */
export interface ActionsRecord {
  seat?: Seat | null;
  inScope?: boolean;
}

const writingSeats = new Set<Seat>(['main', 'alternate', 'member']);

/**
 * The NMIRF secretariat (admins, coordinators) manages every action. Focal points and
 * contributors holding a main, alternate or member seat in the responsible entity create and
 * edit that entity's actions, linking only recommendations within their scope. People who act
 * for entities read the actions in their scope; everyone else (the secretariat, readers of public
 * information: the register and what is done about it are public) reads all of them.
 * An action's documents (attachments) are its own: read as the action, uploaded and deleted by
 * whoever may edit it (issue 14: a validator, who writes nothing, no longer changes them).
 */
export function canActions(user: SessionUser, action: ActionsAction, record: ActionsRecord = {}): boolean {
  const manager = is(user.role, 'secretariat');
  switch (action) {
    case 'read':
    case 'readDocuments':
      return !is(user.role, 'actsForEntities') || Boolean(record.inScope);
    case 'create':
    case 'edit':
    case 'changeDocuments':
      return manager || (is(user.role, 'plans') && Boolean(record.seat && writingSeats.has(record.seat)));
    case 'delete':
    case 'linkAnyRecommendation':
      return manager;
  }
}
