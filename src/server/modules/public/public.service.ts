import type { Locale } from '../../../shared/i18n/locales';
import { type PublicQuery, publicPageSize } from '../../../shared/schemas/public';
import type { Database } from '../../db/database';
import { localize } from '../../lib/language';
import {
  countPublicFacets,
  findBodyNames,
  findIdBySymbol,
  findNationalSeries,
  findPublicEntities,
  findPublicEntity,
  findPublicIndicators,
  findPublicPage,
  findPublicRecommendation,
  findPublicReview,
  findPublicReviews,
  findPublishedUpdates,
  findResponsible,
  findStatusHistory,
  findTermLabels,
  type PublicFilters,
  type PublicIndicator,
} from './public.repo';
import { publicnessOf } from './publication.policy';

// What the portal reads, for anyone: every function answers undefined for a record the public
// may not see, exactly as for one that does not exist (the page is then the same 404).

export interface Labels {
  status(code: string): string;
  sdg(goal: string): string;
  theme(id: string): string;
  body(code: string): string;
}

async function labelsFor(db: Database, locale: Locale, themeIds: number[]): Promise<Labels> {
  const [terms, bodies] = await Promise.all([findTermLabels(db, themeIds), findBodyNames(db)]);
  const by = (taxonomy: string, key: 'code' | 'id') =>
    new Map(terms.filter((t) => key === 'id' || t.taxonomy === taxonomy).map((t) => [String(t[key]), t.label]));
  const statuses = by('status', 'code');
  const goals = by('sdg', 'code');
  const themes = by('', 'id');
  const bodyNames = new Map(bodies.map((body) => [body.code, body.name]));
  return {
    status: (code) => localize(statuses.get(code), locale) || code,
    sdg: (goal) => `${goal}. ${localize(goals.get(goal), locale)}`.replace(/\. $/, ''),
    theme: (id) => localize(themes.get(id), locale) || id,
    body: (code) => localize(bodyNames.get(code), locale) || code,
  };
}

function filtersOf(query: PublicQuery): PublicFilters {
  return {
    q: query.q,
    mechanism: query.mechanism,
    body: query.body,
    theme: query.theme,
    sdg: query.sdg,
    status: query.status,
    position: query.position,
    review: query.review,
    entity: query.entity,
  };
}

/** The register of published recommendations: one page, its total and the facet counts. */
export async function publicRegister(db: Database, locale: Locale, query: PublicQuery) {
  const filters = filtersOf(query);
  const offset = (query.page - 1) * publicPageSize;
  const [{ total, rows }, facets, reviews] = await Promise.all([
    findPublicPage(db, filters, locale, offset, publicPageSize),
    countPublicFacets(db, filters),
    findPublicReviews(db),
  ]);
  const themeIds = facets.filter((f) => f.facet === 'theme').map((f) => Number(f.value));
  if (query.theme !== undefined) themeIds.push(query.theme);
  const labels = await labelsFor(db, locale, themeIds);
  const reviewSymbols = new Map(
    reviews.map((review) => [review.id, review.symbol ?? review.title ?? review.body_code]),
  );
  return { total, rows, facets, labels, reviewSymbols };
}

/** One recommendation with as much as decision 032 makes public; undefined when nothing is. */
export async function publicRecommendation(db: Database, locale: Locale, id: string) {
  const found = await findPublicRecommendation(db, id, locale);
  if (!found) return undefined;
  const publicness = publicnessOf(found.own, found.review);
  if (publicness === 'hidden') return undefined;
  const labels = await labelsFor(db, locale, found.theme_ids);
  const { own: _own, review: _review, status, ...recommendation } = found;
  if (publicness === 'text') return { recommendation, labels, followUp: undefined };
  const [history, responsible, updates, indicators] = await Promise.all([
    findStatusHistory(db, id),
    findResponsible(db, id),
    findPublishedUpdates(db, { recommendationId: id }),
    findPublicIndicators(db, { recommendationId: id }),
  ]);
  return {
    recommendation,
    labels,
    followUp: { status, history, responsible, updates, indicators: await withSeries(db, indicators) },
  };
}

export function publicIdBySymbol(db: Database, symbol: string, paragraph: string) {
  return findIdBySymbol(db, symbol, paragraph);
}

async function withSeries(db: Database, indicators: PublicIndicator[]) {
  const series = await findNationalSeries(
    db,
    indicators.map((indicator) => indicator.id),
  );
  return indicators.map((indicator) => ({
    ...indicator,
    points: series
      .filter((point) => point.indicator_id === indicator.id)
      .map((point) => ({ period: point.period_end, value: Number(point.value) })),
  }));
}

/** A review and its public recommendations; undefined when withheld or unknown. */
export async function publicReview(db: Database, locale: Locale, id: string, page: number) {
  const review = await findPublicReview(db, id);
  if (!review || publicnessOf(review.decision, null) === 'hidden') return undefined;
  const register = await publicRegister(db, locale, { page, review: id });
  return { review: { ...review, bodyLabel: localize(review.body_name, locale) }, register };
}

/**
 * An entity's page (an LRG's above all): what it was asked (public recommendations assigned or
 * delegated to it), what it did (its published updates), its indicators. Undefined when nothing
 * public names it.
 */
export async function publicEntity(db: Database, locale: Locale, id: string, page: number) {
  const entity = await findPublicEntity(db, id);
  if (!entity) return undefined;
  const [register, updates, indicators] = await Promise.all([
    publicRegister(db, locale, { page, entity: id }),
    findPublishedUpdates(db, { entityId: id }),
    findPublicIndicators(db, { ownerId: id }),
  ]);
  return { entity, register, updates, indicators: await withSeries(db, indicators) };
}

