import { z } from 'zod';
import { answerStatuses, callStatuses, defaultRemindAfter, defaultRemindBefore } from './call-values';
import { localeSchema, pageQuerySchema, versionSchema } from './common';
import { entityRefSchema } from './entities';

export { answerStatuses, callStatuses, defaultRemindAfter, defaultRemindBefore } from './call-values';

/** "Remind them now" sends nothing but the call's id in its path. */
export const remindNowSchema = z.object({});

export const callStatusSchema = z.enum(callStatuses);
export type CallStatus = z.infer<typeof callStatusSchema>;

export const answerStatusSchema = z.enum(answerStatuses);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;

/**
 * A progress update: draft → submitted → endorsed (by the entity's validator) → validated (by
 * the NMIRF coordinator), or returned with a comment at either step.
 */
export const progressStatuses = ['draft', 'submitted', 'endorsed', 'validated', 'returned'] as const;
export const progressStatusSchema = z.enum(progressStatuses);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

export const reminderStatuses = ['scheduled', 'sent', 'skipped'] as const;
/** What lands in an entity's inbox: calls only, so far. */
export const inboxKinds = ['call'] as const;
export const reminderStatusSchema = z.enum(reminderStatuses);

export const maxCallRecommendations = 1000;

const uniqueSorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

/** What a coordinator writes on a call; the same fields on creation and on a draft's edit. */
export const callFieldsSchema = z.object({
  title: z.string().trim().min(1).max(300),
  message: z.string().trim().min(1).max(10_000),
  /** The last day to answer (ISO date); not in the past. */
  deadline: z.iso.date(),
  askNarrative: z.boolean().default(true),
  askStatus: z.boolean().default(true),
  /** Days before the deadline (0 = the deadline day itself). */
  remindBefore: z.array(z.number().int().min(0).max(180)).max(6).default(defaultRemindBefore).transform(uniqueSorted),
  /** Days after the deadline, to those who have not answered. */
  remindAfter: z.array(z.number().int().min(1).max(180)).max(6).default(defaultRemindAfter).transform(uniqueSorted),
});
export type CallFields = z.output<typeof callFieldsSchema>;

/** A selection of recommendations: ids and clusters (all their members). */
export const recommendationSelectionSchema = z.object({
  recommendationIds: z.array(z.uuid()).max(maxCallRecommendations).default([]),
  clusterIds: z.array(z.uuid()).max(50).default([]),
});

export const createCallSchema = callFieldsSchema.extend({
  ...recommendationSelectionSchema.shape,
  /** Entities asked: duty bearers assigned to at least one of the recommendations. */
  entityIds: z.array(z.uuid()).max(500).default([]),
  /** Ask every duty bearer assigned (directly or by delegation) to any of the recommendations. */
  allAssigned: z.boolean().default(false),
});
export type CreateCallInput = z.output<typeof createCallSchema>;
export type CreateCallValues = z.input<typeof createCallSchema>;

export const updateCallSchema = callFieldsSchema.extend({ version: versionSchema });
export type UpdateCallInput = z.output<typeof updateCallSchema>;

export const addCallRecommendationsSchema = recommendationSelectionSchema;
export const addCallEntitiesSchema = z.object({
  entityIds: z.array(z.uuid()).max(500).default([]),
  allAssigned: z.boolean().default(false),
});
export const sendCallSchema = z.object({ version: versionSchema });
export const callVersionQuerySchema = z.object({ version: z.coerce.number().int().positive() });
export const callEntityParamsSchema = z.object({ id: z.uuid(), entityId: z.uuid() });
export const callRecommendationParamsSchema = z.object({ id: z.uuid(), recommendationId: z.uuid() });

export const callListQuerySchema = pageQuerySchema.extend({
  status: callStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type CallListQuery = z.infer<typeof callListQuerySchema>;

export const callSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  deadline: z.string(),
  status: callStatusSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  recommendationCount: z.number().int(),
  entityCount: z.number().int(),
  /** Entities that answered (on time or late); for a sent call. */
  answeredCount: z.number().int(),
  /** Entities past the deadline without an answer. */
  lateCount: z.number().int(),
  version: versionSchema,
});
export type CallSummary = z.infer<typeof callSummarySchema>;

export const callReminderSchema = z.object({
  daysFromDeadline: z.number().int(),
  dueAt: z.string(),
  status: reminderStatusSchema,
  entityCount: z.number().int().nullable(),
  mailCount: z.number().int().nullable(),
  doneAt: z.string().nullable(),
});
export type CallReminder = z.infer<typeof callReminderSchema>;

export const callDetailSchema = callSummarySchema.extend({
  message: z.string(),
  askNarrative: z.boolean(),
  askStatus: z.boolean(),
  remindBefore: z.array(z.number().int()),
  remindAfter: z.array(z.number().int()),
  sentBy: z.string().nullable(),
  updatedAt: z.string(),
  reminders: z.array(callReminderSchema),
  /** Counts of the entities by where they stand (sent calls). */
  answerCounts: z.record(answerStatusSchema, z.number().int()),
  canEdit: z.boolean(),
  canSend: z.boolean(),
});
export type CallDetail = z.infer<typeof callDetailSchema>;

