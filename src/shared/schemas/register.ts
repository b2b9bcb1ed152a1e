import { z } from 'zod';
import { localeSchema, localizedTextSchema, pageQuerySchema, versionSchema } from './common';

/** Results on a page of the register in the web client (its API request names it). */
export const registerPageSize = 20;

export const positions = ['supported', 'supported_in_part', 'noted', 'pending'] as const;
export const positionSchema = z.enum(positions);
export type Position = z.infer<typeof positionSchema>;
export const mechanisms = ['upr', 'treaty_body', 'special_procedure', 'regional', 'other'] as const;
export type Mechanism = (typeof mechanisms)[number];
export const linkKinds = ['related', 'duplicate'] as const;
/** A treaty body's grade of the State's follow-up reply on a recommendation. */
export const followUpGrades = ['A', 'B', 'C', 'D', 'E'] as const;

/**
 * A query-string value that may repeat (?theme=1&theme=2): always an array. An empty value
 * (`?review=`, as a hand-edited or truncated address leaves it) is no filter, not a bad one.
 */
function many<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    const list = (Array.isArray(value) ? value : [value]).filter((entry) => entry !== '' && entry !== undefined);
    return list.length ? list : undefined;
  }, z.array(item).max(50).optional());
}
const code = z.string().trim().min(1).max(100);
const termId = z.coerce.number().int().positive();

export const searchSorts = ['relevance', 'number', 'newest', 'updated'] as const;

/** The register's search: one text box, facets, sorting, paging. Shared by the URL and the API. */
export const recommendationSearchSchema = pageQuerySchema.extend({
  q: z.string().trim().max(500).optional(),
  mechanism: many(z.enum(mechanisms)),
  body: many(code),
  review: many(z.uuid()),
  cycle: many(z.coerce.number().int().min(1).max(9)),
  theme: many(termId),
  affected: many(termId),
  sdgGoal: many(z.coerce.number().int().min(1).max(17)),
  sdgTarget: many(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/)),
  position: many(positionSchema),
  status: many(code),
  state: many(code),
  /** entities assigned (directly or by delegation) */
  entity: many(z.uuid()),
  cluster: many(z.uuid()),
  sort: z.enum(searchSorts).default('relevance'),
  lang: localeSchema.optional(),
});
export type RecommendationSearch = z.infer<typeof recommendationSearchSchema>;
export type RecommendationSearchInput = z.input<typeof recommendationSearchSchema>;

export const facetNames = [
  'mechanism',
  'body',
  'review',
  'cycle',
  'theme',
  'affected',
  'sdgGoal',
  'sdgTarget',
  'position',
  'status',
  'state',
  'entity',
] as const;
export type FacetName = (typeof facetNames)[number];

export const facetValueSchema = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** The label's language when it is not the reader's (a term not translated yet, shown in English). */
  lang: z.string().optional(),
});
export type FacetValue = z.infer<typeof facetValueSchema>;

export const recommendationSummarySchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  reviewId: z.uuid(),
  reviewSymbol: z.string().nullable(),
  bodyCode: z.string(),
  cycle: z.number().nullable(),
  text: z.string(),
  textLang: localeSchema,
  /** The matching passage, hits between U+0002 and U+0003 (the client marks them up; never HTML). */
  snippet: z.string().nullable(),
  recommendingStates: z.array(z.string()),
  position: positionSchema.nullable(),
  status: z.string(),
  sdgTargets: z.array(z.string()),
  themes: z.array(z.string()),
});
export type RecommendationSummary = z.infer<typeof recommendationSummarySchema>;

export const searchResultSchema = z.object({
  items: z.array(recommendationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.record(z.string(), z.array(facetValueSchema)),
  /** When the words as typed found nothing, the corrected query that was searched instead. */
  correctedQuery: z.string().nullable(),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** Why a status changed (recommendation_status_history.cause_kind). */
export const statusCauseKinds = ['edit', 'batch', 'progress', 'import'] as const;
export type StatusCauseKind = (typeof statusCauseKinds)[number];
/** The cause with its record: the progress update or the import (null when that record is gone). */
export const statusCauseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edit') }),
  z.object({ kind: z.literal('batch') }),
  z.object({ kind: z.literal('progress'), progressUpdateId: z.uuid().nullable() }),
  z.object({ kind: z.literal('import'), importId: z.uuid().nullable() }),
]);
export type StatusCause = z.infer<typeof statusCauseSchema>;

export const statusChangeSchema = z.object({
  status: z.string(),
  previousStatus: z.string().nullable(),
  cause: statusCauseSchema,
  /** What the person who changed it wrote, if anything. */
  note: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});

export const linkedRecommendationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(linkKinds),
  number: z.string().nullable(),
  bodyCode: z.string(),
  reviewSymbol: z.string().nullable(),
  text: z.string(),
});

/** A term on a recommendation; `taxonomy` tells the custom lists apart (national plan chapters, …). */
export const termRefSchema = z.object({
  id: z.number().int(),
  taxonomy: z.string(),
  code: z.string(),
  label: z.string(),
  /** The label's language when it is not the reader's (not translated yet, shown in English). */
  lang: z.string().optional(),
});

