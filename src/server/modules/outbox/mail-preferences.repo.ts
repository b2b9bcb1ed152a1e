import { sql } from 'kysely';
import type { Executor } from '../../http/context';

/** The kinds of mail a person may turn off, each a column `<kind>_by_email` of notification_preferences. */
export type MailKind = 'calls' | 'actions' | 'indicators' | 'calendar';
const columnOf = (kind: MailKind) => `${kind}_by_email` as const;

/** Whether a person wants this kind of mail (yes until they say otherwise). */
export async function readMailPreference(db: Executor, userId: string, kind: MailKind): Promise<boolean> {
  const column = columnOf(kind);
  const row = await db
    .selectFrom('notification_preferences')
    .select(column)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (row as Record<string, boolean> | undefined)?.[column] ?? true;
}

export async function writeMailPreference(db: Executor, userId: string, kind: MailKind, value: boolean): Promise<void> {
  const column = columnOf(kind);
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, [column]: value })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ [column]: value, updated_at: sql`now()` }))
    .execute();
}

/**
 * The main and alternate focal points of these entities who get this kind of mail: active
 * accounts that have not turned it off. Members and validators are not mailed.
 */
export function mailedFocalPoints(db: Executor, entityIds: string[], kind: MailKind) {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entity_people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .leftJoin('notification_preferences as n', 'n.user_id', 'u.id')
    .select(['p.entity_id', 'e.name as entity_name', 'u.id', 'u.name', 'u.email', 'u.locale'])
    .where('p.entity_id', 'in', entityIds)
    .where('p.role', 'in', ['main', 'alternate'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`coalesce(${sql.ref(`n.${columnOf(kind)}`)}, true)`)
    .orderBy('e.name')
    .orderBy('p.role')
    .execute();
}
