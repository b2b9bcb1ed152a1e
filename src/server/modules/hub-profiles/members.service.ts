import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { is } from '../../../shared/roles';
import type { Page } from '../../../shared/schemas/common';
import type {
  AddHubMemberPersonInput,
  HubMemberInput,
  HubMemberListQuery,
  HubMemberPerson,
  HubMemberView,
} from '../../../shared/schemas/hub-profiles';
import type { Role } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { conflict, invalid, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { inviteWithin } from '../users/users.service';
import { publicPagesChanged, reindexProfile } from './hub-profiles.index';
import { canHubProfiles } from './hub-profiles.policy';
import {
  addPersonToMember,
  countryExists,
  findCountries,
  findMemberById,
  findMembers,
  findPeopleOfMember,
  findUserForMember,
  type HubMemberRow,
  insertMember,
  memberIdsOfUser,
  memberNameTaken,
  removePersonFromMember,
  updateMemberAtVersion,
} from './hub-profiles.repo';

// The hub admin's list of members (NMIRFs, one country each) and who acts for each (decision 035).

export function presentMember(row: HubMemberRow, locale: Locale): HubMemberView {
  return {
    id: row.id,
    countryCode: row.country_code,
    countryName: row.country_name?.[locale] ?? row.country_name?.en ?? row.country_code,
    name: row.name,
    nameI18n: row.name_i18n,
    acronym: row.acronym,
    systemOfGovernment: row.system_of_government,
    status: row.status,
    version: row.version,
    profilePublished: row.profile_published ?? false,
    networkIds: row.network_ids,
  };
}

function allowed(actor: Actor, action: 'listMembers' | 'manageMembers') {
  const user = signedIn(actor);
  if (!canHubProfiles(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

export async function listHubMembers(
  deps: Deps,
  actor: Actor,
  query: HubMemberListQuery,
): Promise<Page<HubMemberView>> {
  allowed(actor, 'listMembers');
  const { rows, total } = await findMembers(deps.db, query);
  return {
    items: rows.map((row) => presentMember(row, actor.locale)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getHubMember(deps: Deps, actor: Actor, id: string): Promise<HubMemberView> {
  allowed(actor, 'listMembers');
  const row = await findMemberById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentMember(row, actor.locale);
}

/** The members the signed-in account acts for: where "our profile" is edited. */
export async function myHubMembers(deps: Deps, actor: Actor): Promise<{ items: HubMemberView[] }> {
  const user = allowed(actor, 'listMembers');
  const ids = await memberIdsOfUser(deps.db, user.id);
  const { rows } = await findMembers(deps.db, { ids, status: 'active', page: 1, pageSize: 50 });
  return { items: rows.map((row) => presentMember(row, actor.locale)) };
}

async function checkMember(db: Executor, input: HubMemberInput, exceptId?: string) {
  if (!(await countryExists(db, input.countryCode))) invalid('countryCode', 'issues.hubProfiles.unknownCountry');
  if (await memberNameTaken(db, input.countryCode, input.name, exceptId))
    invalid('name', 'issues.hubProfiles.memberNameTaken');
}

const columnsOf = (input: HubMemberInput) => ({
  country_code: input.countryCode,
  name: input.name,
  name_i18n: JSON.stringify(input.nameI18n),
  acronym: input.acronym,
  system_of_government: input.systemOfGovernment,
});

export async function createHubMember(deps: Deps, actor: Actor, input: HubMemberInput): Promise<HubMemberView> {
  allowed(actor, 'manageMembers');
  return deps.db.transaction().execute(async (trx) => {
    await checkMember(trx, input);
    const id = await insertMember(trx, columnsOf(input));
    const after = await findMemberById(trx, id);
    if (!after) throw new AppError('INTERNAL');
    await recordAudit(trx, actor, { action: 'create', recordType: 'hub_member', recordId: id, after });
    return presentMember(after, actor.locale);
  });
}

export async function updateHubMember(
  deps: Deps,
  actor: Actor,
  id: string,
  input: HubMemberInput & { version: number },
): Promise<HubMemberView> {
  allowed(actor, 'manageMembers');
  const view = await deps.db.transaction().execute(async (trx) => {
    const before = await findMemberById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    await checkMember(trx, input, id);
    if (!(await updateMemberAtVersion(trx, id, input.version, columnsOf(input)))) throw new AppError('STALE_VERSION');
    // The profile's search rows carry the member's name, country and system of government.
    await reindexProfile(trx, id);
    const after = await findMemberById(trx, id);
    if (!after) throw new AppError('INTERNAL');
    await recordAudit(trx, actor, { action: 'update', recordType: 'hub_member', recordId: id, before, after });
    return presentMember(after, actor.locale);
  });
  publicPagesChanged(deps.db);
  return view;
}

/**
 * Withdraws a member: it leaves the public pages and the search (its profile and, through
 * `member_id`, whatever else of it the search holds is no longer shown) but nothing is deleted;
 * restoring it is setting it active again.
 */
export async function setHubMemberStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  status: 'active' | 'withdrawn',
  version: number,
): Promise<HubMemberView> {
  allowed(actor, 'manageMembers');
  const view = await deps.db.transaction().execute(async (trx) => {
    const before = await findMemberById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === status)
      conflict(
        status === 'active' ? 'issues.hubProfiles.alreadyActive' : 'issues.hubProfiles.alreadyWithdrawn',
        'status',
      );
    if (!(await updateMemberAtVersion(trx, id, version, { status }))) throw new AppError('STALE_VERSION');
    await reindexProfile(trx, id);
    const after = await findMemberById(trx, id);
    if (!after) throw new AppError('INTERNAL');
    await recordAudit(trx, actor, { action: 'update', recordType: 'hub_member', recordId: id, before, after });
    return presentMember(after, actor.locale);
  });
  publicPagesChanged(deps.db);
  return view;
}

/** Only a member account acts for a member: a hub admin or moderator acts for none, a reader never. */
const mayActForMember = (role: Role) => is(role, 'sharesPractice') && !is(role, 'moderatesHub');

export async function listHubMemberPeople(deps: Deps, actor: Actor, memberId: string): Promise<HubMemberPerson[]> {
  allowed(actor, 'manageMembers');
  if (!(await findMemberById(deps.db, memberId))) throw new AppError('NOT_FOUND');
  const rows = await findPeopleOfMember(deps.db, memberId);
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
  }));
}

/**
 * Makes an account act for a member, or invites a person as a `member` account acting for it in
 * the same transaction (users.inviteWithin: the account, the link, the audit, the mail).
 */
export async function addHubMemberPerson(
  deps: Deps,
  actor: Actor,
  memberId: string,
  input: AddHubMemberPersonInput,
): Promise<HubMemberPerson[]> {
  allowed(actor, 'manageMembers');
  await deps.db.transaction().execute(async (trx) => {
    const member = await findMemberById(trx, memberId);
    if (!member) throw new AppError('NOT_FOUND');
    if (member.status !== 'active') conflict('issues.hubProfiles.memberWithdrawn');
    let userId: string;
    if ('invite' in input) {
      const { invitee } = await inviteWithin(trx, deps, actor, {
        ...input.invite,
        email: input.invite.email.trim().toLowerCase(),
        role: 'member',
        organisation: member.name.slice(0, 200),
      });
      userId = invitee.id;
    } else {
      const person = await findUserForMember(trx, input.userId);
      if (!person) invalid('userId', 'issues.hubProfiles.unknownAccount');
      if (!mayActForMember(person.role as Role)) invalid('userId', 'issues.hubProfiles.notMemberAccount');
      userId = person.id;
    }
    if (!(await addPersonToMember(trx, memberId, userId))) conflict('issues.hubProfiles.alreadyActs', 'userId');
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'hub_member_person',
      recordId: memberId,
      after: { memberId, userId },
    });
  });
  return listHubMemberPeople(deps, actor, memberId);
}

export async function removeHubMemberPerson(
  deps: Deps,
  actor: Actor,
  memberId: string,
  userId: string,
): Promise<HubMemberPerson[]> {
  allowed(actor, 'manageMembers');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await removePersonFromMember(trx, memberId, userId))) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'hub_member_person',
      recordId: memberId,
      before: { memberId, userId },
    });
  });
  return listHubMemberPeople(deps, actor, memberId);
}

/** The countries a member may be of, named in the reader's language and sorted by that name. */
export async function listHubCountries(deps: Deps, actor: Actor): Promise<{ items: { code: string; name: string }[] }> {
  allowed(actor, 'listMembers');
  const rows = await findCountries(deps.db);
  const items = rows.map((row) => ({ code: row.iso2, name: row.name[actor.locale] ?? row.name.en ?? row.iso2 }));
  return { items: items.sort((a, b) => a.name.localeCompare(b.name, actor.locale)) };
}
