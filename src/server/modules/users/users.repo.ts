import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { UserListQuery } from '../../../shared/schemas/identity';
import type { NewUser, UserRow, UserTokensTable, UserUpdate } from '../../db/schema';
import type { Executor } from '../../http/context';
import { updateAtVersion } from '../../lib/versioned';

export type TokenRow = Selectable<UserTokensTable>;

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

/** Optimistic update: only when the stored version is the one the caller read. */
export function updateUserAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: UserUpdate,
): Promise<UserRow | undefined> {
  return updateAtVersion(db, 'users', id, version, patch).returningAll().executeTakeFirst();
}

/** Bookkeeping updates (failed sign-in counters) that must not bump the version users edit. */
export async function updateUserCounters(
  db: Executor,
  id: string,
  patch: Pick<UserUpdate, 'failed_sign_ins' | 'locked_until' | 'last_sign_in_at'>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function findUsers(db: Executor, query: UserListQuery): Promise<{ rows: UserRow[]; total: number }> {
  let base = db.selectFrom('users');
  if (query.role) base = base.where('role', '=', query.role);
  if (query.status) base = base.where('status', '=', query.status);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where((eb) =>
      eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like), eb('organisation', 'ilike', like)]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function insertToken(
  db: Executor,
  token: Pick<TokenRow, 'kind' | 'token_hash' | 'user_id' | 'created_by' | 'expires_at'>,
): Promise<TokenRow> {
  return db.insertInto('user_tokens').values(token).returningAll().executeTakeFirstOrThrow();
}

export function findToken(db: Executor, tokenHash: string): Promise<TokenRow | undefined> {
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Locks the token row so that two uses of one link cannot both succeed. */
export function findTokenForUse(db: Executor, tokenHash: string): Promise<TokenRow | undefined> {
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function markTokenUsed(db: Executor, id: string): Promise<void> {
  await db.updateTable('user_tokens').set({ used_at: sql`now()` }).where('id', '=', id).execute();
}

export async function revokeOpenTokens(db: Executor, userId: string, kind: TokenRow['kind']): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export type InvitationRow = TokenRow & { email: string; name: string; role: string; invited_by: string | null };

export function findInvitationById(db: Executor, id: string): Promise<InvitationRow | undefined> {
  return invitationsQuery(db).where('t.id', '=', id).executeTakeFirst();
}

export async function findInvitations(
  db: Executor,
  query: { status?: 'pending' | 'accepted' | 'expired' | 'revoked'; page: number; pageSize: number },
): Promise<{ rows: InvitationRow[]; total: number }> {
  let base = invitationsQuery(db);
  switch (query.status) {
    case 'accepted':
      base = base.where('t.used_at', 'is not', null);
      break;
    case 'revoked':
      base = base.where('t.revoked_at', 'is not', null).where('t.used_at', 'is', null);
      break;
    case 'expired':
      base = base
        .where('t.used_at', 'is', null)
        .where('t.revoked_at', 'is', null)
        .where('t.expires_at', '<=', sql<Date>`now()`);
      break;
    case 'pending':
      base = base
        .where('t.used_at', 'is', null)
        .where('t.revoked_at', 'is', null)
        .where('t.expires_at', '>', sql<Date>`now()`);
      break;
  }
  const [rows, count] = await Promise.all([
    base
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

function invitationsQuery(db: Executor) {
  return db
    .selectFrom('user_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .leftJoin('users as inviter', 'inviter.id', 't.created_by')
    .where('t.kind', '=', 'invitation')
    .selectAll('t')
    .select(['u.email', 'u.name', 'u.role', 'inviter.name as invited_by']);
}

/** Signs a person out everywhere (a disabled account). */
export async function deleteSessionsOf(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
