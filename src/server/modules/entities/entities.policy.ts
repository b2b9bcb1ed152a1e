import { is } from '../../../shared/roles';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';

export type EntitiesAction =
  | 'read'
  | 'create'
  | 'edit'
  | 'delete'
  | 'import'
  | 'managePeople'
  | 'manageMembers'
  | 'requestNominations'
  | 'nominate'
  | 'choose';

/** What a decision on one entity looks at: the seat the person holds in it, if any. */
export interface EntitiesRecord {
  seat?: Seat | null;
}

/**
 * Everybody signed in reads entities and their people (the names of public institutions are
 * public). The NMIRF secretariat (admins, coordinators) maintains entities, their people and
 * the members of networks, asks networks for nominations and chooses among the nominated. A
 * network's focal points (its main and alternate seat) nominate its member LRGs.
 */
export function canEntities(user: SessionUser, action: EntitiesAction, record: EntitiesRecord = {}): boolean {
  const manager = is(user.role, 'secretariat');
  switch (action) {
    case 'read':
      return true;
    case 'create':
    case 'edit':
    case 'delete':
    case 'import':
    case 'managePeople':
    case 'manageMembers':
    case 'requestNominations':
    case 'choose':
      return manager;
    case 'nominate':
      return record.seat === 'main' || record.seat === 'alternate';
  }
}
