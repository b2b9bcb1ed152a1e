import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type {
  ConnectHubInput,
  FederationShare,
  FederationShareState,
  HubLink,
  SharedPractice,
} from '../../../shared/schemas/federation';
import type { PracticePayload, ProfilePayload } from '../../../shared/schemas/hub';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { conflict, signedIn } from '../../lib/guards';
import { seal } from '../../lib/sealed';
import { recordAudit } from '../audit/audit.service';
import { getStateProfile } from '../state-profile/state-profile.service';
import { canFederation, type FederationAction } from './federation.policy';
import {
  clearNextTry,
  findHubLink,
  findOutstandingShares,
  findShare,
  findShareOfKind,
  findShares,
  type HubLinkRow,
  insertHubLink,
  insertShare,
  reviseShare,
  type ShareRow,
  updateHubLink,
} from './federation-national.repo';
import { queuePush, scheduleStatisticsRefresh } from './federation-push';
import { generateKeyPair } from './signatures';

// The national side (decision 038): the admin links the instance to a hub; the secretariat
// chooses what is published (its own practices, its profile, aggregate statistics). Every change
// of a chosen item queues its push in the same transaction.

function allowed(actor: Actor, action: FederationAction): SessionUser {
  const user = signedIn(actor);
  if (!canFederation(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

function presentLink(row: HubLinkRow): HubLink {
  return {
    state: row.state,
    hubUrl: row.hub_url,
    keyId: row.key_id,
    publicJwk: row.public_jwk,
    linkedAt: row.linked_at?.toISOString() ?? null,
    version: row.version,
  };
}

/** What the link row keeps in the audit trail: never the sealed token or key. */
function audited(row: HubLinkRow) {
  const { token_sealed: _token, private_key_sealed: _key, ...rest } = row;
  return rest;
}

export function stateOf(row: ShareRow): FederationShareState {
  const owed = row.shared ? !row.on_hub || row.sent_revision === null || row.sent_revision < row.revision : row.on_hub;
  if (!owed) return row.shared ? 'sent' : 'not_shared';
  return row.last_error ? 'failed' : 'pending';
}

function titleOf(row: ShareRow): string {
  if (row.kind !== 'practice') return row.kind;
  const texts = (row.payload as PracticePayload).texts;
  return Object.values(texts).find((text) => text?.title)?.title ?? '';
}

export function presentShare(row: ShareRow): FederationShare {
  return {
    id: row.id,
    kind: row.kind,
    title: titleOf(row),
    shared: row.shared,
    state: stateOf(row),
    revision: row.revision,
    sentRevision: row.sent_revision,
    sentAt: row.sent_at?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.last_error,
    nextTryAt: row.next_try_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export async function getHubLink(deps: Deps, actor: Actor): Promise<HubLink | null> {
  const user = signedIn(actor);
  if (!canFederation(user, 'linkHub') && !canFederation(user, 'share')) throw new AppError('FORBIDDEN');
  const row = await findHubLink(deps.db);
  return row ? presentLink(row) : null;
}

/** Makes the instance's key pair (or a new one while not linked); the private half is sealed. */
export async function createKey(deps: Deps, actor: Actor): Promise<HubLink> {
  const user = allowed(actor, 'linkHub');
  const key = generateKeyPair();
  const sealedKey = seal(deps.settings.encryptionKey, key.privateKeyPem);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findHubLink(trx, true);
    if (before && before.state !== 'key_only') conflict('Unlink from the hub before making a new key', 'state');
    const fields = { key_id: key.keyId, public_jwk: JSON.stringify(key.publicJwk), private_key_sealed: sealedKey };
    const row = before
      ? await updateHubLink(trx, before.version, fields)
      : await insertHubLink(trx, { ...fields, created_by: user.id });
    if (!row) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      recordType: 'federation_link',
      recordId: 'hub',
      ...(before ? { before: audited(before) } : {}),
      after: audited(row),
    });
    return presentLink(row);
  });
}

/** Links to the hub with the token its admin issued for this instance's key; queues what is chosen. */
export async function connectHub(deps: Deps, actor: Actor, input: ConnectHubInput): Promise<HubLink> {
  allowed(actor, 'linkHub');
  const link = await deps.db.transaction().execute(async (trx) => {
    const before = await findHubLink(trx, true);
    if (!before) conflict('Make the key pair first, and give its public key to the hub admin', 'state');
    if (before.state === 'unlinking') conflict('The instance is still unlinking from its hub', 'state');
    const row = await updateHubLink(trx, input.version, {
      state: 'linked',
      hub_url: input.hubUrl.replace(/\/+$/, ''),
      token_sealed: seal(deps.settings.encryptionKey, input.token),
      linked_at: before.state === 'linked' ? before.linked_at : new Date(),
    });
    if (!row) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'federation_link',
      recordId: 'hub',
      before: audited(before),
      after: audited(row),
    });
    for (const id of await findOutstandingShares(trx)) await queuePush(trx, deps, id);
    const statistics = await findShareOfKind(trx, 'statistics');
    if (statistics?.shared) await queuePush(trx, deps, statistics.id);
    return presentLink(row);
  });
  // The daily statistics refresh is claimed once a link exists (nothing when already scheduled).
  await scheduleStatisticsRefresh(deps, new Date().toISOString().slice(0, 10));
  return link;
}