/** A recommendation of a call, with the entities assigned to it. */
export const callRecommendationSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  reviewSymbol: z.string().nullable(),
  bodyCode: z.string(),
  text: z.string(),
  textLang: localeSchema,
  status: z.string(),
  assigned: z.array(z.object({ id: z.uuid(), name: z.string(), asked: z.boolean() })),
});
export type CallRecommendation = z.infer<typeof callRecommendationSchema>;

export const callEntityQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(200).optional() });

/** An entity that a call asks or may ask: a duty bearer assigned to some of its recommendations. */
export const callEntitySchema = z.object({
  entity: entityRefSchema,
  /** How many of the call's recommendations are assigned to it. */
  recommendationCount: z.number().int(),
  asked: z.boolean(),
  /** Main and alternate focal points with an active account (who get the mail). */
  focalPointCount: z.number().int(),
});
export type CallEntity = z.infer<typeof callEntitySchema>;

export const trackerQuerySchema = pageQuerySchema.extend({
  status: answerStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TrackerQuery = z.infer<typeof trackerQuerySchema>;

/** One entity's progress on a sent call. */
export const trackerRowSchema = z.object({
  entity: entityRefSchema,
  status: answerStatusSchema,
  itemCount: z.number().int(),
  submittedCount: z.number().int(),
  draftCount: z.number().int(),
  lastSubmittedAt: z.string().nullable(),
  focalPointCount: z.number().int(),
});
export type TrackerRow = z.infer<typeof trackerRowSchema>;

export const trackerPageSchema = z.object({
  items: z.array(trackerRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(answerStatusSchema, z.number().int()),
});
export type TrackerPage = z.infer<typeof trackerPageSchema>;

export const inboxQuerySchema = pageQuerySchema.extend({
  /** Only calls still to answer (not answered yet). */
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** A call in the inbox of one of the entities the person serves. */
export const inboxItemSchema = z.object({
  call: z.object({ id: z.uuid(), title: z.string(), deadline: z.string() }),
  entity: entityRefSchema,
  receivedAt: z.string(),
  status: answerStatusSchema,
  itemCount: z.number().int(),
  submittedCount: z.number().int(),
  draftCount: z.number().int(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const progressUpdateSchema = z.object({
  id: z.uuid(),
  narrative: z.string().nullable(),
  proposedStatus: z.string().nullable(),
  status: progressStatusSchema,
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  updatedAt: z.string(),
  version: versionSchema,
});
export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

export const answerItemSchema = z.object({
  recommendation: z.object({
    id: z.uuid(),
    number: z.string().nullable(),
    reviewSymbol: z.string().nullable(),
    bodyCode: z.string(),
    text: z.string(),
    textLang: localeSchema,
    status: z.string(),
  }),
  update: progressUpdateSchema.nullable(),
  /** The evidence files attached to the answer (the update's attachments), oldest first. */
  evidence: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() }),
  ),
});
export type AnswerItem = z.infer<typeof answerItemSchema>;

/** An entity's answer to a call: the call, the recommendations assigned to it, what it wrote. */
export const answerPageSchema = z.object({
  call: z.object({
    id: z.uuid(),
    title: z.string(),
    message: z.string(),
    deadline: z.string(),
    askNarrative: z.boolean(),
    askStatus: z.boolean(),
    sentAt: z.string().nullable(),
  }),
  entity: entityRefSchema,
  status: answerStatusSchema,
  itemCount: z.number().int(),
  submittedCount: z.number().int(),
  draftCount: z.number().int(),
  /** The reader may write (a main or alternate focal point or member of the entity). */
  canAnswer: z.boolean(),
  statusOptions: z.array(z.object({ code: z.string(), label: z.string() })),
  items: z.array(answerItemSchema),
  /** What an evidence file may be: its largest size and the kinds (by extension) accepted. */
  evidenceLimits: z.object({ maxBytes: z.number().int(), types: z.array(z.string()) }),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AnswerPage = z.infer<typeof answerPageSchema>;

export const answerQuerySchema = pageQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(20).meta({ example: 20, description: 'Items per page' }),
});

const narrativeSchema = z
  .string()
  .trim()
  .max(20_000)
  .nullish()
  .transform((value) => value || null);

/** Saves drafts of some items, or submits them (each complete) when `submit` is true. */
export const saveAnswersSchema = z.object({
  items: z
    .array(
      z.object({
        recommendationId: z.uuid(),
        narrative: narrativeSchema,
        proposedStatus: z
          .string()
          .trim()
          .max(100)
          .nullish()
          .transform((value) => value || null),
        /** The version last read; null for an item not saved before. */
        version: versionSchema.nullable(),
      }),
    )
    .min(1)
    .max(100),
  submit: z.boolean().default(false),
});
export type SaveAnswersInput = z.output<typeof saveAnswersSchema>;
export type SaveAnswersValues = z.input<typeof saveAnswersSchema>;

export const saveAnswersResultSchema = z.object({
  status: answerStatusSchema,
  saved: z.array(z.object({ recommendationId: z.uuid(), update: progressUpdateSchema })),
});
export type SaveAnswersResult = z.infer<typeof saveAnswersResultSchema>;

export const notificationPreferencesSchema = z.object({ callsByEmail: z.boolean() });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
