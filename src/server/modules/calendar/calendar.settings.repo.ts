import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import { updateAtVersion } from '../../lib/versioned';

// The installation's reminder days, a person's reminder preference, feed tokens.

export async function findSettings(db: Executor) {
  const row = await db
    .selectFrom('calendar_settings')
    .select(['remind_days', 'version'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { remindDays: row.remind_days.map(Number), version: row.version };
}

export async function updateSettingsAtVersion(db: Executor, remindDays: number[], version: number): Promise<boolean> {
  const result = await updateAtVersion(db, 'calendar_settings', 1, version, {
    remind_days: remindDays,
  }).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findFeedToken(db: Executor, userId: string) {
  return db
    .selectFrom('calendar_feed_tokens')
    .select(['created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Replaces the person's token (the old address stops working at once). */
export async function upsertFeedToken(db: Executor, userId: string, tokenHash: string): Promise<void> {
  await db
    .insertInto('calendar_feed_tokens')
    .values({ user_id: userId, token_hash: tokenHash })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: sql`now()`, last_used_at: null }),
    )
    .execute();
}

export async function deleteFeedToken(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_feed_tokens').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The active account a feed token belongs to, marking it used. */
export async function findFeedOwner(db: Executor, tokenHash: string) {
  const row = await db
    .updateTable('calendar_feed_tokens as f')
    .from('users as u')
    .set({ last_used_at: sql`now()` })
    .whereRef('u.id', '=', 'f.user_id')
    .where('f.token_hash', '=', tokenHash)
    .where('u.status', '=', 'active')
    .returning(['u.id', 'u.locale', 'u.role'])
    .executeTakeFirst();
  return row;
}
