/** Register rows as the API shows them. */
import type { Locale } from '../../../shared/i18n/locales';
import type {
  Cluster,
  RecommendationDetail,
  RecommendationRef,
  ReviewSummary,
  StatusCause,
} from '../../../shared/schemas/register';
import type { LocalizedText } from '../../db/schema';
import { fallbackLang, localize } from '../../lib/language';
import type { ClusterOfRow } from './clusters.repo';
import type { LinkedRow } from './links.repo';
import type { RecommendationRow } from './recommendations.repo';
import type { findReview } from './reviews.repo';
import type { StatusHistoryRow } from './status-history.repo';

const langs = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** A date column as the ISO day, whichever way the driver hands it over. */
function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

type StatusChange = RecommendationDetail['statusHistory'][number];
type LinkedRecommendation = RecommendationDetail['links'][number];

/** The terms a recommendation names, as labels.repo finds them. */
interface TermLookup {
  id: number;
  taxonomy: string;
  code: string;
  label: LocalizedText;
}

function causeOf(row: StatusHistoryRow): StatusCause {
  switch (row.cause_kind) {
    case 'progress':
      return { kind: 'progress', progressUpdateId: row.progress_update_id ?? null };
    case 'import':
      return { kind: 'import', importId: row.import_id ?? null };
    default:
      return { kind: row.cause_kind };
  }
}

export function presentStatusChange(row: StatusHistoryRow): StatusChange {
  return {
    status: row.status,
    previousStatus: row.previous_status,
    cause: causeOf(row),
    note: row.note,
    changedBy: row.changed_by,
    changedAt: row.changed_at.toISOString(),
  };
}

export function presentRef(row: {
  id: string;
  number: string | null;
  body_code: string;
  symbol: string | null;
  text: string;
}): RecommendationRef {
  return { id: row.id, number: row.number, bodyCode: row.body_code, reviewSymbol: row.symbol, text: row.text };
}

export function presentLink(row: LinkedRow): LinkedRecommendation {
  return { ...presentRef(row), kind: row.kind };
}

export type ClusterRow = {
  id: string;
  name: string;
  description: string | null;
  version: number;
  size: number | string;
};

export function presentCluster(row: ClusterRow): Cluster {
  return { id: row.id, name: row.name, description: row.description, size: Number(row.size), version: row.version };
}

/** The recommendation page: texts in the reader's language (else the original), terms, review, history. */
export function presentDetail(
  row: RecommendationRow,
  parts: {
    history: StatusHistoryRow[];
    links: LinkedRow[];
    clusters: ClusterOfRow[];
    terms: TermLookup[];
    changes: RecommendationDetail['changes'];
  },
  locale: Locale,
): RecommendationDetail {
  const termRef = (termId: number) => {
    const term = parts.terms.find((t) => t.id === termId);
    return {
      id: termId,
      taxonomy: term?.taxonomy ?? '',
      code: term?.code ?? String(termId),
      label: localize(term?.label, locale) || (term?.code ?? ''),
      ...(fallbackLang(term?.label, locale) ? { lang: fallbackLang(term?.label, locale) } : {}),
    };
  };
  const texts = Object.fromEntries(
    langs.flatMap((lang) => (row[`text_${lang}`] ? [[lang, row[`text_${lang}`] as string]] : [])),
  );
  const textLang = (texts[locale] ? locale : row.original_lang) as Locale;
  return {
    id: row.id,
    number: row.number,
    reviewId: row.review_id,
    reviewSymbol: row.symbol,
    bodyCode: row.body_code,
    cycle: row.cycle,
    text: texts[textLang] ?? '',
    textLang,
    snippet: null,
    recommendingStates: row.recommending_states,
    position: row.position,
    status: row.status,
    sdgTargets: row.sdg_targets,
    themes: row.theme_ids.map((termId) => termRef(termId).label),
    texts,
    originalLang: row.original_lang as Locale,
    heading: row.heading,
    subItems: row.sub_items,
    positionSource: row.position_source,
    actionCategory: row.action_category,
    themeTerms: row.theme_ids.map(termRef),
    affectedTerms: row.affected_ids.map(termRef),
    issueTerms: row.issue_ids.map(termRef),
    customTerms: row.custom_term_ids.map(termRef),
    followUp: row.follow_up,
    followUpDue: row.follow_up_due ? isoDate(row.follow_up_due) : null,
    followUpGrade: row.follow_up_grade,
    localLevels: row.local_levels,
    sources: row.sources,
    review: {
      id: row.review_id,
      symbol: row.symbol,
      bodyCode: row.body_code,
      bodyName: localize(row.body_name, locale),
      countryIso2: row.review_country,
      cycle: row.review_cycle,
      session: row.session,
      reviewDate: row.review_date ? isoDate(row.review_date) : null,
    },
    statusHistory: parts.history.map(presentStatusChange),
    links: parts.links.map(presentLink),
    clusters: parts.clusters,
    changes: parts.changes,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

/** A review with its recommendations counted by status. */
export function presentReview(row: ReviewRow, locale: string): ReviewSummary {
  const counts = row.status_counts ?? {};
  const date = (value: Date | string | null) =>
    value ? (typeof value === 'string' ? value : value.toISOString()).slice(0, 10) : null;
  return {
    id: row.id,
    symbol: row.symbol,
    bodyCode: row.body_code,
    bodyName: localize(row.body_name, locale),
    mechanism: row.mechanism,
    countryIso2: row.country_iso2,
    cycle: row.cycle,
    session: row.session,
    reviewDate: date(row.review_date),
    followUpParagraphs: row.follow_up_paragraphs,
    followUpMonths: row.follow_up_months,
    followUpDue: date(row.follow_up_due),
    recommendationCount: Object.values(counts).reduce((sum, n) => sum + Number(n), 0),
    statusCounts: counts,
  };
}
