import type { Locale } from '../../../shared/i18n/locales';
import { is } from '../../../shared/roles';
import type { GovernmentLevel, HubDocumentKind, HubTheme, HubVisibility } from '../../../shared/schemas/hub';
import {
  type HubSearchFacet,
  type HubSearchQuery,
  type HubSearchResult,
  hubSearchFacetNames,
  hubSearchPageSize,
} from '../../../shared/schemas/hub-search';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Executor } from '../../http/context';
import { correctWords, generationOf, searchDocuments, shownRows } from './hub-search.repo';

/**
 * Who reads what (decision 034): 'public' rows for everyone, 'accounts' rows for signed-in hub
 * accounts too. The one rule, asked by the API and the public pages alike.
 */
export function visibilitiesFor(user: SessionUser | null): HubVisibility[] {
  return user && is(user.role, 'hubAccount') ? ['public', 'accounts'] : ['public'];
}

/**
 * Answers kept per generation of hub_documents (a counter its trigger moves on every change,
 * migration 0048), per database: the same query is computed once until something is written.
 */
const kept = new WeakMap<object, Map<string, HubSearchResult>>();
const keptPerDatabase = 500;

export async function searchHub(
  db: Executor,
  user: SessionUser | null,
  readerLocale: Locale,
  query: HubSearchQuery,
  options: { cache?: boolean } = {},
): Promise<HubSearchResult> {
  if (options.cache === false) return computeSearch(db, user, readerLocale, query);
  const visibilities = visibilitiesFor(user);
  const key = `${await generationOf(db)}|${visibilities.join()}|${query.prefer ?? readerLocale}|${JSON.stringify(query)}`;
  let answers = kept.get(db);
  if (!answers) {
    answers = new Map();
    kept.set(db, answers);
  }
  const hit = answers.get(key);
  if (hit) return hit;
  const result = await computeSearch(db, user, readerLocale, query);
  if (answers.size >= keptPerDatabase) answers.delete(answers.keys().next().value as string);
  answers.set(key, result);
  return result;
}

async function computeSearch(
  db: Executor,
  user: SessionUser | null,
  readerLocale: Locale,
  query: HubSearchQuery,
): Promise<HubSearchResult> {
  const q = query.q ? query.q : null;
  const filters = {
    kind: query.kind,
    country: query.country,
    theme: query.theme,
    level: query.level,
    system: query.system,
    network: query.network,
    language: query.language,
  };
  const visibilities = visibilitiesFor(user);
  const prefer = query.prefer ?? readerLocale;
  const found = await searchDocuments(db, {
    q,
    filters,
    visibilities,
    prefer,
    limit: hubSearchPageSize,
    offset: (query.page - 1) * hubSearchPageSize,
  });
  const shown = await shownRows(db, found.things, q);
  const byKey = new Map(shown.map((row) => [`${row.kind}/${row.ref_id}/${row.locale}`, row]));
  const items = found.things.flatMap((thing) => {
    const row = byKey.get(`${thing.kind}/${thing.ref_id}/${thing.locale}`);
    if (!row) return [];
    return [
      {
        kind: thing.kind as HubDocumentKind,
        refId: thing.ref_id,
        locale: thing.locale,
        languages: [...new Set(thing.languages)].sort(),
        title: row.title,
        snippet: row.snippet,
        path: row.path,
        countryCode: row.country_code,
        level: row.level as GovernmentLevel | null,
        themes: row.themes as HubTheme[],
        visibility: row.visibility,
      },
    ];
  });
  const facets = Object.fromEntries(
    hubSearchFacetNames.map((facet) => [facet, [] as { value: string; count: number }[]]),
  );
  for (const row of found.facets) facets[row.facet]?.push({ value: row.value, count: row.count });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const suggestion = found.total === 0 && q ? await suggest(db, q, filters, visibilities, prefer) : null;
  return {
    items,
    total: found.total,
    page: query.page,
    pageSize: hubSearchPageSize,
    facets: facets as Record<HubSearchFacet, { value: string; count: number }[]>,
    suggestion,
  };
}

/** "Did you mean": each unknown word replaced by the nearest known one, offered only if it finds something. */
async function suggest(
  db: Executor,
  q: string,
  filters: Parameters<typeof searchDocuments>[1]['filters'],
  visibilities: HubVisibility[],
  prefer: Locale,
): Promise<string | null> {
  const words = [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]{3,40}/gu) ?? [])];
  const corrections = await correctWords(db, words);
  if (corrections.size === 0) return null;
  const corrected = q.replace(/[\p{L}\p{N}]{3,40}/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
  if (corrected === q) return null;
  const check = await searchDocuments(db, { q: corrected, filters, visibilities, prefer, limit: 1, offset: 0 });
  return check.total > 0 ? corrected : null;
}
