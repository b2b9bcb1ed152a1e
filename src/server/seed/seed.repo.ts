import type { Executor } from '../http/context';

/** A database with no State profile has never been set up. */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('state_profile').select('id').executeTakeFirst();
  return !row;
}
