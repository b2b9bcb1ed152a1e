import type { Insertable, Selectable } from 'kysely';
import type { EntitiesTable } from '../../db/schema';
import type { Executor } from '../../http/context';

export type EntityRow = Selectable<EntitiesTable>;

export function insertEntities(db: Executor, rows: Insertable<EntitiesTable>[]): Promise<EntityRow[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('entities').values(rows).returningAll().execute();
}
