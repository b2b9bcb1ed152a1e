import type { Executor } from '../../http/context';

export function findSavedViews(db: Executor, userId: string) {
  return db.selectFrom('saved_views').selectAll().where('user_id', '=', userId).orderBy('name').execute();
}

export function findSavedViewByName(db: Executor, userId: string, name: string) {
  return db
    .selectFrom('saved_views')
    .select('id')
    .where('user_id', '=', userId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function insertSavedView(db: Executor, userId: string, name: string, query: Record<string, unknown>) {
  return db
    .insertInto('saved_views')
    .values({ user_id: userId, name, query: JSON.stringify(query) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteOwnSavedView(db: Executor, userId: string, id: string) {
  return db
    .deleteFrom('saved_views')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}
