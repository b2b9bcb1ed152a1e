import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { AddPersonInput, EntityPerson, InvitePersonInput, Seat } from '../../../shared/schemas/entities';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { pgCode, uniqueViolation } from '../../lib/pg-errors';
import { recordAudit } from '../audit/audit.service';
import { findUserById, inviteWithin } from '../users/users.service';
import { canEntities } from './entities.policy';
import { findEntity } from './entities.repo';
import { requireCan } from './entities.service';
import {
  deletePerson,
  findPeople,
  findPerson,
  findSeatHolder,
  findSeatOf,
  insertPerson,
  type PersonRow,
  updateSeat,
} from './people.repo';

function present(row: PersonRow, withEmail = true): EntityPerson {
  return {
    userId: row.user_id,
    name: row.name,
    email: withEmail ? row.email : null,
    organisation: row.organisation,
    role: row.role,
    status: row.status,
    seat: row.seat,
  };
}

const seatTaken = () => new AppError('CONFLICT', { issues: [{ path: 'seat', message: 'issues.entity.seatTaken' }] });

async function requireEntity(db: Executor, id: string) {
  const entity = await findEntity(db, id);
  if (!entity) throw new AppError('NOT_FOUND');
  return entity;
}

/** A seat other than member has one holder: refused while someone else holds it. */
async function checkSeatFree(trx: Executor, entityId: string, seat: Seat, userId: string | null) {
  if (seat === 'member') return;
  const holder = await findSeatHolder(trx, entityId, seat);
  if (holder && holder.user_id !== userId) throw seatTaken();
}

async function audit(trx: Executor, actor: Actor, entityId: string, before: unknown, after: unknown) {
  await recordAudit(trx, actor, {
    action: before ? (after ? 'update' : 'delete') : 'create',
    recordType: 'entity_person',
    recordId: entityId,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  });
}

/** An entity's people, seats first, paged in the database. */
export async function listPeople(
  db: Database,
  actor: Actor,
  entityId: string,
  page: { page: number; pageSize: number },
): Promise<Page<EntityPerson>> {
  const user = requireCan(actor, 'read');
  await requireEntity(db, entityId);
  const { rows, total } = await findPeople(db, entityId, page);
  const withEmail = canEntities(user, 'managePeople');
  return { items: rows.map((row) => present(row, withEmail)), total, ...page };
}

/** Seats an existing person (not disabled) in an entity; one person may serve several entities. */
export async function addPerson(db: Database, actor: Actor, entityId: string, input: AddPersonInput) {
  requireCan(actor, 'managePeople');
  try {
    return await db.transaction().execute(async (trx) => {
      await requireEntity(trx, entityId);
      const user = await findUserById(trx, input.userId);
      if (!user)
        throw new AppError('VALIDATION', { issues: [{ path: 'userId', message: 'issues.entity.userNotFound' }] });
      if (user.status === 'disabled')
        throw new AppError('VALIDATION', { issues: [{ path: 'userId', message: 'issues.entity.userDisabled' }] });
      if (await findSeatOf(trx, entityId, user.id))
        throw new AppError('CONFLICT', { issues: [{ path: 'userId', message: 'issues.entity.alreadyServes' }] });
      await checkSeatFree(trx, entityId, input.seat, null);
      await insertPerson(trx, entityId, user.id, input.seat);
      const person = await findPerson(trx, entityId, user.id);
      if (!person) throw new AppError('INTERNAL');
      await audit(trx, actor, entityId, null, { userId: user.id, name: user.name, seat: input.seat });
      return present(person);
    });
  } catch (error) {
    // Two people given the same seat at once: the unique index keeps one.
    if (pgCode(error) === uniqueViolation) throw seatTaken();
    throw error;
  }
}

/**
 * Invites a new person by e-mail and seats them, in one transaction: the users module's
 * invitation (account, link, audit, mail queued), then the seat. A taken seat invites no one.
 */
export async function invitePerson(deps: Deps, actor: Actor, entityId: string, input: InvitePersonInput) {
  requireCan(actor, 'managePeople');
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await requireEntity(trx, entityId);
      await checkSeatFree(trx, entityId, input.seat, null);
      const { seat, ...invitation } = input;
      const { invitee } = await inviteWithin(trx, deps, actor, invitation);
      await insertPerson(trx, entityId, invitee.id, seat);
      const person = await findPerson(trx, entityId, invitee.id);
      if (!person) throw new AppError('INTERNAL');
      await audit(trx, actor, entityId, null, { userId: invitee.id, name: invitee.name, seat });
      return present(person);
    });
  } catch (error) {
    if (pgCode(error) === uniqueViolation) throw seatTaken();
    throw error;
  }
}

/** Moves a person to another seat of the same entity. */
export async function changeSeat(db: Database, actor: Actor, entityId: string, userId: string, seat: Seat) {
  requireCan(actor, 'managePeople');
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await findPerson(trx, entityId, userId);
      if (!before) throw new AppError('NOT_FOUND');
      if (before.seat !== seat) {
        await checkSeatFree(trx, entityId, seat, userId);
        await updateSeat(trx, entityId, userId, seat);
        await audit(
          trx,
          actor,
          entityId,
          { userId, name: before.name, seat: before.seat },
          { userId, name: before.name, seat },
        );
      }
      return present({ ...before, seat });
    });
  } catch (error) {
    if (pgCode(error) === uniqueViolation) throw seatTaken();
    throw error;
  }
}

/** Takes a person off an entity; their account stays. */
export async function removePerson(db: Database, actor: Actor, entityId: string, userId: string): Promise<void> {
  requireCan(actor, 'managePeople');
  await db.transaction().execute(async (trx) => {
    const before = await findPerson(trx, entityId, userId);
    if (!before || (await deletePerson(trx, entityId, userId)) === 0) throw new AppError('NOT_FOUND');
    await audit(trx, actor, entityId, { userId, name: before.name, seat: before.seat }, null);
  });
}

/** The seat a person holds in an entity, if any: what other modules' rules ask of a seat. */
export function seatOf(db: Executor, entityId: string, userId: string): Promise<Seat | null> {
  return findSeatOf(db, entityId, userId);
}
