import { sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { HubDocumentKind } from '../../../shared/schemas/hub';
import type { LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';
import { containsPattern } from '../../lib/like';

// What the hub's public pages read: only active members with a published profile, the networks,
// and the search table (hub_documents) for what other parts publish (practices, threads, events).
// A withdrawn member or an unpublished profile is simply not found here.

export interface PublicMemberFilter {
  q?: string;
  countryCodes?: string[];
  system?: 'unitary' | 'federal' | 'devolved';
  network?: string;
}

function publicMembers(db: Executor) {
  return db
    .selectFrom('hub_members as m')
    .innerJoin('hub_profiles as p', 'p.member_id', 'm.id')
    .leftJoin('countries as c', 'c.iso2', 'm.country_code')
    .where('m.status', '=', 'active')
    .where('p.published', '=', true);
}

export async function findPublicMembers(db: Executor, filter: PublicMemberFilter, page: number, pageSize: number) {
  let base = publicMembers(db);
  if (filter.countryCodes) base = base.where('m.country_code', 'in', [...filter.countryCodes, '--']);
  if (filter.system) base = base.where('m.system_of_government', '=', filter.system);
  if (filter.network) {
    const network = filter.network;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('hub_network_members as nm')
          .select('nm.member_id')
          .whereRef('nm.member_id', '=', 'm.id')
          .where('nm.network_id', '=', network),
      ),
    );
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    base = base.where((eb) =>
      eb.or([
        eb('m.name', 'ilike', pattern),
        eb('m.acronym', 'ilike', pattern),
        eb(sql`m.name_i18n::text`, 'ilike', pattern),
        eb(sql`c.name::text`, 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'm.id',
        'm.name',
        'm.name_i18n',
        'm.acronym',
        'm.country_code',
        'm.system_of_government',
        'c.name as country_name',
        'p.established',
        'p.mandate',
      ])
      .orderBy(sql`coalesce(c.name->>'en', m.country_code)`)
      .orderBy('m.name')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findPublicMember(db: Executor, id: string) {
  return publicMembers(db)
    .selectAll('p')
    .select([
      'm.id',
      'm.name',
      'm.name_i18n',
      'm.acronym',
      'm.country_code',
      'm.system_of_government',
      'c.name as country_name',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export function findNetworksOfMember(db: Executor, memberId: string) {
  return db
    .selectFrom('hub_network_members as nm')
    .innerJoin('hub_networks as n', 'n.id', 'nm.network_id')
    .select(['n.id', 'n.kind', 'n.name', 'n.name_i18n'])
    .where('nm.member_id', '=', memberId)
    .orderBy('n.name')
    .execute();
}

/** The public networks, with how many members show publicly in each. */
export function findPublicNetworks(db: Executor) {
  return db
    .selectFrom('hub_networks as n')
    .select([
      'n.id',
      'n.kind',
      'n.name',
      'n.name_i18n',
      'n.description_i18n',
      sql<number>`(select count(*)::int from hub_network_members nm
        join hub_members m on m.id = nm.member_id and m.status = 'active'
        join hub_profiles p on p.member_id = m.id and p.published
        where nm.network_id = n.id)`.as('members'),
    ])
    .orderBy('n.kind')
    .orderBy('n.name')
    .execute();
}

export function findPublicNetwork(db: Executor, id: string) {
  return db.selectFrom('hub_networks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPublicMembersOfNetwork(db: Executor, networkId: string) {
  return publicMembers(db)
    .innerJoin('hub_network_members as nm', 'nm.member_id', 'm.id')
    .where('nm.network_id', '=', networkId)
    .select(['m.id', 'm.name', 'm.name_i18n', 'm.acronym', 'm.country_code', 'c.name as country_name'])
    .orderBy(sql`coalesce(c.name->>'en', m.country_code)`)
    .execute();
}

export interface PublicItem {
  kind: HubDocumentKind;
  ref_id: string;
  locale: Locale;
  title: string;
  summary: string;
  path: string;
  updated_at: Date;
}

/**
 * Public things from the search table, one row per thing, in the reader's language when the thing
 * has it and else in the language it was first written in (the row shows which).
 */
export async function findPublicItems(
  db: Executor,
  locale: Locale,
  filter: { kind?: HubDocumentKind; memberId?: string; limit: number },
): Promise<PublicItem[]> {
  const rows = await sql<PublicItem>`
    select * from (
      select distinct on (d.kind, d.ref_id) d.kind, d.ref_id, d.locale, d.title, d.summary, d.path, d.updated_at
      from hub_documents d
      where d.visibility = 'public'
        ${filter.kind ? sql`and d.kind = ${filter.kind}` : sql``}
        ${filter.memberId ? sql`and d.member_id = ${filter.memberId}` : sql``}
      order by d.kind, d.ref_id, (d.locale = ${locale}) desc, d.id
    ) one
    order by one.updated_at desc
    limit ${filter.limit}`.execute(db);
  return rows.rows;
}

/** How many published things of each kind the hub holds. */
export async function countPublicByKind(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('hub_documents')
    .select(['kind', sql<string>`count(distinct ref_id)`.as('n')])
    .where('visibility', '=', 'public')
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.n)]));
}

export type CountryNames = LocalizedText | null;
