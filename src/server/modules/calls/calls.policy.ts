import { is } from '../../../shared/roles';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';

export type CallsAction = 'manage' | 'track' | 'readInbox' | 'answer';

/** What a decision on one entity's inbox looks at: the seat the person holds in that entity. */
export interface CallsRecord {
  seat?: Seat | null;
}

/**
 * The NMIRF secretariat (admins, coordinators) drafts and sends calls and follows every entity's
 * answers. The people of an entity (any seat) read its inbox; its main and alternate focal points
 * and its members write and submit its answers; a validator reads them (and will validate them).
 * Readers of public information (viewers, stakeholders) never answer for an entity.
 */
export function canCalls(user: SessionUser, action: CallsAction, record: CallsRecord = {}): boolean {
  const manager = is(user.role, 'secretariat');
  switch (action) {
    case 'manage':
    case 'track':
      return manager;
    case 'readInbox':
      return manager || Boolean(record.seat);
    case 'answer':
      return (
        !is(user.role, 'readsOnly') &&
        (record.seat === 'main' || record.seat === 'alternate' || record.seat === 'member')
      );
  }
}
