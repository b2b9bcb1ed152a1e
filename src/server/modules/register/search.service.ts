import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import {
  type FacetName,
  type FacetValue,
  facetNames,
  type RecommendationSearch,
  type SearchResult,
} from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { fallbackLang, localize } from '../../lib/language';
import { type Scope, scopeAt } from '../assignments/scope';
import {
  FacetCache,
  type Filters,
  GenerationMemo,
  memoKey,
  readRegisterGeneration,
  type SearchIndex,
  searchIndexed,
  searchIndexFor,
} from '../search';
import {
  findBodies,
  findCountryNames,
  findEntityNames,
  findReviewSymbols,
  findTermsById,
  findTermsOf,
} from './labels.repo';
import { canRegister } from './register.policy';
import {
  correctWords,
  countFacet,
  countMatches,
  findBySeqs,
  findPage,
  matchesAnything,
  type SearchRow,
} from './search.repo';

type Bodies = Awaited<ReturnType<typeof findBodies>>;

/** One cache per database: tests run several databases in one process. */
const caches = new WeakMap<Database, FacetCache<Omit<Found, 'rows'>>>();

const results = new GenerationMemo<SearchResult>(200);
const bodiesMemo = new GenerationMemo<Bodies>(1);

/**
 * Searches the register with facet counts; words that match nothing are corrected once. The
 * answer is kept for the register generation (decision 028): asked again while nothing changed,
 * it costs the generation read (and the person's seats, kept too), not the search.
 */
export async function searchRecommendations(
  db: Database,
  actor: Actor,
  query: RecommendationSearch,
): Promise<SearchResult> {
  const user = signedIn(actor);
  if (!canRegister(user, 'read')) throw new AppError('FORBIDDEN');
  const started = performance.now();
  const generation = await readRegisterGeneration(db);
  const scope = await scopeAt(db, generation, user);
  const locale = query.lang ?? actor.locale;
  const key = memoKey(query, locale, scope.all ? 'all' : [...scope.entityIds].sort().join(','));
  // The very object the memo keeps, so that its serialised and compressed bytes are kept beside
  // it (http/kept-answer.ts, decision 041): `tookMs` is the time the search took when it ran.
  return results.get(db, generation, key, async () => {
    const result = await search(db, generation, query, locale, scope);
    result.tookMs = Math.round((performance.now() - started) * 10) / 10;
    return result;
  });
}

