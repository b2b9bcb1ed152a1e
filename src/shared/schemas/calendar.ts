import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

/** What a calendar event is: a report or reply due, a review, a visit, a session, or else. */
export const calendarKinds = [
  'upr_national_report',
  'upr_mid_term_report',
  'upr_review',
  'tb_periodic_report',
  'tb_follow_up_reply',
  'tb_list_of_issues_reply',
  'sp_visit',
  'sp_communication_reply',
  'session',
  'other',
] as const;
export type CalendarKind = (typeof calendarKinds)[number];

/** A Special Procedures visit goes from requested to held. */
export const visitStatuses = ['requested', 'accepted', 'scheduled', 'held'] as const;
/** A report or a reply is due until it is submitted. */
export const reportStatuses = ['due', 'submitted'] as const;
export const calendarStatuses = [...reportStatuses, ...visitStatuses] as const;
export type CalendarStatus = (typeof calendarStatuses)[number];

/** The statuses an event of that kind can have; none for reviews, sessions and other events. */
export function statusesOf(kind: CalendarKind): readonly CalendarStatus[] {
  if (kind === 'sp_visit') return visitStatuses;
  if (kind === 'upr_review' || kind === 'session' || kind === 'other') return [];
  return reportStatuses;
}

/** The status a new event of that kind starts with. */
export function initialStatusOf(kind: CalendarKind): CalendarStatus | null {
  return statusesOf(kind)[0] ?? null;
}

export const calendarSources = ['computed', 'manual'] as const;

const isoDate = z.iso.date();

const eventFieldsObject = z.object({
  kind: z.enum(calendarKinds),
  title: z.string().trim().min(1).max(300).nullable(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  bodyCode: z.string().trim().min(1).max(60).nullable(),
  status: z.enum(calendarStatuses).nullable(),
  notes: z.string().trim().max(5000).nullable(),
});

function checkEventFields(value: z.infer<typeof eventFieldsObject>, context: z.RefinementCtx): void {
  if (value.endsOn !== null && value.endsOn < value.startsOn)
    context.addIssue({ code: 'custom', path: ['endsOn'], message: 'issues.calendar.endsBeforeStart' });
  const allowed = statusesOf(value.kind);
  if (allowed.length === 0 ? value.status !== null : value.status === null || !allowed.includes(value.status))
    context.addIssue({ code: 'custom', path: ['status'], message: 'issues.calendar.statusForKind' });
}

/**
 * An event as the form sends it and the route checks it. A computed event may keep no title of
 * its own (null): it is then worded from its kind and body; a manual one needs a title (checked
 * by the service, which knows the source).
 */
export const createCalendarEventSchema = eventFieldsObject.superRefine(checkEventFields);
export type CreateCalendarEventInput = z.infer<typeof createCalendarEventSchema>;

/** The same fields at the version read (a stale version answers 409). */
export const updateCalendarEventSchema = eventFieldsObject
  .extend({ version: versionSchema })
  .superRefine(checkEventFields);
export type UpdateCalendarEventInput = z.infer<typeof updateCalendarEventSchema>;

export const calendarVersionQuerySchema = z.object({ version: z.coerce.number().int().positive() });

/** Events overlapping the days from..to (both included), filtered, earliest first. */
export const calendarQuerySchema = pageQuerySchema
  .extend({
    from: isoDate,
    to: isoDate,
    kind: z.enum(calendarKinds).optional(),
    body: z.string().trim().min(1).max(60).optional(),
    status: z.enum(calendarStatuses).optional(),
  })
  .refine((value) => value.to >= value.from, { path: ['to'], message: 'issues.calendar.endsBeforeStart' });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

export const calendarEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(calendarKinds),
  /** The title shown: the event's own, or worded from its kind and body in the reader's language. */
  title: z.string(),
  /** The event's own title; null when it is worded from its kind (computed events). */
  customTitle: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  bodyCode: z.string().nullable(),
  bodyName: z.string().nullable(),
  reviewId: z.uuid().nullable(),
  reviewSymbol: z.string().nullable(),
  status: z.enum(calendarStatuses).nullable(),
  source: z.enum(calendarSources),
  estimated: z.boolean(),
  overridden: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const recomputeResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  /** Computed events whose dates a person changed, left as they are. */
  kept: z.number().int(),
});
export type RecomputeResult = z.infer<typeof recomputeResultSchema>;

/** A day's reminder run: scheduled, then done once its mails are queued. */
export const reminderRunStatuses = ['scheduled', 'done'] as const;

/** Reminder days before each due date, for the whole installation. */
export const calendarSettingsSchema = z.object({
  remindDays: z
    .array(z.number().int().min(1).max(365))
    .min(1)
    .max(5)
    .refine((days) => new Set(days).size === days.length, { message: 'issues.calendar.duplicateDays' }),
  version: versionSchema,
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

export const calendarPreferencesSchema = z.object({ remindersByEmail: z.boolean() });
export type CalendarPreferences = z.infer<typeof calendarPreferencesSchema>;

/** The person's feed: whether one exists; its address only in the answer that creates it. */
export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  url: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
