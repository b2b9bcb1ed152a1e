import type { Insertable, Updateable } from 'kysely';
import type { StateProfileRow, StateProfileTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { updateAtVersion } from '../../lib/versioned';

export function findStateProfile(db: Executor): Promise<StateProfileRow | undefined> {
  return db.selectFrom('state_profile').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function insertStateProfile(db: Executor, profile: Insertable<StateProfileTable>): Promise<void> {
  await db
    .insertInto('state_profile')
    .values({ ...profile, id: 1 })
    .execute();
}

export function updateStateProfileAtVersion(
  db: Executor,
  version: number,
  patch: Updateable<StateProfileTable>,
): Promise<StateProfileRow | undefined> {
  return updateAtVersion(db, 'state_profile', 1, version, patch).returningAll().executeTakeFirst();
}

export async function countEntitiesByKind(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('entities')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
}

/** The LRG levels that entities use: a level cannot lose its name while an LRG sits at it. */
export async function findLevelsInUse(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('entities')
    .select('lrg_level')
    .distinct()
    .where('lrg_level', 'is not', null)
    .execute();
  return rows.map((row) => Number(row.lrg_level));
}