async function search(
  db: Database,
  generation: number,
  query: RecommendationSearch,
  locale: string,
  scope: Scope,
): Promise<SearchResult> {
  const bodies = await bodiesMemo.get(db, generation, '', () => findBodies(db));
  const mechanismBodies = query.mechanism?.length
    ? bodies.filter((body) => query.mechanism?.includes(body.mechanism)).map((body) => body.code)
    : undefined;

  const index = await searchIndexFor(db, generation);
  const {
    total,
    facets: raw,
    correctedQuery,
    rows,
  } = index
    ? await searchInMemory(db, index, query, locale, scope)
    : await searchSql(db, generation, query, locale, bodies, mechanismBodies, scope);
  const [facets, themeLabels] = await Promise.all([
    labelFacets(db, generation, raw, bodies, locale),
    themeLabelsOf(db, rows, locale),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      reviewId: row.review_id,
      reviewSymbol: row.symbol,
      bodyCode: row.body_code,
      cycle: row.cycle,
      text: row.text ?? '',
      textLang: row.text_lang as Locale,
      snippet: row.snippet,
      recommendingStates: row.recommending_states,
      position: row.position as SearchResult['items'][number]['position'],
      status: row.status,
      sdgTargets: row.sdg_targets,
      themes: row.theme_ids.map((id) => themeLabels.get(id) ?? String(id)),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets,
    correctedQuery,
    tookMs: 0,
  };
}

/** Counts per value; the mechanism facet by mechanism ("upr"), whichever path counted. */
type RawFacets = Record<FacetName, { value: string; count: number }[]>;
interface Found {
  total: number;
  facets: RawFacets;
  correctedQuery: string | null;
  rows: SearchRow[];
}

/** Words of four letters or more that match nothing, replaced by the closest known word. */
async function correctedText(db: Database, q: string): Promise<string | null> {
  const words = q.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [];
  const corrections = await correctWords(db, [...new Set(words)]);
  if (corrections.size === 0) return null;
  return q.replace(/[\p{L}]{4,}/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}

/** Through the in-memory indexes (the search engine), then the page's rows from the database. */
async function searchInMemory(
  db: Database,
  index: SearchIndex,
  query: RecommendationSearch,
  locale: string,
  scope: Scope,
): Promise<Found> {
  const { q: _q, page: _page, pageSize: _size, sort: _sort, lang: _lang, ...filters } = query;
  const found = await searchIndexed(
    db,
    index,
    {
      q: query.q,
      filters: toFilters(filters),
      scope: scope.all ? null : scope.entityIds,
      sort: query.sort,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    },
    (q) => correctedText(db, q),
  );
  const rows = await findBySeqs(db, found.seqs, locale as never, found.correctedQuery ?? query.q);
  return { total: found.total, facets: found.facets, correctedQuery: found.correctedQuery, rows };
}

function toFilters(filters: Omit<RecommendationSearch, 'q' | 'page' | 'pageSize' | 'sort' | 'lang'>): Filters {
  const strings = (values?: readonly (string | number)[]) => values?.map(String);
  return {
    mechanism: filters.mechanism,
    body: filters.body,
    review: filters.review,
    cycle: strings(filters.cycle),
    position: filters.position,
    status: filters.status,
    theme: strings(filters.theme),
    affected: strings(filters.affected),
    sdgGoal: strings(filters.sdgGoal),
    sdgTarget: filters.sdgTarget,
    state: filters.state,
    entity: filters.entity,
    cluster: filters.cluster,
  };
}

/** Through SQL alone, while the index is rebuilt: the total and every facet in SQL, cached per generation. */
async function searchSql(
  db: Database,
  generation: number,
  query: RecommendationSearch,
  locale: string,
  bodies: Bodies,
  mechanismBodies: string[] | undefined,
  scope: Scope,
): Promise<Found> {
  const key = FacetCache.keyOf(query, scope.all ? '' : [...scope.entityIds].sort().join(','));
  const cache = caches.get(db) ?? new FacetCache<Omit<Found, 'rows'>>();
  caches.set(db, cache);
  let counts = cache.get(generation, key);
  if (!counts) {
    let effective = query;
    let total = await countMatches(db, effective, mechanismBodies, scope);
    let correctedQuery: string | null = null;
    if (total === 0 && query.q && !(await matchesAnything(db, query.q))) {
      correctedQuery = await correctedText(db, query.q);
      if (correctedQuery) {
        effective = { ...query, q: correctedQuery };
        total = await countMatches(db, effective, mechanismBodies, scope);
      }
    }
    const facetCounts = await Promise.all(
      facetNames.map((facet) =>
        countFacet(db, effective, facet, facet === 'mechanism' ? undefined : mechanismBodies, scope),
      ),
    );
    const facets = Object.fromEntries(facetNames.map((facet, i) => [facet, facetCounts[i] ?? []])) as RawFacets;
    // SQL counts the mechanism facet by body: summed here by each body's mechanism, the values
    // the index counts, so that both paths give the same facets.
    const mechanismOf = new Map(bodies.map((body) => [body.code, body.mechanism]));
    const byMechanism = new Map<string, number>();
    for (const { value, count } of facets.mechanism) {
      const mechanism = mechanismOf.get(value) ?? 'other';
      byMechanism.set(mechanism, (byMechanism.get(mechanism) ?? 0) + count);
    }
    facets.mechanism = [...byMechanism]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    counts = { total, facets, correctedQuery };
    cache.set(generation, key, counts);
  }
  const effective = counts.correctedQuery ? { ...query, q: counts.correctedQuery } : query;
  const rows = await findPage(db, effective, locale as never, mechanismBodies, scope);
  return { ...counts, rows };
}

async function themeLabelsOf(db: Database, rows: SearchRow[], locale: string) {
  const terms = await findTermsById(db, [...new Set(rows.flatMap((row) => row.theme_ids))]);
  return new Map(terms.map((term) => [term.id, localize(term.label, locale) || term.code]));
}

type Terms = ReturnType<typeof findTermsOf>;
const termCaches = new WeakMap<Database, { generation: number; byTaxonomy: Map<string, Terms> }>();

/**
 * Every status and SDG term with its labels in six languages, read once per register generation
 * (writes to terms move it): read per search, they cost more than the in-memory search itself.
 */
function termsOf(db: Database, generation: number, taxonomy: 'status' | 'sdg'): Terms {
  let entry = termCaches.get(db);
  if (entry?.generation !== generation) {
    entry = { generation, byTaxonomy: new Map() };
    termCaches.set(db, entry);
  }
  const cached = entry.byTaxonomy.get(taxonomy);
  if (cached) return cached;
  const terms = findTermsOf(db, taxonomy);
  const { byTaxonomy } = entry;
  byTaxonomy.set(taxonomy, terms);
  terms.catch(() => byTaxonomy.delete(taxonomy));
  return terms;
}

async function labelFacets(
  db: Database,
  generation: number,
  raw: RawFacets,
  bodies: Bodies,
  locale: string,
): Promise<Record<string, FacetValue[]>> {
  const bodyByCode = new Map(bodies.map((body) => [body.code, body]));
  const termIds = [...raw.theme, ...raw.affected].map((entry) => Number(entry.value));
  const [terms, statuses, reviews, countries, goals, entities] = await Promise.all([
    findTermsById(db, termIds),
    termsOf(db, generation, 'status'),
    findReviewSymbols(
      db,
      raw.review.map((entry) => entry.value),
    ),
    findCountryNames(
      db,
      raw.state.map((entry) => entry.value).filter((value) => /^[A-Z]{2}$/.test(value)),
    ),
    termsOf(db, generation, 'sdg'),
    findEntityNames(
      db,
      raw.entity.map((entry) => entry.value),
    ),
  ]);
  const termLabel = new Map(terms.map((term) => [String(term.id), localize(term.label, locale) || term.code]));
  const termLang = new Map(terms.map((term) => [String(term.id), fallbackLang(term.label, locale)]));
  const withTermLabel = (entries: { value: string; count: number }[]) =>
    entries.map((entry) => {
      const lang = termLang.get(entry.value);
      return { ...entry, label: termLabel.get(entry.value) ?? entry.value, ...(lang ? { lang } : {}) };
    });
  const statusLabel = new Map(statuses.map((term) => [term.code, localize(term.label, locale)]));
  const reviewLabel = new Map(
    reviews.map((review) => [
      review.id,
      review.symbol ?? [review.body_code, review.country_iso2, review.session].filter(Boolean).join(' '),
    ]),
  );
  const goalLabel = new Map(goals.map((goal) => [goal.code, localize(goal.label, locale)]));
  const withLabel = (entries: { value: string; count: number }[], label: (value: string) => string) =>
    entries.map((entry) => ({ ...entry, label: label(entry.value) }));
  return {
    mechanism: withLabel(raw.mechanism, (value) => value),
    body: withLabel(raw.body, (value) => localize(bodyByCode.get(value)?.name, locale) || value),
    review: withLabel(raw.review, (value) => reviewLabel.get(value) ?? value),
    cycle: withLabel(raw.cycle, (value) => value),
    theme: withTermLabel(raw.theme),
    affected: withTermLabel(raw.affected),
    sdgGoal: withLabel(raw.sdgGoal, (value) => `${value}. ${goalLabel.get(value) ?? ''}`.trim()),
    sdgTarget: withLabel(raw.sdgTarget, (value) => value),
    position: withLabel(raw.position, (value) => value),
    status: withLabel(raw.status, (value) => statusLabel.get(value) ?? value),
    state: withLabel(raw.state, (value) => localize(countries.get(value), locale) || value),
    entity: withLabel(raw.entity, (value) => entities.get(value) ?? value),
  };
}
