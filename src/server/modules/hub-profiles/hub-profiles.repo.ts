import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { HubMembersTable, HubNetworksTable, HubProfilesTable, LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';
import { containsPattern } from '../../lib/like';
import { updateAtVersion } from '../../lib/versioned';

// The hub's members, who acts for them, their profiles and the networks: the only SQL on these
// tables outside the public pages' reads (hub-public.repo.ts).

export type HubMemberRow = Selectable<HubMembersTable> & {
  country_name: LocalizedText | null;
  profile_published: boolean | null;
  network_ids: string[];
};
export type HubProfileRow = Selectable<HubProfilesTable>;
export type HubNetworkRow = Selectable<HubNetworksTable> & { member_ids: string[] };

function membersQuery(db: Executor) {
  return db
    .selectFrom('hub_members as m')
    .leftJoin('countries as c', 'c.iso2', 'm.country_code')
    .leftJoin('hub_profiles as p', 'p.member_id', 'm.id')
    .selectAll('m')
    .select([
      'c.name as country_name',
      'p.published as profile_published',
      sql<
        string[]
      >`array(select nm.network_id from hub_network_members nm where nm.member_id = m.id order by nm.network_id)`.as(
        'network_ids',
      ),
    ]);
}

export async function findMembers(
  db: Executor,
  query: { q?: string; status?: 'active' | 'withdrawn'; page: number; pageSize: number; ids?: string[] },
): Promise<{ rows: HubMemberRow[]; total: number }> {
  let base = membersQuery(db);
  if (query.status) base = base.where('m.status', '=', query.status);
  if (query.ids)
    base = base.where('m.id', 'in', query.ids.length > 0 ? query.ids : ['00000000-0000-0000-0000-000000000000']);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([
        eb('m.name', 'ilike', pattern),
        eb('m.acronym', 'ilike', pattern),
        eb('m.country_code', '=', query.q?.toUpperCase() ?? ''),
        eb(sql`c.name::text`, 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .orderBy('m.country_code')
      .orderBy('m.name')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as HubMemberRow[], total: Number(count.n) };
}

export async function findMemberById(db: Executor, id: string): Promise<HubMemberRow | undefined> {
  return (await membersQuery(db).where('m.id', '=', id).executeTakeFirst()) as HubMemberRow | undefined;
}

export async function countryExists(db: Executor, iso2: string): Promise<boolean> {
  return Boolean(await db.selectFrom('countries').select('iso2').where('iso2', '=', iso2).executeTakeFirst());
}

export async function memberNameTaken(db: Executor, countryCode: string, name: string, exceptId?: string) {
  let query = db
    .selectFrom('hub_members')
    .select('id')
    .where('country_code', '=', countryCode)
    .where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

/** A new member with its empty, unpublished profile. */
export async function insertMember(db: Executor, member: Insertable<HubMembersTable>): Promise<string> {
  const { id } = await db.insertInto('hub_members').values(member).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('hub_profiles').values({ member_id: id }).execute();
  return id;
}

export async function updateMemberAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<HubMembersTable>,
): Promise<boolean> {
  const row = await updateAtVersion(db, 'hub_members', id, version, patch).returning('id').executeTakeFirst();
  return Boolean(row);
}

export function findPeopleOfMember(db: Executor, memberId: string) {
  return db
    .selectFrom('hub_member_people as mp')
    .innerJoin('users as u', 'u.id', 'mp.user_id')
    .select(['u.id as user_id', 'u.name', 'u.email', 'u.role', 'u.status'])
    .where('mp.member_id', '=', memberId)
    .orderBy('u.name')
    .execute();
}

export async function addPersonToMember(db: Executor, memberId: string, userId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('hub_member_people')
    .values({ member_id: memberId, user_id: userId })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removePersonFromMember(db: Executor, memberId: string, userId: string): Promise<boolean> {
  const removed = await db
    .deleteFrom('hub_member_people')
    .where('member_id', '=', memberId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}

export async function memberIdsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('hub_member_people').select('member_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.member_id);
}

export async function actsForMember(db: Executor, userId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hub_member_people')
    .select('member_id')
    .where('user_id', '=', userId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Boolean(row);
}

export function findUserForMember(db: Executor, userId: string) {
  return db.selectFrom('users').select(['id', 'role', 'status']).where('id', '=', userId).executeTakeFirst();
}

export function findProfile(db: Executor, memberId: string): Promise<HubProfileRow | undefined> {
  return db.selectFrom('hub_profiles').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

/** A member's profile, made empty and unpublished if it has none yet (members created elsewhere). */
export async function ensureProfile(db: Executor, memberId: string): Promise<HubProfileRow> {
  await db
    .insertInto('hub_profiles')
    .values({ member_id: memberId })
    .onConflict((conflict) => conflict.column('member_id').doNothing())
    .execute();
  return db.selectFrom('hub_profiles').selectAll().where('member_id', '=', memberId).executeTakeFirstOrThrow();
}

/** The profile's versioned write (its key is the member's id, so not lib/versioned's `id`). */
export function updateProfileAtVersion(
  db: Executor,
  memberId: string,
  version: number,
  patch: Updateable<HubProfilesTable>,
): Promise<HubProfileRow | undefined> {
  return db
    .updateTable('hub_profiles')
    .set({ ...patch, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('member_id', '=', memberId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

function networksQuery(db: Executor) {
  return db
    .selectFrom('hub_networks as n')
    .selectAll('n')
    .select(
      sql<
        string[]
      >`array(select nm.member_id from hub_network_members nm where nm.network_id = n.id order by nm.member_id)`.as(
        'member_ids',
      ),
    );
}

export function findNetworks(db: Executor): Promise<HubNetworkRow[]> {
  return networksQuery(db).orderBy('n.kind').orderBy('n.name').execute();
}

export function findNetworkById(db: Executor, id: string): Promise<HubNetworkRow | undefined> {
  return networksQuery(db).where('n.id', '=', id).executeTakeFirst();
}

export async function networkNameTaken(db: Executor, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('hub_networks').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

export async function insertNetwork(db: Executor, network: Insertable<HubNetworksTable>): Promise<string> {
  const { id } = await db.insertInto('hub_networks').values(network).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateNetworkAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<HubNetworksTable>,
): Promise<boolean> {
  return Boolean(await updateAtVersion(db, 'hub_networks', id, version, patch).returning('id').executeTakeFirst());
}

/** Replaces a network's members; returns those added and removed (their profiles' facets change). */
export async function setNetworkMembers(
  db: Executor,
  networkId: string,
  memberIds: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const current = await db
    .selectFrom('hub_network_members')
    .select('member_id')
    .where('network_id', '=', networkId)
    .execute();
  const before = new Set(current.map((row) => row.member_id));
  const after = new Set(memberIds);
  const added = [...after].filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !after.has(id));
  if (removed.length > 0)
    await db
      .deleteFrom('hub_network_members')
      .where('network_id', '=', networkId)
      .where('member_id', 'in', removed)
      .execute();
  if (added.length > 0)
    await db
      .insertInto('hub_network_members')
      .values(added.map((memberId) => ({ network_id: networkId, member_id: memberId })))
      .execute();
  return { added, removed };
}

/** The ids among these that are members of the hub (any status). */
export async function existingMemberIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('hub_members').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** The reference list of countries (ISO 3166), for choosing a member's country. */
export function findCountries(db: Executor) {
  return db.selectFrom('countries').select(['iso2', 'name']).execute();
}
