import { sql } from 'kysely';
import type { Seat } from '../../../shared/schemas/entities';
import type { Executor } from '../../http/context';

function peopleQuery(db: Executor, entityId: string) {
  return db
    .selectFrom('entity_people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .where('p.entity_id', '=', entityId);
}

/** An entity's people, seats first (main, alternate, validator), then members by name. */
export async function findPeople(db: Executor, entityId: string, page: { page: number; pageSize: number }) {
  const base = peopleQuery(db, entityId);
  const [rows, count] = await Promise.all([
    base
      .select(['p.user_id', 'p.role as seat', 'u.name', 'u.email', 'u.organisation', 'u.role', 'u.status'])
      .orderBy(sql`array_position(array['main', 'alternate', 'validator', 'member'], p.role)`)
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findPerson(db: Executor, entityId: string, userId: string) {
  return peopleQuery(db, entityId)
    .select(['p.user_id', 'p.role as seat', 'u.name', 'u.email', 'u.organisation', 'u.role', 'u.status'])
    .where('p.user_id', '=', userId)
    .executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** Who holds a seat (main, alternate, validator) of the entity, if anyone. */
export function findSeatHolder(db: Executor, entityId: string, seat: Seat) {
  return db
    .selectFrom('entity_people')
    .select('user_id')
    .where('entity_id', '=', entityId)
    .where('role', '=', seat)
    .executeTakeFirst();
}

/** The seat a person holds in an entity, if any. */
export async function findSeatOf(db: Executor, entityId: string, userId: string): Promise<Seat | null> {
  const row = await db
    .selectFrom('entity_people')
    .select('role')
    .where('entity_id', '=', entityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function insertPerson(db: Executor, entityId: string, userId: string, seat: Seat): Promise<void> {
  await db.insertInto('entity_people').values({ entity_id: entityId, user_id: userId, role: seat }).execute();
}

export async function updateSeat(db: Executor, entityId: string, userId: string, seat: Seat): Promise<void> {
  await db
    .updateTable('entity_people')
    .set({ role: seat })
    .where('entity_id', '=', entityId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deletePerson(db: Executor, entityId: string, userId: string): Promise<number> {
  const result = await db
    .deleteFrom('entity_people')
    .where('entity_id', '=', entityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The active people holding the given seats of an entity, for mail. */
export function findSeatedPeople(db: Executor, entityId: string, seatsWanted: Seat[]) {
  return peopleQuery(db, entityId)
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('p.role', 'in', seatsWanted)
    .where('u.status', '=', 'active')
    .execute();
}
