import { seedReferenceData } from '../seed/reference-data';
import type { Database } from './database';
import { migrate } from './migrate';

/** Everything a database needs before the app serves: schema, then reference lists. */
export async function prepareDatabase(db: Database): Promise<string[]> {
  const applied = await migrate(db);
  await seedReferenceData(db);
  return applied;
}
