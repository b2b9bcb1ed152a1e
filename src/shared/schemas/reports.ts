import { z } from 'zod';
import { localeSchema, pageQuerySchema, versionSchema } from './common';
import type { Mechanism } from './register';

/** The reports a State writes to the mechanisms (docs/domain.md). */
export const reportTypes = [
  'upr_national',
  'upr_mid_term',
  'tb_periodic',
  'tb_follow_up',
  'loi_reply',
  'communication_reply',
] as const;
export const reportTypeSchema = z.enum(reportTypes);
export type ReportType = z.infer<typeof reportTypeSchema>;

/**
 * The report types each mechanism receives: UPR reports go to the UPR, periodic reports,
 * follow-up replies and replies to a list of issues to a treaty body, replies to communications
 * to a Special Procedure. Regional and other bodies take any type. The form offers these; the
 * server refuses any other pairing.
 */
export const reportTypesByMechanism: Record<Mechanism, readonly ReportType[]> = {
  upr: ['upr_national', 'upr_mid_term'],
  treaty_body: ['tb_periodic', 'tb_follow_up', 'loi_reply'],
  special_procedure: ['communication_reply'],
  regional: reportTypes,
  other: reportTypes,
};

/** The report types a body of this mechanism receives (every type while no body is chosen). */
export function reportTypesFor(mechanism: string | undefined): readonly ReportType[] {
  return mechanism && mechanism in reportTypesByMechanism
    ? reportTypesByMechanism[mechanism as Mechanism]
    : reportTypes;
}

/**
 * Default word limits (configurable per report), as the UN sets and counts them (docs/domain.md,
 * "Word limits"): a UPR national report 10,700 words (the limit of documents not originating in
 * the Secretariat; OHCHR's guidance note for national reports); a treaty body periodic report,
 * the replies to a list of issues prior to reporting included, 21,200, and replies to a list of
 * issues 10,700 (General Assembly resolution 68/268; OHCHR's guidelines for treaty body
 * reporting). The voluntary mid-term report has no UN limit: the national report's is the
 * sensible ceiling. A follow-up reply is short by design; the committees' follow-up notes ask for
 * a few pages, 3,500 words by default. Replies to communications have no set limit; 10,700 keeps
 * them within what a mechanism reads. What counts: the main text, headings and quoted paragraphs
 * included; annexes and the source notes are not counted (`wordCounts` in report-text.ts).
 */
export const defaultWordLimits: Record<ReportType, number> = {
  upr_national: 10_700,
  upr_mid_term: 10_700,
  tb_periodic: 21_200,
  tb_follow_up: 3_500,
  loi_reply: 10_700,
  communication_reply: 10_700,
};

export const reportStatuses = ['drafting', 'consultation', 'approved'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/**
 * Sections follow OHCHR's thematic lists (one section per theme), the register's clusters, or
 * one section per recommendation: the paragraph-by-paragraph replies of a treaty body or Special
 * Procedures report, and the implementation matrix of a UPR mid-term report (docs/domain.md).
 */
export const reportGroupings = ['theme', 'cluster', 'recommendation'] as const;
export const reportGroupingSchema = z.enum(reportGroupings);
export type ReportGrouping = z.infer<typeof reportGroupingSchema>;

/**
 * The shapes each report type takes: a UPR national report is written by theme or cluster; a
 * mid-term report by theme, by cluster or as the implementation matrix; the others answer
 * paragraph by paragraph (one reply per paragraph of the list of issues, per paragraph named for
 * follow-up, per question of the communication). The first is the default.
 */
export const reportGroupingsByType: Record<ReportType, readonly ReportGrouping[]> = {
  upr_national: ['theme', 'cluster'],
  upr_mid_term: ['theme', 'cluster', 'recommendation'],
  tb_periodic: ['recommendation'],
  tb_follow_up: ['recommendation'],
  loi_reply: ['recommendation'],
  communication_reply: ['recommendation'],
};

/** Where the local and regional governments' contributions go: an annex, or a chapter. */
export const lrgPlacements = ['annex', 'section'] as const;
export const lrgPlacementSchema = z.enum(lrgPlacements);
export type LrgPlacement = z.infer<typeof lrgPlacementSchema>;

/** A UN document symbol as the secretariat gives it ("A/HRC/WG.6/34/SVN/1", "CRC/C/SVN/5-6"). */
export const reportSymbolSchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^$|^[A-Z][A-Za-z0-9.-]*(\/[A-Za-z0-9.\-()]+)+$/, { error: 'issues.report.symbol' })
  .transform((value) => value || null);

