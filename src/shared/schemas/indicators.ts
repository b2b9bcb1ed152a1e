import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';
import { entityRefSchema } from './entities';
import { isBuiltinDimension } from './indicator-dimensions';

/** OHCHR's framework: commitments (structural), efforts (process), results (outcome). */
export const indicatorTypes = ['structural', 'process', 'outcome'] as const;
export const indicatorTypeSchema = z.enum(indicatorTypes);
export type IndicatorType = z.infer<typeof indicatorTypeSchema>;

/** How often a new value is due; the next due date follows from it and the last observation. */
export const indicatorFrequencies = ['annual', 'semiannual', 'quarterly', 'monthly', 'once'] as const;
/** The reminder of an indicator's next value due, as its job leaves it. */
export const indicatorReminderStatuses = ['scheduled', 'sent', 'skipped', 'cancelled'] as const;
export const indicatorFrequencySchema = z.enum(indicatorFrequencies);
export type IndicatorFrequency = z.infer<typeof indicatorFrequencySchema>;

/** Dimensions with a name in every language; any other key is a custom dimension with its own label. */
export { type BuiltinDimension, builtinDimensions, isBuiltinDimension } from './indicator-dimensions';

/** A dimension's key: lower case, digits and underscores (it is a key of each observation's disaggregation). */
export const dimensionKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'issues.indicator.dimensionKey');

export const dimensionSchema = z
  .object({
    key: dimensionKeySchema,
    /** Required for a custom dimension (what the user sees); built-in ones are translated. */
    label: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((value) => value || undefined),
    values: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
  })
  .refine((d) => isBuiltinDimension(d.key) || Boolean(d.label), {
    message: 'issues.indicator.customDimensionLabel',
    path: ['label'],
  })
  .refine((d) => new Set(d.values.map((v) => v.toLowerCase())).size === d.values.length, {
    message: 'issues.indicator.duplicateDimensionValue',
    path: ['values'],
  });
export type Dimension = z.infer<typeof dimensionSchema>;

/** SDG indicator codes as the UN list writes them: goal.target.indicator (3.1.1, 16.b.1). */
export const sdgIndicatorCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}$/, 'issues.indicator.sdgCode');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const optionalNumber = z
  .number()
  .finite()
  .nullish()
  .transform((value) => value ?? null);
const optionalYear = z
  .number()
  .int()
  .min(1900)
  .max(2200)
  .nullish()
  .transform((value) => value ?? null);

/** What a coordinator writes on an indicator: the same fields on creation and on an edit (with its version). */
export const indicatorFieldsSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'issues.indicator.code'),
    title: z.string().trim().min(1).max(500),
    description: optionalText(5000),
    type: indicatorTypeSchema,
    unit: z.string().trim().min(1).max(100),
    baselineValue: optionalNumber,
    baselineYear: optionalYear,
    targetValue: optionalNumber,
    targetYear: optionalYear,
    frequency: indicatorFrequencySchema,
    ownerEntityId: z.uuid(),
    dimensions: z.array(dimensionSchema).max(10).default([]),
    /** Observations may be recorded per LRG (disaggregation by place); else national only. */
    byPlace: z.boolean().default(false),
    sdgCodes: z.array(sdgIndicatorCodeSchema).max(20).default([]),
    recommendationIds: z.array(z.uuid()).max(200).default([]),
  })
  .refine((v) => (v.baselineValue === null) === (v.baselineYear === null), {
    message: 'issues.indicator.baselinePair',
    path: ['baselineYear'],
  })
  .refine((v) => new Set(v.dimensions.map((d) => d.key)).size === v.dimensions.length, {
    message: 'issues.indicator.duplicateDimension',
    path: ['dimensions'],
  });
export type IndicatorFields = z.output<typeof indicatorFieldsSchema>;
export type IndicatorValues = z.input<typeof indicatorFieldsSchema>;

export const updateIndicatorSchema = z.object({ version: versionSchema, fields: indicatorFieldsSchema });
export type UpdateIndicatorInput = z.output<typeof updateIndicatorSchema>;
export const versionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

export const indicatorListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  type: indicatorTypeSchema.optional(),
  ownerId: z.uuid().optional(),
  sdg: z.string().trim().max(20).optional(),
  recommendationId: z.uuid().optional(),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuerySchema>;

export const indicatorSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  type: indicatorTypeSchema,
  unit: z.string(),
  frequency: indicatorFrequencySchema,
  owner: entityRefSchema,
  sdgCodes: z.array(z.string()),
  observationCount: z.number().int(),
  /** The end of the last period observed (any place), ISO date. */
  lastPeriodEnd: z.string().nullable(),
  /** When the next value is due (ISO date); none for a one-off indicator already observed. */
  nextDue: z.string().nullable(),
  /** The next value's due date has passed (the server's UTC day, as reminders count). */
  overdue: z.boolean(),
  version: versionSchema,
});
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

