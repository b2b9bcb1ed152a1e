import { AppError } from '../../../shared/errors';
import type {
  ApiToken,
  ApiTokenQuery,
  ApiTokenStatus,
  CreateApiTokenInput,
  CreatedApiToken,
} from '../../../shared/schemas/api-tokens';
import type { Page } from '../../../shared/schemas/common';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { conflict, invalid, signedIn } from '../../lib/guards';
import { hashToken, newToken } from '../../lib/secrets';
import { recordAudit } from '../audit/audit.service';
import { canApiTokens } from './api-tokens.policy';
import {
  type ApiTokenListRow,
  type ApiTokenRow,
  findApiTokenById,
  findApiTokenForUse,
  findApiTokens,
  insertApiToken,
  revokeApiTokenRow,
  touchApiToken,
} from './api-tokens.repo';
import { presentSessionUser } from './users.presenter';
import { findUserByEmail } from './users.repo';

/** Every token starts so, so that secret scanners and people recognise one. */
export const apiTokenMarker = 'imp_';
const prefixLength = apiTokenMarker.length + 6;
/** "Last used" is kept to the minute: one write a minute per busy token, not one per request. */
const lastUsedResolutionMs = 60_000;

function statusOf(row: ApiTokenRow, now = new Date()): ApiTokenStatus {
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'active';
}

function present(row: ApiTokenListRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    status: statusOf(row),
    owner: { id: row.user_id, name: row.owner_name, email: row.owner_email },
    createdBy: row.creator_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** What the audit trail keeps of a token: never its hash. */
function audited(row: ApiTokenRow) {
  const { token_hash: _hash, ...rest } = row;
  return rest;
}

function manager(actor: Actor): SessionUser {
  const user = signedIn(actor);
  if (!canApiTokens(user, 'manage')) throw new AppError('FORBIDDEN');
  return user;
}

export async function listApiTokens(deps: Deps, actor: Actor, query: ApiTokenQuery): Promise<Page<ApiToken>> {
  manager(actor);
  const { rows, total } = await findApiTokens(deps.db, query);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Makes a token acting as the owner (the admin unless another active account is named) and
 * returns it once: only its SHA-256 is stored, as for sessions.
 */
export async function createApiToken(deps: Deps, actor: Actor, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const user = manager(actor);
  return deps.db.transaction().execute(async (trx) => {
    const owner = input.ownerEmail ? await findUserByEmail(trx, input.ownerEmail) : undefined;
    if (input.ownerEmail && owner?.status !== 'active')
      invalid('ownerEmail', `No active account has the e-mail ${input.ownerEmail}`);
    const secret = `${apiTokenMarker}${newToken()}`;
    const row = await insertApiToken(trx, {
      token_hash: hashToken(secret),
      prefix: secret.slice(0, prefixLength),
      name: input.name,
      scope: input.scope,
      user_id: owner?.id ?? user.id,
      created_by: user.id,
      expires_at: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    await recordAudit(trx, actor, { action: 'create', recordType: 'api_token', recordId: row.id, after: audited(row) });
    const listedRow = await findApiTokenById(trx, row.id);
    if (!listedRow) throw new AppError('INTERNAL');
    return { token: present(listedRow), secret };
  });
}

/** Ends a token at once; a revoked token stays listed (and audited) but answers 401. */
export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<ApiToken> {
  const user = manager(actor);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findApiTokenById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await revokeApiTokenRow(trx, id, user.id);
    if (!after) conflict('This token is already revoked');
    await recordAudit(trx, actor, {
      action: 'revoke',
      recordType: 'api_token',
      recordId: id,
      before: audited(before),
      after: audited(after),
    });
    return present({ ...before, ...after });
  });
}

export type ResolvedApiToken =
  | { ok: true; user: SessionUser; token: { id: string; scope: ApiToken['scope']; prefix: string } }
  | { ok: false; code: 'API_TOKEN_INVALID' | 'API_TOKEN_REVOKED' | 'API_TOKEN_EXPIRED' };

/**
 * The bearer token of a request: its owner and scope, or why it is refused. A token whose owner
 * was disabled is refused as revoked would be: the account it acts as no longer acts.
 */
export async function resolveApiToken(deps: Deps, secret: string): Promise<ResolvedApiToken> {
  if (!secret.startsWith(apiTokenMarker)) return { ok: false, code: 'API_TOKEN_INVALID' };
  const found = await findApiTokenForUse(deps.db, hashToken(secret));
  if (!found) return { ok: false, code: 'API_TOKEN_INVALID' };
  const { token, owner, expired } = found;
  if (token.revoked_at || owner.status !== 'active') return { ok: false, code: 'API_TOKEN_REVOKED' };
  if (expired) return { ok: false, code: 'API_TOKEN_EXPIRED' };
  if (!token.last_used_at || Date.now() - token.last_used_at.getTime() > lastUsedResolutionMs)
    await touchApiToken(deps.db, token.id);
  return {
    ok: true,
    user: presentSessionUser(owner),
    token: { id: token.id, scope: token.scope, prefix: token.prefix },
  };
}

/**
 * A token made by another module within its own transaction and rules (a hub's federation link,
 * decision 038, issues a `federate` token): returned once, stored as its hash, audited here.
 */
export async function issueApiTokenWithin(
  trx: Executor,
  actor: Actor,
  token: { name: string; scope: ApiToken['scope']; ownerId: string; expiresAt: Date },
): Promise<{ id: string; prefix: string; secret: string }> {
  const secret = `${apiTokenMarker}${newToken()}`;
  const row = await insertApiToken(trx, {
    token_hash: hashToken(secret),
    prefix: secret.slice(0, prefixLength),
    name: token.name,
    scope: token.scope,
    user_id: token.ownerId,
    created_by: actor.user?.id ?? null,
    expires_at: token.expiresAt,
  });
  await recordAudit(trx, actor, { action: 'create', recordType: 'api_token', recordId: row.id, after: audited(row) });
  return { id: row.id, prefix: row.prefix, secret };
}

/** Ends a token within another module's transaction (a revoked federation link); false if already ended. */
export async function revokeApiTokenWithin(trx: Executor, actor: Actor, id: string): Promise<boolean> {
  const before = await findApiTokenById(trx, id);
  if (!before || !actor.user) return false;
  const after = await revokeApiTokenRow(trx, id, actor.user.id);
  if (!after) return false;
  await recordAudit(trx, actor, {
    action: 'revoke',
    recordType: 'api_token',
    recordId: id,
    before: audited(before),
    after: audited(after),
  });
  return true;
}
