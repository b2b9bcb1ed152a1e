import { sql } from 'kysely';
import type { UserRow } from '../../db/schema';
import type { Executor } from '../../http/context';

export async function insertSession(
  db: Executor,
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** A live session with its active user, or nothing. */
export async function findLiveSession(
  db: Executor,
  id: string,
): Promise<{ csrfToken: string; publicId: string; lastSeenAt: Date; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.public_id', 's.last_seen_at'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  const { csrf_token, public_id, last_seen_at, ...user } = row;
  return { csrfToken: csrf_token, publicId: public_id, lastSeenAt: last_seen_at, user };
}

/** Refreshes when a session was last used; the caller skips it while the last refresh is recent. */
export async function touchSession(db: Executor, id: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export interface SessionRow {
  id: string;
  public_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** A person's live sessions, the most recently used first. */
export function findLiveSessionsOf(db: Executor, userId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Ends one of a person's sessions by its public id; the deleted row, if it was theirs. */
export function deleteSessionOf(db: Executor, userId: string, publicId: string): Promise<SessionRow | undefined> {
  return db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .returning(['id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .executeTakeFirst();
}

/** Ends a person's sessions but one (the one asking); how many ended. */
export async function deleteSessionsOfExcept(db: Executor, userId: string, keepId: string | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) query = query.where('id', '!=', keepId);
  const rows = await query.returning('id').execute();
  return rows.length;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).execute();
}
