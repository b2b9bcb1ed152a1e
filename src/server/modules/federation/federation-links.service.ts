import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type {
  CreateFederationLinkInput,
  FederationLink,
  FederationOrigin,
  MemberStatistics,
  StatisticsPayload,
} from '../../../shared/schemas/federation';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { conflict, signedIn } from '../../lib/guards';
import { removeHubDocuments } from '../../lib/hub-index';
import { recordAudit } from '../audit/audit.service';
import { withdrawFromOrigin } from '../practices/practices.service';
import { issueApiTokenWithin, revokeApiTokenWithin } from '../users/api-tokens.service';
import { canFederation } from './federation.policy';
import {
  deleteStatistics,
  type FederationLinkListRow,
  findLinkById,
  findLinkByKeyId,
  findLinkPractices,
  findLinks,
  findMemberStatistics,
  findMembersToLink,
  findPracticeOrigin,
  findProfileOriginOf,
  insertLink,
  memberExists,
  revokeLinkRow,
  unpublishLinkProfile,
  withdrawPracticeRow,
} from './federation-hub.repo';
import { jwkThumbprint, publicKeyOf } from './signatures';

// The hub admin's side of federation (decision 038): a link per member instance registers the
// instance's public key and issues a `federate` token, shown once; revoking it withdraws all that
// came through it and ends the token.

function admin(actor: Actor): SessionUser {
  const user = signedIn(actor);
  if (!canFederation(user, 'manageLinks')) throw new AppError('FORBIDDEN');
  return user;
}

function present(row: FederationLinkListRow): FederationLink {
  return {
    id: row.id,
    memberId: row.member_id,
    memberName: row.member_name,
    countryCode: row.country_code,
    instanceName: row.instance_name,
    keyId: row.key_id,
    publicJwk: row.public_jwk,
    status: row.status,
    tokenPrefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    lastReceivedAt: row.last_received_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    practices: row.practices,
  };
}

export async function listFederationLinks(
  deps: Deps,
  actor: Actor,
  query: { page: number; pageSize: number },
): Promise<Page<FederationLink>> {
  admin(actor);
  const { rows, total } = await findLinks(deps.db, query.page, query.pageSize);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

export async function createFederationLink(
  deps: Deps,
  actor: Actor,
  input: CreateFederationLinkInput,
): Promise<{ link: FederationLink; token: string }> {
  const user = admin(actor);
  try {
    publicKeyOf(input.publicJwk);
  } catch {
    throw new AppError('VALIDATION', { issues: [{ path: 'publicJwk.x', message: 'not an Ed25519 public key' }] });
  }
  const keyId = jwkThumbprint(input.publicJwk);
  if (input.publicJwk.kid && input.publicJwk.kid !== keyId)
    throw new AppError('VALIDATION', {
      issues: [{ path: 'publicJwk.kid', message: `the key's thumbprint is ${keyId}, not ${input.publicJwk.kid}` }],
    });
  return deps.db.transaction().execute(async (trx) => {
    const member = await memberExists(trx, input.memberId);
    if (!member) throw new AppError('VALIDATION', { issues: [{ path: 'memberId', message: 'no such member' }] });
    const existing = await findLinkByKeyId(trx, keyId);
    if (existing)
      throw new AppError('CONFLICT', {
        issues: [{ path: 'publicJwk', message: 'this key is already registered (a revoked link keeps its key)' }],
      });
    const token = await issueApiTokenWithin(trx, actor, {
      name: `Federation: ${input.instanceName}`.slice(0, 200),
      scope: 'federate',
      ownerId: user.id,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    const row = await insertLink(trx, {
      member_id: input.memberId,
      instance_name: input.instanceName,
      key_id: keyId,
      public_jwk: JSON.stringify({ ...input.publicJwk, kid: keyId }),
      api_token_id: token.id,
      created_by: user.id,
    });
    await recordAudit(trx, actor, { action: 'create', recordType: 'federation_link', recordId: row.id, after: row });
    const listedRow = await findLinkById(trx, row.id);
    if (!listedRow) throw new AppError('INTERNAL');
    return { link: present(listedRow), token: token.secret };
  });
}

/** Withdraws every practice, the profile and the statistics a link brought, in the caller's transaction. */
export async function withdrawEverythingOf(trx: Executor, linkId: string): Promise<number> {
  const practices = await findLinkPractices(trx, linkId);
  for (const id of practices) {
    await withdrawPracticeRow(trx, id, null);
    await withdrawFromOrigin(trx, id);
  }
  for (const memberId of await unpublishLinkProfile(trx, linkId)) await removeHubDocuments(trx, 'profile', memberId);
  await deleteStatistics(trx, linkId);
  return practices.length;
}

export async function revokeFederationLink(deps: Deps, actor: Actor, id: string): Promise<FederationLink> {
  const user = admin(actor);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findLinkById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await revokeLinkRow(trx, id, user.id);
    if (!after) conflict('This link is already revoked');
    if (before.api_token_id) await revokeApiTokenWithin(trx, actor, before.api_token_id);
    const withdrawn = await withdrawEverythingOf(trx, id);
    await recordAudit(trx, actor, {
      action: 'revoke',
      recordType: 'federation_link',
      recordId: id,
      before,
      after: { ...after, withdrawnPractices: withdrawn },
    });
    const listedRow = await findLinkById(trx, id);
    if (!listedRow) throw new AppError('INTERNAL');
    return present(listedRow);
  });
}

/** "From <instance name>, synced <time>" of a federated practice; null for one written on the hub. */
export async function practiceOrigin(db: Executor, practiceId: string): Promise<FederationOrigin | null> {
  const row = await findPracticeOrigin(db, practiceId);
  if (!row?.received_at) return null;
  return {
    instanceName: row.instance_name,
    receivedAt: row.received_at.toISOString(),
    revision: row.origin_revision ?? 0,
  };
}

/** The same for a member's profile. */
export async function profileOrigin(db: Executor, memberId: string): Promise<FederationOrigin | null> {
  const row = await findProfileOriginOf(db, memberId);
  if (!row?.received_at) return null;
  return {
    instanceName: row.instance_name,
    receivedAt: row.received_at.toISOString(),
    revision: row.origin_revision ?? 0,
  };
}

/** A member's latest aggregates (public: aggregates only); undefined when none arrived. */
export async function memberStatistics(
  db: Executor,
  memberId: string,
): Promise<(MemberStatistics & { memberName: string }) | undefined> {
  const row = await findMemberStatistics(db, memberId);
  if (!row) return undefined;
  return {
    memberId: row.member_id,
    memberName: row.member_name,
    origin: { instanceName: row.instance_name, receivedAt: row.received_at.toISOString(), revision: row.revision },
    statistics: row.payload as StatisticsPayload,
  };
}

export async function membersToLink(deps: Deps, actor: Actor, q: string) {
  admin(actor);
  const rows = await findMembersToLink(deps.db, q);
  return rows.map((row) => ({ id: row.id, name: row.name, countryCode: row.country_code }));
}