export const indicatorDetailSchema = indicatorSummarySchema.extend({
  description: z.string().nullable(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  dimensions: z.array(z.object({ key: z.string(), label: z.string().optional(), values: z.array(z.string()) })),
  byPlace: z.boolean(),
  sdg: z.array(z.object({ code: z.string(), title: z.record(z.string(), z.string()) })),
  /** Linked recommendations the reader may see. */
  recommendations: z.array(z.object({ id: z.uuid(), symbol: z.string().nullable(), text: z.string() })),
  recommendationIds: z.array(z.uuid()),
  reminder: z.object({ dueDate: z.string(), dueAt: z.string(), status: z.enum(indicatorReminderStatuses) }).nullable(),
  canEdit: z.boolean(),
  /** The reader may enter observations for some place (national, or the LRGs listed). */
  canEnterNational: z.boolean(),
  enterablePlaces: z.array(entityRefSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

// Observations.

const isoDate = z.iso.date();

export const observationFieldsSchema = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate,
    value: z.number().finite(),
    lowerBound: optionalNumber,
    upperBound: optionalNumber,
    /** null: national; else one LRG. */
    placeId: z
      .uuid()
      .nullish()
      .transform((value) => value ?? null),
    /** dimension key → one of its values; a dimension left out is the total over it. */
    disaggregation: z.record(dimensionKeySchema, z.string().trim().min(1).max(100)).default({}),
    source: optionalText(500),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { message: 'issues.observation.periodOrder', path: ['periodEnd'] })
  .refine((v) => v.lowerBound === null || v.lowerBound <= v.value, {
    message: 'issues.observation.lowerAboveValue',
    path: ['lowerBound'],
  })
  .refine((v) => v.upperBound === null || v.upperBound >= v.value, {
    message: 'issues.observation.upperBelowValue',
    path: ['upperBound'],
  });
export type ObservationFields = z.output<typeof observationFieldsSchema>;
export type ObservationValues = z.input<typeof observationFieldsSchema>;

export const updateObservationSchema = z.object({ version: versionSchema, fields: observationFieldsSchema });
export const observationParamsSchema = z.object({ id: z.uuid(), observationId: z.uuid() });

export const observationListQuerySchema = pageQuerySchema.extend({
  /** 'national', an LRG's id, or nothing for every place. */
  place: z.union([z.literal('national'), z.uuid()]).optional(),
});
export type ObservationListQuery = z.infer<typeof observationListQuerySchema>;

export const observationSchema = z.object({
  id: z.uuid(),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  lowerBound: z.number().nullable(),
  upperBound: z.number().nullable(),
  place: entityRefSchema.nullable(),
  disaggregation: z.record(z.string(), z.string()),
  source: z.string().nullable(),
  enteredBy: z.string().nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
  version: versionSchema,
});
export type Observation = z.infer<typeof observationSchema>;

// Series for charts: bounded, one request per chart.

export const maxSeriesPoints = 200;
export const maxSeriesPlaces = 200;

export const overTimeQuerySchema = z.object({ placeId: z.uuid().optional() });
export const seriesSchema = z.object({
  label: z.string(),
  placeId: z.uuid().nullable(),
  values: z.array(z.number().nullable()),
  lower: z.array(z.number().nullable()),
  upper: z.array(z.number().nullable()),
});
export const overTimeSchema = z.object({
  /** One category per period ("2021" for a calendar year, else "start/end"). */
  categories: z.array(z.string()),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  series: z.array(seriesSchema),
  unit: z.string(),
  /** No national value: the series are the LRGs with the most values. */
  localOnly: z.boolean(),
});
export type OverTime = z.infer<typeof overTimeSchema>;

export const acrossPlacesQuerySchema = z.object({ periodStart: isoDate, periodEnd: isoDate });
export const acrossPlacesSchema = z.object({
  places: z.array(entityRefSchema),
  values: z.array(z.number()),
  lower: z.array(z.number().nullable()),
  upper: z.array(z.number().nullable()),
  /** More LRGs have a value than the chart shows. */
  truncated: z.boolean(),
  unit: z.string(),
});
export type AcrossPlaces = z.infer<typeof acrossPlacesSchema>;

/** The periods observed at LRG level (latest first), to choose one for the comparison. */
export const placePeriodsSchema = z.array(
  z.object({ start: z.string(), end: z.string(), placeCount: z.number().int() }),
);

// Import of observations (CSV or XLSX): a dry run, then all or nothing.

export const observationImportFormats = ['who', 'vlr'] as const;
export const observationImportActions = ['create', 'update', 'skip'] as const;

export const observationImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** The country whose rows become national observations in a WHO export (ISO 3166 alpha-3); the State's by default. */
  iso3: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/)
    .transform((value) => value.toUpperCase())
    .optional(),
});

export const observationImportPlanSchema = z.object({
  fileName: z.string(),
  format: z.enum(observationImportFormats),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    skip: z.number().int(),
    /** Rows of other indicators or other countries, left out. */
    ignored: z.number().int(),
    error: z.number().int(),
  }),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(observationImportActions),
      periodStart: z.string(),
      periodEnd: z.string(),
      place: z.string().nullable(),
      disaggregation: z.record(z.string(), z.string()),
      value: z.number(),
      lowerBound: z.number().nullable(),
      upperBound: z.number().nullable(),
    }),
  ),
  shownRows: z.number().int(),
  issues: z.array(
    z.object({
      file: z.string().optional(),
      row: z.number().int().optional(),
      column: z.string().optional(),
      message: z.string(),
    }),
  ),
  applied: z.boolean(),
});
export type ObservationImportPlan = z.infer<typeof observationImportPlanSchema>;

export const indicatorNotificationSchema = z.object({ indicatorsByEmail: z.boolean() });
export type IndicatorNotification = z.infer<typeof indicatorNotificationSchema>;