/** Unlinks: one signed request withdraws everything from the hub, then the token is forgotten. */
export async function unlinkHub(deps: Deps, actor: Actor, version: number): Promise<HubLink> {
  allowed(actor, 'linkHub');
  const link = await deps.db.transaction().execute(async (trx) => {
    const before = await findHubLink(trx, true);
    if (before?.state !== 'linked') conflict('This instance is not linked to a hub', 'state');
    const row = await updateHubLink(trx, version, { state: 'unlinking' });
    if (!row) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'federation_link',
      recordId: 'hub',
      before: audited(before),
      after: audited(row),
    });
    await queuePush(trx, deps, null);
    return presentLink(row);
  });
  return link;
}

export async function listShares(
  deps: Deps,
  actor: Actor,
  query: { page: number; pageSize: number; kind?: 'practice' | 'profile' | 'statistics' | undefined },
): Promise<Page<FederationShare>> {
  const user = signedIn(actor);
  if (!canFederation(user, 'linkHub') && !canFederation(user, 'share')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findShares(deps.db, query.page, query.pageSize, query.kind);
  return { items: rows.map(presentShare), total, page: query.page, pageSize: query.pageSize };
}

function presentPractice(row: ShareRow): SharedPractice {
  return { ...presentShare(row), practice: row.payload as PracticePayload };
}

export async function getSharedPractice(deps: Deps, actor: Actor, id: string): Promise<SharedPractice> {
  allowed(actor, 'share');
  const row = await findShare(deps.db, id);
  if (row?.kind !== 'practice') throw new AppError('NOT_FOUND');
  return presentPractice(row);
}

async function afterChange(
  trx: Parameters<typeof queuePush>[0],
  deps: Deps,
  actor: Actor,
  before: ShareRow | null,
  row: ShareRow,
) {
  await recordAudit(trx, actor, {
    action: before ? 'update' : 'create',
    recordType: 'federation_share',
    recordId: row.id,
    ...(before ? { before } : {}),
    after: row,
  });
  // Sent only when it changes what the hub holds: chosen, or chosen before and now withdrawn.
  if (row.shared || row.on_hub) await queuePush(trx, deps, row.id);
}

export async function createSharedPractice(
  deps: Deps,
  actor: Actor,
  input: { practice: PracticePayload; shared: boolean },
): Promise<SharedPractice> {
  const user = allowed(actor, 'share');
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertShare(trx, {
      kind: 'practice',
      payload: JSON.stringify(input.practice),
      shared: input.shared,
      created_by: user.id,
    });
    await afterChange(trx, deps, actor, null, row);
    return presentPractice(row);
  });
}

