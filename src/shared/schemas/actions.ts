import { z } from 'zod';
import { localeSchema, pageQuerySchema, versionSchema } from './common';
import { entityRefSchema } from './entities';

/** What government does to implement recommendations, and where it stands. */
export const actionStatuses = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

/** Still to be done: only these can be overdue and are reminded of their due date. */
export const openActionStatuses: readonly ActionStatus[] = ['planned', 'in_progress'];

export const actionSorts = ['due', 'title', 'updated'] as const;
export const actionEntityRoles = ['any', 'responsible', 'supporting'] as const;
export const actionReminderKinds = ['due_soon', 'overdue'] as const;
export const actionReminderStatuses = ['scheduled', 'sent', 'skipped', 'cancelled'] as const;

export const maxActionRecommendations = 200;
/** numeric(18, 2) holds more, but a double keeps cents exact only up to about 9·10^13. */
export const maxBudgetAmount = 9_999_999_999_999;

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(max)
      .nullish()
      .transform((value) => value ?? null),
  );

const optionalDate = z.preprocess(
  blankToNull,
  z.iso
    .date()
    .nullish()
    .transform((value) => value ?? null),
);

/** An amount as typed ("1250000", "1250000.50"): a number of at most two decimals, or none. */
const budgetAmountSchema = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    if (typeof blank !== 'string') return blank;
    const text = blank.trim().replace(/[\s\u00a0\u202f]/g, '');
    return /^\d+(\.\d{1,2})?$/.test(text) ? Number(text) : text;
  },
  z
    .number({ error: 'issues.action.amountNumber' })
    .min(0, { error: 'issues.action.amountNumber' })
    .max(maxBudgetAmount, { error: 'issues.action.amountTooBig' })
    .refine((amount) => /^\d+(\.\d{1,2})?$/.test(String(amount)), { error: 'issues.action.amountNumber' })
    .nullish()
    .transform((value) => value ?? null),
);

function isCurrency(code: string): boolean {
  // Older engines without supportedValuesOf still get the shape check; the server's engine has it.
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null;
  return known ? known.includes(code) : true;
}

/** An ISO 4217 code (EUR, USD, XOF), upper-cased. */
const currencySchema = z.preprocess(
  (value) => {
    const blank = blankToNull(value);
    return typeof blank === 'string' ? blank.trim().toUpperCase() : blank;
  },
  z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'issues.action.currency' })
    .refine(isCurrency, { error: 'issues.action.currency' })
    .nullish()
    .transform((value) => value ?? null),
);

/** What a person writes on an action: the same fields on creation and on an edit. */
const actionFieldsObject = z.object({
  title: z.string().trim().min(1).max(300),
  description: optionalText(10_000),
  responsibleEntityId: z.uuid({ error: 'issues.action.responsibleRequired' }),
  supportingEntityIds: z.array(z.uuid()).max(50).default([]),
  startDate: optionalDate,
  /** The due date: reminders go out before it and once it has passed. */
  endDate: optionalDate,
  budgetAmount: budgetAmountSchema,
  budgetCurrency: currencySchema,
  budgetSource: optionalText(300),
  status: actionStatusSchema.default('planned'),
  recommendationIds: z.array(z.uuid()).max(maxActionRecommendations).default([]),
  clusterIds: z.array(z.uuid()).max(50).default([]),
});

/** Checks across fields: dates in order, an amount and its currency together. */
function checkAcross(fields: z.output<typeof actionFieldsObject>, context: z.RefinementCtx) {
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate)
    context.addIssue({ code: 'custom', path: ['endDate'], message: 'issues.action.endBeforeStart' });
  if (fields.budgetAmount !== null && fields.budgetCurrency === null)
    context.addIssue({ code: 'custom', path: ['budgetCurrency'], message: 'issues.action.currencyRequired' });
  if (fields.budgetAmount === null && fields.budgetCurrency !== null)
    context.addIssue({ code: 'custom', path: ['budgetAmount'], message: 'issues.action.amountRequired' });
  if (fields.supportingEntityIds.includes(fields.responsibleEntityId))
    context.addIssue({
      code: 'custom',
      path: ['supportingEntityIds'],
      message: 'issues.action.supportingIsResponsible',
    });
}

export const createActionSchema = actionFieldsObject.superRefine(checkAcross);
export type CreateActionInput = z.output<typeof createActionSchema>;
export type ActionFormValues = z.input<typeof createActionSchema>;

export const updateActionSchema = actionFieldsObject.extend({ version: versionSchema }).superRefine(checkAcross);
export type UpdateActionInput = z.output<typeof updateActionSchema>;

export const actionVersionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const actionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  status: actionStatusSchema.optional(),
  entityId: z.uuid().optional(),
  /** Which part the entity plays: responsible, supporting, or either. */
  entityRole: z.enum(actionEntityRoles).default('any'),
  recommendationId: z.uuid().optional(),
  clusterId: z.uuid().optional(),
  /** Past the end date and not completed or cancelled. */
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  sort: z.enum(actionSorts).default('due'),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

export const budgetSchema = z.object({
  amount: z.number(),
  currency: z.string(),
  source: z.string().nullable(),
});

export const actionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: actionStatusSchema,
  responsibleEntity: entityRefSchema,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  overdue: z.boolean(),
  budget: budgetSchema.nullable(),
  recommendationCount: z.number().int(),
  clusterCount: z.number().int(),
  updatedAt: z.string(),
  version: versionSchema,
});
export type ActionSummary = z.infer<typeof actionSummarySchema>;

export const actionRecommendationSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  reviewSymbol: z.string().nullable(),
  bodyCode: z.string(),
  text: z.string(),
  textLang: localeSchema,
  /** Within the reader's scope: a focal point sees the others' numbers but cannot open them. */
  readable: z.boolean(),
});
export type ActionRecommendation = z.infer<typeof actionRecommendationSchema>;

export const actionReminderSchema = z.object({
  kind: z.enum(actionReminderKinds),
  dueDate: z.string(),
  dueAt: z.string(),
  status: z.enum(actionReminderStatuses),
  mailCount: z.number().int().nullable(),
  doneAt: z.string().nullable(),
});
export type ActionReminder = z.infer<typeof actionReminderSchema>;

export const actionDetailSchema = actionSummarySchema.extend({
  description: z.string().nullable(),
  supportingEntities: z.array(entityRefSchema),
  recommendations: z.array(actionRecommendationSchema),
  /** Linked recommendations outside the reader's scope: counted, never named (decision 020). */
  otherRecommendationCount: z.number().int(),
  clusters: z.array(z.object({ id: z.uuid(), name: z.string(), size: z.number().int() })),
  reminders: z.array(actionReminderSchema),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type ActionDetail = z.infer<typeof actionDetailSchema>;

export const actionNotificationSchema = z.object({ actionsByEmail: z.boolean() });
export type ActionNotification = z.infer<typeof actionNotificationSchema>;
