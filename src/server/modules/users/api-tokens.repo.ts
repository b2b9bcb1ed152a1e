import { type Insertable, type Selectable, sql } from 'kysely';
import type { ApiTokenQuery } from '../../../shared/schemas/api-tokens';
import type { ApiTokensTable, UserRow } from '../../db/schema';
import type { Executor } from '../../http/context';

export type ApiTokenRow = Selectable<ApiTokensTable>;
/** A token as lists show it: with its owner's and its creator's names. */
export type ApiTokenListRow = ApiTokenRow & { owner_name: string; owner_email: string; creator_name: string | null };

export function insertApiToken(
  db: Executor,
  token: Pick<
    Insertable<ApiTokensTable>,
    'token_hash' | 'prefix' | 'name' | 'scope' | 'user_id' | 'created_by' | 'expires_at'
  >,
): Promise<ApiTokenRow> {
  return db.insertInto('api_tokens').values(token).returningAll().executeTakeFirstOrThrow();
}

function listed(db: Executor) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as o', 'o.id', 't.user_id')
    .leftJoin('users as c', 'c.id', 't.created_by')
    .selectAll('t')
    .select(['o.name as owner_name', 'o.email as owner_email', 'c.name as creator_name']);
}

export function findApiTokenById(db: Executor, id: string): Promise<ApiTokenListRow | undefined> {
  return listed(db).where('t.id', '=', id).executeTakeFirst();
}

/** Newest first; the status filter is decided by the database's clock, as resolution is. */
export async function findApiTokens(
  db: Executor,
  query: ApiTokenQuery,
): Promise<{ rows: ApiTokenListRow[]; total: number }> {
  let filtered = db.selectFrom('api_tokens as t');
  if (query.status === 'revoked') filtered = filtered.where('t.revoked_at', 'is not', null);
  if (query.status === 'expired')
    filtered = filtered.where('t.revoked_at', 'is', null).where('t.expires_at', '<=', sql<Date>`now()`);
  if (query.status === 'active')
    filtered = filtered.where('t.revoked_at', 'is', null).where('t.expires_at', '>', sql<Date>`now()`);
  const ids = filtered.select('t.id');
  const [rows, count] = await Promise.all([
    listed(db)
      .where('t.id', 'in', ids)
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The token behind a bearer header with its owner, whatever its state: the caller tells why it fails. */
export async function findApiTokenForUse(
  db: Executor,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; expired: boolean; owner: UserRow } | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select([
      't.id as token_id',
      't.token_hash',
      't.prefix',
      't.name as token_name',
      't.scope',
      't.user_id',
      't.created_by',
      't.created_at as token_created_at',
      't.expires_at',
      't.last_used_at',
      't.revoked_at',
      't.revoked_by',
      sql<boolean>`t.expires_at <= now()`.as('expired'),
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    token_id,
    token_hash,
    prefix,
    token_name,
    scope,
    user_id,
    created_by,
    token_created_at,
    expires_at,
    last_used_at,
    revoked_at,
    revoked_by,
    expired,
    ...owner
  } = row;
  return {
    token: {
      id: token_id,
      token_hash,
      prefix,
      name: token_name,
      scope,
      user_id,
      created_by,
      created_at: token_created_at,
      expires_at,
      last_used_at,
      revoked_at,
      revoked_by,
    },
    expired,
    owner: owner as UserRow,
  };
}

export async function touchApiToken(db: Executor, id: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Revokes a live token; undefined when it was already revoked (or is not there). */
export function revokeApiTokenRow(db: Executor, id: string, by: string): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
