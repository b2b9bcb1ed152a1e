import { AppError } from '../../../shared/errors';
import type {
  HubNetworkInput,
  HubNetworkView,
  HubProfileView,
  UpdateHubProfileInput,
} from '../../../shared/schemas/hub-profiles';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { conflict, invalid, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { publicPagesChanged, reindexNetwork, reindexProfile } from './hub-profiles.index';
import { canHubProfiles } from './hub-profiles.policy';
import {
  actsForMember,
  ensureProfile,
  existingMemberIds,
  findMemberById,
  findNetworkById,
  findNetworks,
  type HubNetworkRow,
  type HubProfileRow,
  insertNetwork,
  networkNameTaken,
  setNetworkMembers,
  updateNetworkAtVersion,
  updateProfileAtVersion,
} from './hub-profiles.repo';

// A member's profile (the Knowledge Gateway's fields, per language) and the hub's networks.

function presentProfile(row: HubProfileRow, canEdit: boolean): HubProfileView {
  return {
    memberId: row.member_id,
    mandate: row.mandate,
    legalBasis: row.legal_basis,
    composition: row.composition,
    secretariat: row.secretariat,
    focalPoints: row.focal_points,
    established: row.established,
    website: row.website,
    source: row.source,
    published: row.published,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    canEdit,
  };
}

/** The member's profile, for someone who may edit it; NOT_FOUND for an unknown member. */
async function editable(db: Executor, actor: Actor, memberId: string): Promise<HubProfileRow> {
  const user = signedIn(actor);
  const [member, acts] = await Promise.all([findMemberById(db, memberId), actsForMember(db, user.id, memberId)]);
  if (!member) throw new AppError('NOT_FOUND');
  if (!canHubProfiles(user, 'editProfile', { actsForMember: acts })) throw new AppError('FORBIDDEN');
  return ensureProfile(db, memberId);
}

export async function getHubProfile(deps: Deps, actor: Actor, memberId: string): Promise<HubProfileView> {
  return presentProfile(await editable(deps.db, actor, memberId), true);
}

export async function updateHubProfile(
  deps: Deps,
  actor: Actor,
  memberId: string,
  input: UpdateHubProfileInput,
): Promise<HubProfileView> {
  const view = await deps.db.transaction().execute(async (trx) => {
    const before = await editable(trx, actor, memberId);
    const after = await updateProfileAtVersion(trx, memberId, input.version, {
      mandate: JSON.stringify(input.mandate),
      legal_basis: JSON.stringify(input.legalBasis),
      composition: JSON.stringify(input.composition),
      secretariat: JSON.stringify(input.secretariat),
      focal_points: JSON.stringify(input.focalPoints),
      established: input.established,
      website: input.website,
      source: input.source,
    });
    if (!after) throw new AppError('STALE_VERSION');
    if (after.published && !Object.values(after.mandate).some((text) => text?.trim()))
      invalid('mandate', 'issues.hubProfiles.mandateRequired');
    await reindexProfile(trx, memberId);
    await recordAudit(trx, actor, { action: 'update', recordType: 'hub_profile', recordId: memberId, before, after });
    return presentProfile(after, true);
  });
  publicPagesChanged(deps.db);
  return view;
}

/**
 * Publishes or unpublishes a profile. A published profile states at least the mandate in one
 * language and names its source; an unpublished one leaves the public pages and the search at once.
 */
export async function publishHubProfile(
  deps: Deps,
  actor: Actor,
  memberId: string,
  input: { published: boolean; version: number },
): Promise<HubProfileView> {
  const view = await deps.db.transaction().execute(async (trx) => {
    const before = await editable(trx, actor, memberId);
    if (before.published === input.published)
      conflict(
        input.published ? 'issues.hubProfiles.alreadyPublished' : 'issues.hubProfiles.notPublished',
        'published',
      );
    if (input.published) {
      const member = await findMemberById(trx, memberId);
      if (member?.status !== 'active') conflict('issues.hubProfiles.memberWithdrawn');
      if (!Object.values(before.mandate).some((text) => text?.trim()))
        invalid('mandate', 'issues.hubProfiles.mandateRequired');
      if (!before.source?.trim()) invalid('source', 'issues.hubProfiles.sourceRequired');
    }
    const after = await updateProfileAtVersion(trx, memberId, input.version, { published: input.published });
    if (!after) throw new AppError('STALE_VERSION');
    await reindexProfile(trx, memberId);
    await recordAudit(trx, actor, { action: 'update', recordType: 'hub_profile', recordId: memberId, before, after });
    return presentProfile(after, true);
  });
  publicPagesChanged(deps.db);
  return view;
}

function presentNetwork(row: HubNetworkRow): HubNetworkView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameI18n: row.name_i18n,
    descriptionI18n: row.description_i18n,
    website: row.website,
    memberIds: row.member_ids,
    version: row.version,
  };
}

export async function listHubNetworks(deps: Deps, actor: Actor): Promise<{ items: HubNetworkView[] }> {
  if (!canHubProfiles(signedIn(actor), 'listMembers')) throw new AppError('FORBIDDEN');
  return { items: (await findNetworks(deps.db)).map(presentNetwork) };
}

async function checkNetwork(db: Executor, input: HubNetworkInput, exceptId?: string) {
  if (await networkNameTaken(db, input.name, exceptId)) invalid('name', 'issues.hubProfiles.networkNameTaken');
  const known = await existingMemberIds(db, input.memberIds);
  const unknown = input.memberIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) invalid(`memberIds.${unknown}`, 'issues.hubProfiles.unknownMember');
}

const networkColumns = (input: HubNetworkInput) => ({
  kind: input.kind,
  name: input.name,
  name_i18n: JSON.stringify(input.nameI18n),
  description_i18n: JSON.stringify(input.descriptionI18n),
  website: input.website,
});

/** Writes a network and its members; the members whose networks changed get their search facets anew. */
export async function saveHubNetwork(
  deps: Deps,
  actor: Actor,
  id: string | null,
  input: HubNetworkInput & { version?: number },
): Promise<HubNetworkView> {
  if (!canHubProfiles(signedIn(actor), 'manageNetworks')) throw new AppError('FORBIDDEN');
  const memberIds = [...new Set(input.memberIds)];
  const view = await deps.db.transaction().execute(async (trx) => {
    const before = id ? await findNetworkById(trx, id) : undefined;
    if (id && !before) throw new AppError('NOT_FOUND');
    await checkNetwork(trx, { ...input, memberIds }, id ?? undefined);
    let networkId: string;
    if (id) {
      if (!(await updateNetworkAtVersion(trx, id, input.version ?? 0, networkColumns(input))))
        throw new AppError('STALE_VERSION');
      networkId = id;
    } else networkId = await insertNetwork(trx, networkColumns(input));
    const { added, removed } = await setNetworkMembers(trx, networkId, memberIds);
    for (const memberId of [...added, ...removed]) await reindexProfile(trx, memberId);
    await reindexNetwork(trx, networkId);
    const after = await findNetworkById(trx, networkId);
    if (!after) throw new AppError('INTERNAL');
    await recordAudit(trx, actor, {
      action: id ? 'update' : 'create',
      recordType: 'hub_network',
      recordId: networkId,
      before: before ?? null,
      after,
    });
    return presentNetwork(after);
  });
  publicPagesChanged(deps.db);
  return view;
}
