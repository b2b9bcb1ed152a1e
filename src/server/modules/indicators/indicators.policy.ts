import { is } from '../../../shared/roles';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';

export type IndicatorsAction = 'read' | 'manage' | 'enterObservation';

/**
 * What a decision on an observation looks at: the seat the person holds in the indicator's data
 * owner entity, and, for an observation of an LRG, the seat they hold in that LRG.
 */
export interface ObservationRecord {
  ownerSeat?: Seat | null;
  /** null: a national observation. */
  place?: { seat: Seat | null } | null;
}

/** Seats that write for an entity; a validator approves what others write. */
const writingSeats = new Set<Seat>(['main', 'alternate', 'member']);

/**
 * Everyone signed in reads indicators and their data. The NMIRF secretariat (admins,
 * coordinators) defines indicators and enters any observation. The data owner entity's focal
 * points and contributors enter observations of their indicator for any place; an LRG's focal
 * points and contributors enter observations for their own territory only. Validators,
 * stakeholders and viewers only read.
 */
export function canIndicators(user: SessionUser, action: IndicatorsAction, record: ObservationRecord = {}): boolean {
  const manager = is(user.role, 'secretariat');
  switch (action) {
    case 'read':
      return true;
    case 'manage':
      return manager;
    case 'enterObservation': {
      if (manager) return true;
      if (!is(user.role, 'plans')) return false;
      if (record.ownerSeat && writingSeats.has(record.ownerSeat)) return true;
      const seat = record.place?.seat;
      return Boolean(seat && writingSeats.has(seat));
    }
  }
}