export const recommendationDetailSchema = recommendationSummarySchema.extend({
  texts: localizedTextSchema,
  originalLang: localeSchema,
  heading: z.string().nullable(),
  subItems: z.array(z.object({ label: z.string(), text: z.string() })),
  positionSource: z.string().nullable(),
  actionCategory: z.number().nullable(),
  themeTerms: z.array(termRefSchema),
  affectedTerms: z.array(termRefSchema),
  issueTerms: z.array(termRefSchema),
  customTerms: z.array(termRefSchema),
  followUp: z.boolean(),
  followUpDue: z.string().nullable(),
  followUpGrade: z.string().nullable(),
  /** the LRG levels it concerns (1 = the first below national), when it concerns the local level */
  localLevels: z.array(z.number().int()),
  sources: z.array(
    z.object({
      importId: z.string(),
      fileName: z.string(),
      format: z.string(),
      location: z.object({ row: z.number().optional(), paragraph: z.string().optional(), page: z.number().optional() }),
    }),
  ),
  review: z.object({
    id: z.uuid(),
    symbol: z.string().nullable(),
    bodyCode: z.string(),
    bodyName: z.string(),
    countryIso2: z.string().nullable(),
    cycle: z.number().nullable(),
    session: z.number().nullable(),
    reviewDate: z.string().nullable(),
  }),
  statusHistory: z.array(statusChangeSchema),
  links: z.array(linkedRecommendationSchema),
  clusters: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The record's own audit trail (edits, links), newest first, at most 50. */
  changes: z.array(
    z.object({
      occurredAt: z.string(),
      actorLabel: z.string(),
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  version: versionSchema,
  updatedAt: z.string(),
});
export type RecommendationDetail = z.infer<typeof recommendationDetailSchema>;

export const updateRecommendationSchema = z.object({
  status: z.string().min(1).max(100).optional(),
  statusNote: z.string().trim().max(2000).optional(),
  position: positionSchema.nullable().optional(),
  themeIds: z.array(z.number().int().positive()).max(100).optional(),
  affectedIds: z.array(z.number().int().positive()).max(100).optional(),
  customTermIds: z.array(z.number().int().positive()).max(100).optional(),
  sdgTargets: z
    .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
    .max(50)
    .optional(),
  followUpGrade: z.enum(followUpGrades).nullable().optional(),
  version: versionSchema,
});
export type UpdateRecommendationInput = z.infer<typeof updateRecommendationSchema>;

export const batchEditSchema = z.object({
  ids: z.array(z.uuid()).min(1).max(1000),
  addThemeIds: z.array(z.number().int().positive()).max(50).default([]),
  removeThemeIds: z.array(z.number().int().positive()).max(50).default([]),
  addSdgTargets: z
    .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
    .max(50)
    .default([]),
  removeSdgTargets: z
    .array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/))
    .max(50)
    .default([]),
  status: z.string().min(1).max(100).optional(),
  clusterId: z.uuid().optional(),
  /** Links every selected recommendation to the others in the selection. */
  linkKind: z.enum(linkKinds).optional(),
});
export type BatchEditInput = z.infer<typeof batchEditSchema>;
export const batchEditResultSchema = z.object({ updated: z.number().int(), linked: z.number().int() });

export const createLinkSchema = z.object({ otherId: z.uuid(), kind: z.enum(linkKinds) });

/** A recommendation named in a list (link candidates): enough to tell it apart from the others. */
export const recommendationRefSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  bodyCode: z.string(),
  reviewSymbol: z.string().nullable(),
  text: z.string(),
});
export type RecommendationRef = z.infer<typeof recommendationRefSchema>;
/** Paragraph numbers as the documents print them: 118.7, 12, 12(a). */
export const paragraphNumberPattern = /^\d{1,4}(\.\d{1,4}){0,3}(\s?\(?[a-z]\)?)?$/i;
/** Recommendations by paragraph number: exactly it, or below it (140 finds 140.1, 140.2, …). */
export const numberLookupSchema = pageQuerySchema.extend({
  number: z.string().trim().regex(paragraphNumberPattern),
  lang: localeSchema.optional(),
});

export const clusterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  size: z.number().int(),
  version: versionSchema,
});
export type Cluster = z.infer<typeof clusterSchema>;
export const clusterListQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(200).optional() });
export const createClusterSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
});
export const updateClusterSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  version: versionSchema,
});
export const versionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const reviewSummarySchema = z.object({
  id: z.uuid(),
  symbol: z.string().nullable(),
  bodyCode: z.string(),
  bodyName: z.string(),
  mechanism: z.enum(mechanisms),
  countryIso2: z.string().nullable(),
  cycle: z.number().nullable(),
  session: z.number().nullable(),
  reviewDate: z.string().nullable(),
  followUpParagraphs: z.array(z.string()),
  followUpMonths: z.number().nullable(),
  followUpDue: z.string().nullable(),
  recommendationCount: z.number().int(),
  statusCounts: z.record(z.string(), z.number().int()),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;
export const reviewListQuerySchema = pageQuerySchema.extend({ body: z.string().max(100).optional() });

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export const createSavedViewSchema = z.object({
  name: z.string().trim().min(1).max(100),
  query: z.record(z.string(), z.unknown()),
});
