import { sql } from 'kysely';
import type { SignInMethod } from '../../../shared/schemas/identity';
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
    /** Opened by the password alone: usable only for the second step. */
    secondFactorPending?: boolean;
    method?: SignInMethod;
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
      second_factor_pending: session.secondFactorPending ?? false,
      sign_in_method: session.method ?? 'password',
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
    .where('s.second_factor_pending', '=', false)
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
  sign_in_method: SignInMethod;
}

/** A person's live sessions, the most recently used first. */
export function findLiveSessionsOf(db: Executor, userId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .select(['id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent', 'sign_in_method'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('second_factor_pending', '=', false)
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
    .returning(['id', 'public_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent', 'sign_in_method'])
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

/** A session waiting for its second factor, counting this attempt; locked for update. */
export async function takePendingSession(
  db: Executor,
  id: string,
): Promise<{ userId: string; attempts: number } | undefined> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ second_factor_attempts: eb('second_factor_attempts', '+', 1) }))
    .where('id', '=', id)
    .where('second_factor_pending', '=', true)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id', 'second_factor_attempts'])
    .executeTakeFirst();
  return row ? { userId: row.user_id, attempts: row.second_factor_attempts } : undefined;
}

export interface TotpColumns {
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
}

export async function findTotp(db: Executor, userId: string): Promise<TotpColumns | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, totp_last_step: row.totp_last_step === null ? null : Number(row.totp_last_step) } : undefined;
}

export async function setTotp(db: Executor, userId: string, change: Partial<TotpColumns>): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', userId).execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length > 0)
    await db
      .insertInto('user_recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
}

export function findUnusedRecoveryCodes(db: Executor, userId: string): Promise<{ id: string; code_hash: string }[]> {
  return db
    .selectFrom('user_recovery_codes')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Marks a recovery code used, if nobody used it in the meantime. */
export async function spendRecoveryCode(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .updateTable('user_recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Every stored two-step secret, confirmed or waiting for its first code (for sealing at start-up). */
export function findStoredTotpSecrets(
  db: Executor,
): Promise<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'totp_secret', 'totp_pending_secret'])
    .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)]))
    .forUpdate()
    .execute();
}