export const maxSectionHtml = 400_000;

export const createReportSchema = z.object({
  bodyCode: z.string().trim().min(1).max(40),
  type: reportTypeSchema,
  title: z.string().trim().min(1).max(300),
  language: localeSchema.optional(),
  /** Reviews concerned; none means every recommendation of the body. */
  reviewIds: z.array(z.uuid()).max(20).default([]),
  /** Narrower scopes, as the register filters: one UPR cycle, some clusters, a saved view's filters. */
  cycle: z.number().int().min(1).max(9).optional(),
  clusterIds: z.array(z.uuid()).max(50).default([]),
  viewId: z.uuid().optional(),
  /** Default: the first the type allows (`reportGroupingsByType`). */
  grouping: reportGroupingSchema.optional(),
  symbol: reportSymbolSchema.nullable().optional(),
  /** Default: an annex. */
  lrgPlacement: lrgPlacementSchema.optional(),
  wordLimit: z.number().int().min(1).max(1_000_000).optional(),
  annexWordLimit: z.number().int().min(1).max(1_000_000).nullable().optional(),
});
export type CreateReportInput = z.output<typeof createReportSchema>;

export const updateReportSchema = z.object({
  title: z.string().trim().min(1).max(300),
  /** Absent: unchanged. */
  symbol: reportSymbolSchema.nullable().optional(),
  lrgPlacement: lrgPlacementSchema.optional(),
  wordLimit: z.number().int().min(1).max(1_000_000),
  annexWordLimit: z.number().int().min(1).max(1_000_000).nullable(),
  version: versionSchema,
});
export type UpdateReportInput = z.output<typeof updateReportSchema>;

export const reportListQuerySchema = pageQuerySchema.extend({ status: reportStatusSchema.optional() });
export type ReportListQuery = z.output<typeof reportListQuerySchema>;

export const wordCountsSchema = z.object({
  main: z.number().int(),
  annex: z.number().int(),
  mainLimit: z.number().int(),
  annexLimit: z.number().int().nullable(),
  mainOver: z.boolean(),
  annexOver: z.boolean(),
});

export const reportSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  type: reportTypeSchema,
  bodyCode: z.string(),
  status: reportStatusSchema,
  language: localeSchema,
  wordLimit: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportSourceSchema = z.object({
  updateId: z.uuid(),
  entityId: z.uuid(),
  entityName: z.string(),
  recommendationIds: z.array(z.uuid()),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
});
export type ReportSourceView = z.infer<typeof reportSourceSchema>;

export const reportRecommendationSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  excerpt: z.string(),
  /** False once the recommendation has been removed from the register. */
  present: z.boolean(),
  position: z.string().nullable(),
  status: z.string().nullable(),
});

export const reportSectionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  heading: z.string(),
  body: z.string(),
  words: z.number().int(),
  recommendations: z.array(reportRecommendationSchema),
  sources: z.array(reportSourceSchema),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const annexItemSchema = z.object({
  updateId: z.uuid(),
  recommendationNumbers: z.array(z.string()),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  text: z.string(),
});
export const annexEntrySchema = z.object({
  entityId: z.uuid(),
  entityName: z.string(),
  lrgLevel: z.number().int().nullable(),
  included: z.boolean(),
  words: z.number().int(),
  items: z.array(annexItemSchema),
});
export type AnnexEntry = z.infer<typeof annexEntrySchema>;

