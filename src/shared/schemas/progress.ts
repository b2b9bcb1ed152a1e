import { z } from 'zod';
import { periodReversed, periodReversedIssue } from '../progress/period';
import { progressStatusSchema } from './calls';
import { pageQuerySchema, versionSchema } from './common';
import { entityRefSchema } from './entities';
import { followUpGrades, recommendationRefSchema } from './register';

/** Narratives are HTML from the rich-text editor; the server sanitises them before storing. */
export const narrativeMaxLength = 100_000;
/** 'html': sanitised rich text (progress updates); 'text': plain text (answers to calls). */
export const narrativeFormats = ['text', 'html'] as const;

/** What a progress update is about: a recommendation or an action. */
export const progressSubjectKinds = ['recommendation', 'action'] as const;
export const progressSubjectKindSchema = z.enum(progressSubjectKinds);
export type ProgressSubjectKind = z.infer<typeof progressSubjectKindSchema>;

const optionalStatus = z
  .string()
  .trim()
  .max(100)
  .nullish()
  .transform((value) => value || null);

/** What the entity writes: the narrative, a proposed status, the reporting period. */
const progressFieldsObject = z.object({
  narrative: z.string().max(narrativeMaxLength).default(''),
  proposedStatus: optionalStatus,
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
});

function checkPeriod(fields: { periodStart: string; periodEnd: string }, context: z.RefinementCtx) {
  if (periodReversed(fields))
    context.addIssue({ code: 'custom', path: [periodReversedIssue.path], message: periodReversedIssue.message });
}

export const createProgressUpdateSchema = progressFieldsObject
  .extend({
    /** Exactly one of recommendationId and actionId. */
    recommendationId: z.uuid().optional(),
    actionId: z.uuid().optional(),
    entityId: z.uuid(),
  })
  .superRefine(checkPeriod);
export type CreateProgressUpdateInput = z.output<typeof createProgressUpdateSchema>;

export const updateProgressUpdateSchema = progressFieldsObject
  .extend({ version: versionSchema })
  .superRefine(checkPeriod);
export type UpdateProgressUpdateInput = z.output<typeof updateProgressUpdateSchema>;

/** A workflow step at the version read; returning needs the comment that says why. */
export const progressStepSchema = z.object({
  version: versionSchema,
  comment: z.string().trim().max(5000).optional(),
});
export type ProgressStepInput = z.output<typeof progressStepSchema>;

/** Most updates one bulk step takes: each is its own transaction, one after the other. */
export const maxBulkProgressSteps = 100;

/**
 * Validating (or endorsing) or returning several updates at once, each at the version read; one
 * comment for all, required to return. Each item succeeds or fails on its own.
 */
export const bulkProgressStepSchema = z
  .object({
    items: z
      .array(z.object({ id: z.uuid(), version: versionSchema }))
      .min(1)
      .max(maxBulkProgressSteps),
    comment: z.string().trim().max(5000).optional(),
  })
  .superRefine((input, context) => {
    const ids = input.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length)
      context.addIssue({ code: 'custom', path: ['items'], message: 'issues.progress.duplicateItem' });
  });
export type BulkProgressStepInput = z.output<typeof bulkProgressStepSchema>;