/** The public home and dashboard: reviews, counts by status and mechanism, the latest progress. */
export async function publicHome(db: Database, locale: Locale) {
  const [reviews, facets, updates, entities] = await Promise.all([
    findPublicReviews(db),
    countPublicFacets(db, {}),
    findPublishedUpdates(db, { limit: 5 }),
    findPublicEntities(db),
  ]);
  const labels = await labelsFor(db, locale, []);
  return { reviews, facets, updates, entities, labels };
}

export type WidgetSubject =
  | { kind: 'entity'; id: string }
  | { kind: 'review'; id: string }
  | { kind: 'theme'; id: number };

/** The default statuses first, in the order work moves through them; any other after, by count. */
const statusOrder = ['not_started', 'in_progress', 'partially_implemented', 'implemented', 'not_applicable'];

/**
 * An embeddable summary (decision 040): how many public recommendations the subject has, how many
 * are followed up in public and where they stand, and its latest published progress. Undefined
 * exactly where the subject's portal page answers 404.
 */
export async function publicWidget(db: Database, locale: Locale, subject: WidgetSubject) {
  let title: string;
  let kind: string;
  let path: string;
  let filters: PublicFilters;
  let by: Parameters<typeof findPublishedUpdates>[1];
  if (subject.kind === 'entity') {
    const entity = await findPublicEntity(db, subject.id);
    if (!entity) return undefined;
    title = entity.acronym ? `${entity.name} (${entity.acronym})` : entity.name;
    kind = `entities.kind.${entity.kind}`;
    path = `/entities/${entity.id}`;
    filters = { entity: entity.id };
    by = { entityId: entity.id, limit: 1 };
  } else if (subject.kind === 'review') {
    const review = await findPublicReview(db, subject.id);
    if (!review || publicnessOf(review.decision, null) === 'hidden') return undefined;
    title = review.symbol ?? review.title ?? localize(review.body_name, locale);
    kind = 'public.widget.kind.review';
    path = `/reviews/${review.id}`;
    filters = { review: review.id };
    by = { reviewId: review.id, limit: 1 };
  } else {
    title = '';
    kind = 'public.widget.kind.theme';
    path = `/themes/${subject.id}`;
    filters = { theme: subject.id };
    by = { themeId: subject.id, limit: 1 };
  }
  const [facets, updates, labels] = await Promise.all([
    countPublicFacets(db, filters),
    findPublishedUpdates(db, by),
    labelsFor(db, locale, subject.kind === 'theme' ? [subject.id] : []),
  ]);
  const total = facets.filter((f) => f.facet === 'mechanism').reduce((sum, f) => sum + f.count, 0);
  // A theme has a page only while a public recommendation carries it (as its page).
  if (subject.kind === 'theme') {
    if (total === 0) return undefined;
    title = labels.theme(String(subject.id));
  }
  const rank = (code: string) => {
    const index = statusOrder.indexOf(code);
    return index < 0 ? statusOrder.length : index;
  };
  const statuses = facets
    .filter((f) => f.facet === 'status')
    .sort((a, b) => rank(a.value) - rank(b.value) || b.count - a.count)
    .map((f) => ({ code: f.value, label: labels.status(f.value), count: f.count }));
  return { kind, title, path, total, statuses, latest: updates[0], labels };
}

/** What the snippet page offers to embed: every subject that has a public page. */
export async function publicWidgetSubjects(db: Database, locale: Locale) {
  const [entities, reviews, facets] = await Promise.all([
    findPublicEntities(db),
    findPublicReviews(db),
    countPublicFacets(db, {}),
  ]);
  const themeIds = facets.filter((f) => f.facet === 'theme').map((f) => Number(f.value));
  const labels = await labelsFor(db, locale, themeIds);
  return {
    entities: entities.map((entity) => ({ value: `entity:${entity.id}`, label: entity.name })),
    reviews: reviews.map((review) => ({
      value: `review:${review.id}`,
      label: review.symbol ?? review.title ?? labels.body(review.body_code),
    })),
    themes: themeIds
      .map((id) => ({ value: `theme:${id}`, label: labels.theme(String(id)) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  };
}

/**
 * The portal's aggregates for a knowledge hub (decision 038): the counts the public register
 * itself shows (the same facets, the same rule of what is public), with each status's and
 * theme's labels in every language the taxonomy has. Statuses count only recommendations whose
 * follow-up is public; nothing withheld or unpublished is ever counted.
 */
export async function publicAggregates(db: Database) {
  const [facets, { total }] = await Promise.all([countPublicFacets(db, {}), findPublicPage(db, {}, 'en', 0, 1)]);
  const of = (facet: string) => facets.filter((f) => f.facet === facet);
  const themeIds = of('theme').map((f) => Number(f.value));
  const terms = await findTermLabels(db, themeIds);
  const statusLabels = new Map(terms.filter((t) => t.taxonomy === 'status').map((t) => [t.code, t.label]));
  const themeLabels = new Map(terms.map((t) => [String(t.id), t.label]));
  return {
    total,
    byStatus: of('status').map((f) => ({ code: f.value, label: statusLabels.get(f.value) ?? {}, count: f.count })),
    byMechanism: of('mechanism').map((f) => ({ code: f.value, count: f.count })),
    byTheme: of('theme').map((f) => ({ code: f.value, label: themeLabels.get(f.value) ?? {}, count: f.count })),
  };
}