export const reportDetailSchema = reportSummarySchema.extend({
  reviewIds: z.array(z.uuid()),
  grouping: reportGroupingSchema,
  symbol: z.string().nullable(),
  lrgPlacement: lrgPlacementSchema,
  annexWordLimit: z.number().int().nullable(),
  consultationVersion: z.number().int().nullable(),
  approvedVersion: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  sections: z.array(reportSectionSchema),
  annex: z.array(annexEntrySchema),
  counts: wordCountsSchema,
  /** Recommendations included once and since removed from the register, by number. */
  missingRecommendations: z.array(z.object({ id: z.uuid(), number: z.string().nullable(), sectionId: z.uuid() })),
  canEdit: z.boolean(),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const updateSectionSchema = z.object({
  heading: z.string().trim().min(1).max(300),
  body: z.string().max(maxSectionHtml),
  version: versionSchema,
});
export type UpdateSectionInput = z.output<typeof updateSectionSchema>;
export const sectionParamsSchema = z.object({ id: z.uuid(), sectionId: z.uuid() });

export const annexSelectionSchema = z.object({ included: z.boolean(), version: versionSchema });
export const annexParamsSchema = z.object({ id: z.uuid(), entityId: z.uuid() });

export const saveVersionSchema = z.object({ note: z.string().trim().max(500).optional() });
export const reportVersionSchema = z.object({
  number: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  words: z.number().int(),
});
export type ReportVersion = z.infer<typeof reportVersionSchema>;
export const versionParamsSchema = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1) });

export const diffQuerySchema = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const diffPartSchema = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export const sectionDiffSchema = z.object({
  sectionId: z.string(),
  heading: z.string(),
  change: z.enum(['added', 'removed', 'changed', 'same']),
  parts: z.array(diffPartSchema),
});
export const reportDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(sectionDiffSchema),
});
export type ReportDiff = z.infer<typeof reportDiffSchema>;

export const openConsultationSchema = z.object({ versionNumber: z.number().int().min(1), version: versionSchema });
export const approveReportSchema = z.object({ version: versionSchema, note: z.string().trim().max(500).optional() });

export const createCommentSchema = z.object({
  sectionId: z.uuid(),
  paragraph: z.number().int().min(0).max(10_000),
  body: z.string().trim().min(1).max(5000),
});
export const replySchema = z.object({ body: z.string().trim().min(1).max(5000) });
export const resolveSchema = z.object({ resolved: z.boolean() });
export const commentParamsSchema = z.object({ id: z.uuid(), commentId: z.uuid() });

export const commentSchema = z.object({
  id: z.uuid(),
  sectionId: z.uuid(),
  paragraph: z.number().int(),
  parentId: z.uuid().nullable(),
  body: z.string(),
  authorName: z.string().nullable(),
  authorRole: z.string().nullable(),
  resolved: z.boolean(),
  createdAt: z.string(),
});
export type ReportComment = z.infer<typeof commentSchema>;

/** A frozen copy of a report at a version: what consultation shows and the diff compares. */
export const snapshotSectionSchema = z.object({
  id: z.string(),
  heading: z.string(),
  body: z.string(),
  recommendationNumbers: z.array(z.string()),
});
export const snapshotSchema = z.object({
  title: z.string(),
  type: reportTypeSchema,
  bodyCode: z.string(),
  sections: z.array(snapshotSectionSchema),
  annex: z.array(z.object({ entityName: z.string(), items: z.array(annexItemSchema) })),
  counts: wordCountsSchema,
});
export type ReportSnapshot = z.infer<typeof snapshotSchema>;

export const consultationSchema = z.object({
  reportId: z.uuid(),
  title: z.string(),
  status: reportStatusSchema,
  versionNumber: z.number().int(),
  snapshot: snapshotSchema,
  comments: z.array(commentSchema),
  canComment: z.boolean(),
  canReply: z.boolean(),
});
export type Consultation = z.infer<typeof consultationSchema>;