/** Per item: its new status when the step was taken, or the refusal (its code and the message in the reader's language). */
export const bulkProgressResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      status: progressStatusSchema.nullable(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BulkProgressResult = z.infer<typeof bulkProgressResultSchema>;

export const progressStepKinds = ['submitted', 'endorsed', 'validated', 'returned'] as const;

export const progressListQuerySchema = pageQuerySchema.extend({
  recommendationId: z.uuid().optional(),
  actionId: z.uuid().optional(),
  entityId: z.uuid().optional(),
  status: progressStatusSchema.optional(),
  /** Only the updates waiting for the reader's step (as validator or as coordinator). */
  toValidate: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type ProgressListQuery = z.output<typeof progressListQuerySchema>;

export const progressSubjectSchema = z.object({
  kind: progressSubjectKindSchema,
  id: z.uuid(),
  /** The recommendation's number and document symbol, or the action's title. */
  label: z.string(),
});

export const progressSummarySchema = z.object({
  id: z.uuid(),
  subject: progressSubjectSchema,
  /**
   * The recommendation an update is about (null for an action): its number, its review, and an
   * excerpt of its text in the reader's language (else the original, named by textLang).
   */
  recommendation: recommendationRefSchema.extend({ textLang: z.string().nullable() }).nullable(),
  entity: entityRefSchema,
  status: progressStatusSchema,
  proposedStatus: z.string().nullable(),
  proposedStatusLabel: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  callId: z.uuid().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The version a step (one or in bulk) is taken at. */
  version: versionSchema,
});
export type ProgressSummary = z.infer<typeof progressSummarySchema>;

export const progressEventSchema = z.object({
  step: z.enum(progressStepKinds),
  comment: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

export const progressDetailSchema = progressSummarySchema.extend({
  /** Sanitised HTML, safe to render as is. */
  narrativeHtml: z.string(),
  createdBy: z.string().nullable(),
  submittedBy: z.string().nullable(),
  endorsedBy: z.string().nullable(),
  endorsedAt: z.string().nullable(),
  validatedBy: z.string().nullable(),
  validatedAt: z.string().nullable(),
  /** Whether the entity has a validating authority (else submitted goes to the coordinator). */
  entityHasValidator: z.boolean(),
  events: z.array(progressEventSchema),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
  }),
});
export type ProgressDetail = z.infer<typeof progressDetailSchema>;

/** What the form offers: the entities the reader may write for on that subject, and the statuses. */
export const progressOptionsQuerySchema = z.object({
  recommendationId: z.uuid().optional(),
  actionId: z.uuid().optional(),
});
export const progressOptionsSchema = z.object({
  subject: progressSubjectSchema,
  entities: z.array(entityRefSchema),
  statusOptions: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type ProgressOptions = z.infer<typeof progressOptionsSchema>;

// Attachments: evidence on a progress update, documents on an action.

export const attachmentSubjectKinds = ['progress_update', 'action'] as const;
export type AttachmentSubjectKind = (typeof attachmentSubjectKinds)[number];

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({
  items: z.array(attachmentSchema),
  /** The reader may add and remove files (the subject is still editable and theirs to edit). */
  canEdit: z.boolean(),
  maxBytes: z.number().int(),
  /** Allowed kinds by extension: pdf, docx, … */
  types: z.array(z.string()),
});
export type AttachmentList = z.infer<typeof attachmentListSchema>;

export const attachmentUploadQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255) });

// Treaty body follow-up.

export const followUpGradeSchema = z.enum(followUpGrades);

export const followUpQuerySchema = pageQuerySchema.extend({
  bodyCode: z.string().trim().max(20).optional(),
  reviewId: z.uuid().optional(),
  /** Only those without a grade yet. */
  ungraded: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});
export type FollowUpQuery = z.output<typeof followUpQuerySchema>;

export const followUpItemSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  bodyCode: z.string(),
  reviewId: z.uuid(),
  reviewSymbol: z.string().nullable(),
  text: z.string(),
  status: z.string(),
  followUpDue: z.string().nullable(),
  grade: followUpGradeSchema.nullable(),
  gradedAt: z.string().nullable(),
  gradeDocument: z.string().nullable(),
  overdue: z.boolean(),
  version: versionSchema,
});
export type FollowUpItem = z.infer<typeof followUpItemSchema>;

export const followUpGradeInputSchema = z.object({
  grade: followUpGradeSchema.nullable(),
  /** The day the committee assessed the reply. */
  gradedAt: z.iso.date().nullable().default(null),
  /** The symbol of the committee's assessment (e.g. CCPR/C/133/2/Add.4). */
  gradeDocument: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((value) => value || null),
  version: versionSchema,
});
export type FollowUpGradeInput = z.output<typeof followUpGradeInputSchema>;
