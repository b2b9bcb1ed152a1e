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
import { FacetCache } from './facet-cache';
import * as labels from './labels.repo';
import { localize } from './localize';
import { canRegister } from './register.policy';
import {
  correctWords,
  countFacet,
  countMatches,
  findPage,
  readRegisterGeneration,
  type SearchRow,
} from './search.repo';

/** One cache per database: tests run several databases in one process. */
const caches = new WeakMap<Database, FacetCache>();

/** Searches the register with facet counts; words that match nothing are corrected once. */
export async function searchRecommendations(
  db: Database,
  actor: Actor,
  query: RecommendationSearch,
): Promise<SearchResult> {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  if (!canRegister(actor.user, 'read')) throw new AppError('FORBIDDEN');
  const started = performance.now();
  const locale = query.lang ?? actor.locale;
  const bodies = await labels.findBodies(db);
  const mechanismBodies = query.mechanism?.length
    ? bodies.filter((body) => query.mechanism?.includes(body.mechanism)).map((body) => body.code)
    : undefined;

  const generation = await readRegisterGeneration(db);
  const key = FacetCache.keyOf(query, locale);
  const cache = caches.get(db) ?? new FacetCache();
  caches.set(db, cache);
  const cached = cache.get(generation, key);
  const counts = cached ?? (await countAll(db, query, mechanismBodies, bodies, locale));
  if (!cached) cache.set(generation, key, counts);
  const { total, facets, correctedQuery } = counts;
  const effective = correctedQuery ? { ...query, q: correctedQuery } : query;
  const rows = await findPage(db, effective, locale as never, mechanismBodies);
  const themeLabels = await themeLabelsOf(db, rows, locale);
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
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** The total and every facet's counts, correcting the words once when they match nothing. */
async function countAll(
  db: Database,
  query: RecommendationSearch,
  mechanismBodies: string[] | undefined,
  bodies: Awaited<ReturnType<typeof labels.findBodies>>,
  locale: string,
): Promise<Pick<SearchResult, 'total' | 'facets' | 'correctedQuery'>> {
  let effective = query;
  let total = await countMatches(db, effective, mechanismBodies);
  let correctedQuery: string | null = null;
  if (total === 0 && query.q) {
    const words = query.q.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [];
    const corrections = await correctWords(db, [...new Set(words)]);
    if (corrections.size > 0) {
      correctedQuery = query.q.replace(/[\p{L}]{4,}/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
      effective = { ...query, q: correctedQuery };
      total = await countMatches(db, effective, mechanismBodies);
    }
  }
  const facetCounts = await Promise.all(
    facetNames.map((facet) => countFacet(db, effective, facet, facet === 'mechanism' ? undefined : mechanismBodies)),
  );
  const raw = Object.fromEntries(facetNames.map((facet, index) => [facet, facetCounts[index] ?? []])) as Record<
    FacetName,
    { value: string; count: number }[]
  >;
  return { total, facets: await labelFacets(db, raw, bodies, locale), correctedQuery };
}

async function themeLabelsOf(db: Database, rows: SearchRow[], locale: string) {
  const terms = await labels.findTermsById(db, [...new Set(rows.flatMap((row) => row.theme_ids))]);
  return new Map(terms.map((term) => [term.id, localize(term.label, locale) || term.code]));
}

async function labelFacets(
  db: Database,
  raw: Record<FacetName, { value: string; count: number }[]>,
  bodies: Awaited<ReturnType<typeof labels.findBodies>>,
  locale: string,
): Promise<Record<string, FacetValue[]>> {
  const bodyByCode = new Map(bodies.map((body) => [body.code, body]));
  const mechanismCounts = new Map<string, number>();
  for (const { value, count } of raw.mechanism) {
    const mechanism = bodyByCode.get(value)?.mechanism ?? 'other';
    mechanismCounts.set(mechanism, (mechanismCounts.get(mechanism) ?? 0) + count);
  }
  const termIds = [...raw.theme, ...raw.affected].map((entry) => Number(entry.value));
  const [terms, statuses, reviews, countries, goals] = await Promise.all([
    labels.findTermsById(db, termIds),
    labels.findTermsOf(db, 'status'),
    labels.findReviewSymbols(
      db,
      raw.review.map((entry) => entry.value),
    ),
    labels.findCountryNames(
      db,
      raw.state.map((entry) => entry.value).filter((value) => /^[A-Z]{2}$/.test(value)),
    ),
    labels.findTermsOf(db, 'sdg'),
  ]);
  const termLabel = new Map(terms.map((term) => [String(term.id), localize(term.label, locale) || term.code]));
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
    mechanism: [...mechanismCounts]
      .map(([value, count]) => ({ value, count, label: value }))
      .sort((a, b) => b.count - a.count),
    body: withLabel(raw.body, (value) => localize(bodyByCode.get(value)?.name, locale) || value),
    review: withLabel(raw.review, (value) => reviewLabel.get(value) ?? value),
    cycle: withLabel(raw.cycle, (value) => value),
    theme: withLabel(raw.theme, (value) => termLabel.get(value) ?? value),
    affected: withLabel(raw.affected, (value) => termLabel.get(value) ?? value),
    sdgGoal: withLabel(raw.sdgGoal, (value) => `${value}. ${goalLabel.get(value) ?? ''}`.trim()),
    sdgTarget: withLabel(raw.sdgTarget, (value) => value),
    position: withLabel(raw.position, (value) => value),
    status: withLabel(raw.status, (value) => statusLabel.get(value) ?? value),
    state: withLabel(raw.state, (value) => localize(countries.get(value), locale) || value),
  };
}
