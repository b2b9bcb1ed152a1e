import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common';

/** What the status breakdown groups recommendations by. */
export const dashboardDimensions = [
  'mechanism',
  'body',
  'cycle',
  'theme',
  'sdgGoal',
  'entity',
  'lrgLevel',
  'lrg',
] as const;
export type DashboardDimension = (typeof dashboardDimensions)[number];

export const trendIntervals = ['month', 'quarter'] as const;
export type TrendInterval = (typeof trendIntervals)[number];

/**
 * The filters every dashboard view shares (all optional). `from` / `to` bound the date of the
 * review (outcome document) the recommendations come from; `entity` keeps those assigned to it
 * (directly or by delegation).
 */
export const dashboardFiltersSchema = z.object({
  body: z.string().min(1).max(40).optional(),
  cycle: z.coerce.number().int().min(1).max(20).optional(),
  entity: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export const statusBreakdownQuerySchema = dashboardFiltersSchema.extend({
  dimension: z.enum(dashboardDimensions).default('mechanism'),
  /** the values with most recommendations; the rest are summed in `other` */
  limit: z.coerce.number().int().min(1).max(50).default(12),
});
export type StatusBreakdownQuery = z.infer<typeof statusBreakdownQuerySchema>;

/** A status term of the installation, in the taxonomy's order (unknown codes last). */
export const dashboardStatusSchema = z.object({ code: z.string(), label: z.string(), final: z.boolean() });
export type DashboardStatus = z.infer<typeof dashboardStatusSchema>;

const countsSchema = z.record(z.string(), z.number().int());

export const breakdownRowSchema = z.object({
  /** the value's key (body code, term id, entity id…); null: recommendations without a value */
  key: z.string().nullable(),
  label: z.string(),
  /** recommendations per status code */
  counts: countsSchema,
  total: z.number().int(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const statusBreakdownSchema = z.object({
  dimension: z.enum(dashboardDimensions),
  statuses: z.array(dashboardStatusSchema),
  rows: z.array(breakdownRowSchema),
  /** every value past the first `limit`, summed; null when there are none */
  other: z
    .object({ label: z.string(), values: z.number().int(), counts: countsSchema, total: z.number().int() })
    .nullable(),
  /** how many values (rows before the limit) there are */
  values: z.number().int(),
  /** recommendations matching the filters; multi-valued dimensions count one in each of its values */
  recommendations: z.number().int(),
});
export type StatusBreakdown = z.infer<typeof statusBreakdownSchema>;

export const overdueQuerySchema = dashboardFiltersSchema.extend(pageQuerySchema.shape);
export type OverdueQuery = z.infer<typeof overdueQuerySchema>;

const overdueCommon = {
  id: z.uuid(),
  /** the recommendation's status for an assignment, the action's own for an action */
  status: z.string(),
  statusLabel: z.string(),
  /** the assigned entity, or the action's responsible entity */
  entityId: z.uuid(),
  entityName: z.string(),
  dueDate: z.iso.date(),
  daysOverdue: z.number().int(),
};

/** What is late: an entity's assignment on a recommendation, or an action past its end date. */
export const overdueItemSchema = z.union([
  z.object({
    kind: z.literal('assignment'),
    ...overdueCommon,
    recommendationId: z.uuid(),
    number: z.string().nullable(),
    bodyCode: z.string(),
    reviewSymbol: z.string().nullable(),
    text: z.string(),
    textLang: z.string(),
    role: z.enum(['lead', 'supporting']),
    delegated: z.boolean(),
  }),
  z.object({ kind: z.literal('action'), ...overdueCommon, title: z.string() }),
]);
export type OverdueItem = z.infer<typeof overdueItemSchema>;
export const overduePageSchema = pageOf(overdueItemSchema);
export type OverduePage = z.infer<typeof overduePageSchema>;

export const statusTrendQuerySchema = dashboardFiltersSchema.extend({
  interval: z.enum(trendIntervals).default('month'),
  /** how many months or quarters, the last one holding `until` */
  periods: z.coerce.number().int().min(2).max(60).default(12),
  /** the day in the last period (default today) */
  until: z.iso.date().optional(),
});
export type StatusTrendQuery = z.infer<typeof statusTrendQuerySchema>;

export const statusTrendSchema = z.object({
  interval: z.enum(trendIntervals),
  /** first day of each period; counts are at its end (or now, for the current one) */
  periods: z.array(z.iso.date()),
  statuses: z.array(dashboardStatusSchema),
  /** per status code, one count per period */
  series: z.array(z.object({ status: z.string(), counts: z.array(z.number().int()) })),
});
export type StatusTrend = z.infer<typeof statusTrendSchema>;
