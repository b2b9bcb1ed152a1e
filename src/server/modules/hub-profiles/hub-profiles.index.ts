import { type Locale, locales } from '../../../shared/i18n/locales';
import type { HubDocument } from '../../../shared/schemas/hub';
import type { Database } from '../../db/database';
import type { LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';
import { indexHubDocuments, removeHubDocuments } from '../../lib/hub-index';
import { clearPublicCache } from '../../lib/page-cache';
import { findMemberById, findNetworkById, findProfile } from './hub-profiles.repo';

// What of a member's profile and of a network the hub's one search holds (lib/hub-index.ts): a
// published profile of an active member, one row per language it is written in, and every
// network, one row per language it is named or described in. Called in the transaction of each
// change that can alter them, so the search never shows a profile after it is unpublished.

const profileTexts = ['mandate', 'legal_basis', 'composition', 'secretariat', 'focal_points'] as const;

/** The languages a set of per-language texts is written in, in the catalogue's order. */
export function languagesOf(...texts: (LocalizedText | null | undefined)[]): Locale[] {
  return locales.filter((locale) => texts.some((text) => (text?.[locale] ?? '').trim() !== ''));
}

/** Writes (or removes) a member's profile rows in the search, from what is stored now. */
export async function reindexProfile(db: Executor, memberId: string): Promise<void> {
  const [member, profile] = await Promise.all([findMemberById(db, memberId), findProfile(db, memberId)]);
  if (!member || !profile || member.status !== 'active' || !profile.published) {
    await removeHubDocuments(db, 'profile', memberId);
    return;
  }
  const languages = languagesOf(...profileTexts.map((field) => profile[field]));
  const documents: HubDocument[] = languages.map((locale) => ({
    kind: 'profile',
    refId: memberId,
    locale,
    visibility: 'public',
    title: member.name_i18n[locale] ?? member.name,
    summary: profile.mandate[locale] ?? '',
    body: [profile.legal_basis, profile.composition, profile.secretariat, profile.focal_points]
      .map((text) => text[locale] ?? '')
      .filter((text) => text !== '')
      .join('\n\n'),
    path: `/members/${memberId}`,
    memberId,
    countryCode: member.country_code,
    systemOfGovernment: member.system_of_government,
    level: null,
    themes: [],
    networkIds: member.network_ids,
  }));
  await indexHubDocuments(db, 'profile', memberId, documents);
}

/** Writes a network's rows in the search. */
export async function reindexNetwork(db: Executor, networkId: string): Promise<void> {
  const network = await findNetworkById(db, networkId);
  if (!network) {
    await removeHubDocuments(db, 'network', networkId);
    return;
  }
  const languages = languagesOf(network.name_i18n, network.description_i18n);
  const documents: HubDocument[] = (languages.length > 0 ? languages : (['en'] as Locale[])).map((locale) => ({
    kind: 'network',
    refId: networkId,
    locale,
    visibility: 'public',
    title: network.name_i18n[locale] ?? network.name,
    summary: network.description_i18n[locale] ?? '',
    body: '',
    path: `/networks/${networkId}`,
    memberId: null,
    countryCode: null,
    systemOfGovernment: null,
    level: null,
    themes: [],
    networkIds: [networkId],
  }));
  await indexHubDocuments(db, 'network', networkId, documents);
}

/** After a change the public pages show: the cached copies go at once (lib/page-cache.ts). */
export function publicPagesChanged(db: Database): void {
  clearPublicCache(db);
}