export async function updateSharedPractice(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { practice: PracticePayload; shared: boolean; version: number },
): Promise<SharedPractice> {
  allowed(actor, 'share');
  return deps.db.transaction().execute(async (trx) => {
    const before = await findShare(trx, id, true);
    if (before?.kind !== 'practice') throw new AppError('NOT_FOUND');
    const row = await reviseShare(trx, id, input.version, {
      payload: JSON.stringify(input.practice),
      shared: input.shared,
    });
    if (!row) throw new AppError('STALE_VERSION');
    await afterChange(trx, deps, actor, before, row);
    return presentPractice(row);
  });
}

/** The profile to share: as stored, or prefilled from the State profile (not stored until saved). */
export async function getSharedProfile(deps: Deps, actor: Actor) {
  allowed(actor, 'share');
  const row = await findShareOfKind(deps.db, 'profile');
  if (row) return { share: presentShare(row), profile: row.payload as ProfilePayload };
  const state = await getStateProfile(deps.db, actor).catch(() => null);
  const profile: ProfilePayload = {
    mandate: state?.nmirfMandate ?? {},
    legalBasis: {},
    composition: {},
    secretariat: {},
    focalPoints: {},
    established: null,
    website: null,
    source: null,
  };
  return { share: null, profile };
}

export async function saveSharedProfile(
  deps: Deps,
  actor: Actor,
  input: { profile: ProfilePayload; shared: boolean; version: number | null },
) {
  const user = allowed(actor, 'share');
  return deps.db.transaction().execute(async (trx) => {
    const before = (await findShareOfKind(trx, 'profile')) ?? null;
    if (before && input.version === null) throw new AppError('STALE_VERSION');
    const row = before
      ? await reviseShare(trx, before.id, input.version ?? 0, {
          payload: JSON.stringify(input.profile),
          shared: input.shared,
        })
      : await insertShare(trx, {
          kind: 'profile',
          payload: JSON.stringify(input.profile),
          shared: input.shared,
          created_by: user.id,
        });
    if (!row) throw new AppError('STALE_VERSION');
    await afterChange(trx, deps, actor, before, row);
    return { share: presentShare(row), profile: row.payload as ProfilePayload };
  });
}

/** Whether the statistics are published; counted at each send from what the portal publishes. */
export async function chooseStatistics(
  deps: Deps,
  actor: Actor,
  input: { shared: boolean; version: number | null },
): Promise<FederationShare> {
  const user = allowed(actor, 'share');
  const share = await deps.db.transaction().execute(async (trx) => {
    const before = (await findShareOfKind(trx, 'statistics')) ?? null;
    if (before && input.version === null) throw new AppError('STALE_VERSION');
    const row = before
      ? await reviseShare(trx, before.id, input.version ?? 0, { shared: input.shared })
      : await insertShare(trx, { kind: 'statistics', payload: null, shared: input.shared, created_by: user.id });
    if (!row) throw new AppError('STALE_VERSION');
    await afterChange(trx, deps, actor, before, row);
    return presentShare(row);
  });
  await scheduleStatisticsRefresh(deps, new Date().toISOString().slice(0, 10));
  return share;
}

/** Sends an item again now (after a refused one was mended on the hub, or to skip the wait). */
export async function retryShare(deps: Deps, actor: Actor, id: string): Promise<FederationShare> {
  allowed(actor, 'share');
  return deps.db.transaction().execute(async (trx) => {
    const row = await findShare(trx, id, true);
    if (!row) throw new AppError('NOT_FOUND');
    await clearNextTry(trx, id);
    await queuePush(trx, deps, id);
    return presentShare({ ...row, next_try_at: null });
  });
}
