import type { Seat } from './schemas/entities';
import { type Role, roles } from './schemas/identity';

/**
 * What each role is, in the words the policies use. The policies, the scope rule and the queries
 * that pick people by role read these traits, never a role's name: a new role is one row here
 * (the type makes it required), its label in the catalogues, and a column in each policy's table
 * test. The web reads none of this: it reads the capabilities the server sends with the session.
 */
export interface RoleTraits {
  /** The NMIRF secretariat: keeps the register, entities, calls, reports and the calendar. */
  secretariat: boolean;
  /** Runs the installation: people's roles, the audit trail, the outbox, the API docs. */
  administers: boolean;
  /** Gets the secretariat's work mail: updates to validate, the calendar's reminder digest. */
  coordinates: boolean;
  /** Acts for the entities where they hold a seat, and reads only what is assigned to those. */
  actsForEntities: boolean;
  /** Plans their entity's actions and enters its indicator data, from a writing seat. */
  plans: boolean;
  /** Delegates their entity's assignments down the LRG hierarchy, from a main or alternate seat. */
  delegates: boolean;
  /** Endorses their entity's progress updates: has a queue of updates to validate. */
  endorses: boolean;
  /** Consulted on reports (NHRIs, civil society): comments on a report open for consultation. */
  consulted: boolean;
  /** Reads only: writes nothing for an entity, whatever seat they hold. */
  readsOnly: boolean;
  /** A knowledge hub's account (decision 034): takes part in the hub, never in a national register. */
  hubAccount: boolean;
  /** Shares for a member NMIRF on a hub: submits practices, edits its profile, posts, self-assesses. */
  sharesPractice: boolean;
  /** Moderates a hub: publishes or returns submitted practices, hides posts, bans accounts. */
  moderatesHub: boolean;
}

const no: RoleTraits = {
  secretariat: false,
  administers: false,
  coordinates: false,
  actsForEntities: false,
  plans: false,
  delegates: false,
  endorses: false,
  consulted: false,
  readsOnly: false,
  hubAccount: false,
  sharesPractice: false,
  moderatesHub: false,
};
const hub: RoleTraits = { ...no, hubAccount: true };

export const roleTraits: Record<Role, RoleTraits> = {
  admin: { ...no, secretariat: true, administers: true },
  coordinator: { ...no, secretariat: true, coordinates: true },
  focal_point: { ...no, actsForEntities: true, plans: true, delegates: true },
  validator: { ...no, actsForEntities: true, endorses: true },
  contributor: { ...no, actsForEntities: true, plans: true },
  stakeholder: { ...no, consulted: true, readsOnly: true },
  viewer: { ...no, readsOnly: true },
  hub_admin: { ...hub, administers: true, sharesPractice: true, moderatesHub: true },
  moderator: { ...hub, sharesPractice: true, moderatesHub: true },
  member: { ...hub, sharesPractice: true },
  reader: { ...hub, readsOnly: true },
};

/** Whether a role has a trait: `is(user.role, 'secretariat')`. */
export function is(role: Role, trait: keyof RoleTraits): boolean {
  return roleTraits[role][trait];
}

/** The roles having a trait, for a query that picks people by role. */
export function rolesWith(trait: keyof RoleTraits): Role[] {
  return roles.filter((role) => roleTraits[role][trait]);
}

/** The role an invitee gets by default for a seat. */
export const roleForSeat: Record<Seat, Role> = {
  main: 'focal_point',
  alternate: 'focal_point',
  validator: 'validator',
  member: 'contributor',
};
