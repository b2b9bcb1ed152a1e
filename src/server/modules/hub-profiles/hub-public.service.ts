import type { Locale } from '../../../shared/i18n/locales';
import type { HubPublicMembersQuery, HubRegion } from '../../../shared/schemas/hub-profiles';
import type { Database } from '../../db/database';
import countries from '../../seed/data/countries.json' with { type: 'json' };
import { hubPageSize } from './hub-public.pages';
import {
  countPublicByKind,
  findNetworksOfMember,
  findPublicItems,
  findPublicMember,
  findPublicMembers,
  findPublicMembersOfNetwork,
  findPublicNetwork,
  findPublicNetworks,
} from './hub-public.repo';

// What each public page of the hub reads (no account: only what is published). Undefined means
// the one 404 page: an unknown id, a withdrawn member and an unpublished profile look the same.

/** The countries of a UN geoscheme region (M49), from the reference list. */
const countriesByRegion = new Map<string, string[]>();
for (const country of countries) {
  if (!country.region) continue;
  countriesByRegion.set(country.region, [...(countriesByRegion.get(country.region) ?? []), country.iso2]);
}
export const countriesOfRegion = (region: HubRegion): string[] => countriesByRegion.get(region) ?? [];

export async function publicHubHome(db: Database, locale: Locale) {
  const [counts, latest] = await Promise.all([countPublicByKind(db), findPublicItems(db, locale, { limit: 10 })]);
  return { counts, latest };
}
export type PublicHome = Awaited<ReturnType<typeof publicHubHome>>;

export async function publicHubMembers(db: Database, query: HubPublicMembersQuery) {
  const [found, networks] = await Promise.all([
    findPublicMembers(
      db,
      {
        q: query.q || undefined,
        countryCodes: query.region ? countriesOfRegion(query.region) : undefined,
        system: query.system,
        network: query.network,
      },
      query.page,
      hubPageSize,
    ),
    findPublicNetworks(db),
  ]);
  return { ...found, networks };
}
export type PublicMembers = Awaited<ReturnType<typeof publicHubMembers>>;

export async function publicHubMember(db: Database, locale: Locale, id: string) {
  const member = await findPublicMember(db, id);
  if (!member) return undefined;
  const [networks, practices] = await Promise.all([
    findNetworksOfMember(db, id),
    findPublicItems(db, locale, { kind: 'practice', memberId: id, limit: 50 }),
  ]);
  return { member, networks, practices };
}
export type PublicMember = NonNullable<Awaited<ReturnType<typeof publicHubMember>>>;

export function publicHubNetworks(db: Database) {
  return findPublicNetworks(db);
}
export type PublicNetworks = Awaited<ReturnType<typeof publicHubNetworks>>;

export async function publicHubNetwork(db: Database, id: string) {
  const network = await findPublicNetwork(db, id);
  if (!network) return undefined;
  return { network, members: await findPublicMembersOfNetwork(db, id) };
}
export type PublicNetwork = NonNullable<Awaited<ReturnType<typeof publicHubNetwork>>>;
