import type { ColumnType, Generated, Selectable } from 'kysely';
import type { actionReminderKinds, actionReminderStatuses, actionStatuses } from '../../shared/schemas/actions';
import type {
  calendarKinds,
  calendarSources,
  calendarStatuses,
  reminderRunStatuses,
} from '../../shared/schemas/calendar';
import type { progressStatuses } from '../../shared/schemas/calls';
import type { indicatorFrequencies, indicatorReminderStatuses, indicatorTypes } from '../../shared/schemas/indicators';
import type { narrativeFormats, progressStepKinds } from '../../shared/schemas/progress';
import type { lrgPlacements, reportGroupings, reportStatuses, reportTypes } from '../../shared/schemas/reports';
import type { DateColumn, Json, OneOf, Optional } from './column-types';

// Tables of follow-up and reporting (migrations 0012–0020): progress updates, actions,
// attachments, the calendar, reports and indicators. schema.ts lists them in DB.

export type ProgressUpdateStatus = OneOf<typeof progressStatuses>;

export interface ProgressUpdatesTable {
  id: Generated<string>;
  /** Exactly one of recommendation_id and action_id is set. */
  recommendation_id: string | null;
  action_id: Optional<string>;
  entity_id: string;
  call_id: string | null;
  period_start: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  period_end: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  narrative: string | null;
  /** 'html': sanitised rich text (progress module); 'text': plain text (answers to calls). */
  narrative_format: Generated<OneOf<typeof narrativeFormats>>;
  proposed_status: string | null;
  status: Generated<ProgressUpdateStatus>;
  created_by: string | null;
  updated_by: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  endorsed_by: Optional<string>;
  endorsed_at: Optional<Date>;
  validated_by: Optional<string>;
  validated_at: Optional<Date>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProgressUpdateEventsTable {
  id: Generated<string>;
  progress_update_id: string;
  step: OneOf<typeof progressStepKinds>;
  comment: string | null;
  actor_id: string | null;
  at: Generated<Date>;
}

export type ActionStatus = OneOf<typeof actionStatuses>;

export interface ActionsTable {
  id: Generated<string>;
  title: string;
  description: string | null;
  responsible_entity_id: string;
  start_date: DateColumn | null;
  end_date: DateColumn | null;
  budget_amount: number | null;
  budget_currency: string | null;
  budget_source: string | null;
  status: Generated<ActionStatus>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ActionRemindersTable {
  id: Generated<string>;
  action_id: string;
  kind: OneOf<typeof actionReminderKinds>;
  due_date: DateColumn;
  due_at: Date;
  status: Generated<OneOf<typeof actionReminderStatuses>>;
  job_id: string | null;
  mail_count: number | null;
  done_at: Date | null;
}

export interface AttachmentsTable {
  id: Generated<string>;
  /** Exactly one of progress_update_id and action_id is set. */
  progress_update_id: string | null;
  action_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface CalendarEventsTable {
  id: Generated<string>;
  kind: OneOf<typeof calendarKinds>;
  title: string | null;
  starts_on: DateColumn;
  ends_on: DateColumn | null;
  body_code: string | null;
  review_id: string | null;
  status: OneOf<typeof calendarStatuses> | null;
  source: OneOf<typeof calendarSources>;
  computed_key: string | null;
  estimated: Generated<boolean>;
  overridden: Generated<boolean>;
  notes: string | null;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type CalendarEventRow = Selectable<CalendarEventsTable>;

export interface CalendarReminderRunsTable {
  day: DateColumn;
  job_id: string | null;
  status: Generated<OneOf<typeof reminderRunStatuses>>;
  event_count: number | null;
  mail_count: number | null;
  done_at: Date | null;
}

export interface CalendarFeedTokensTable {
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
}

export type ReportType = OneOf<typeof reportTypes>;
export type ReportStatus = OneOf<typeof reportStatuses>;

export interface ReportsTable {
  id: Generated<string>;
  body_code: string;
  type: ReportType;
  title: string;
  language: string;
  review_ids: Generated<string[]>;
  grouping: OneOf<typeof reportGroupings>;
  /** The UN symbol once the secretariat has it; the title stands in for it until then. */
  symbol: string | null;
  lrg_placement: Generated<OneOf<typeof lrgPlacements>>;
  word_limit: number;
  annex_word_limit: number | null;
  status: Generated<ReportStatus>;
  consultation_version: number | null;
  approved_version: number | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A recommendation as the section first saw it, so that a removed one can still be named. */
export interface ReportRecommendationRef {
  id: string;
  number: string | null;
  excerpt: string;
}

/** A validated update a section was started from, copied: the update may go with its recommendation. */
export interface ReportSource {
  updateId: string;
  entityId: string;
  entityName: string;
  recommendationIds: string[];
  periodStart: string | null;
  periodEnd: string | null;
}

export interface ReportSectionsTable {
  id: Generated<string>;
  report_id: string;
  position: number;
  heading: string;
  body: Generated<string>;
  recommendation_ids: Generated<string[]>;
  recommendation_refs: Json<ReportRecommendationRef[]>;
  source_update_ids: Generated<string[]>;
  sources: Json<ReportSource[]>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ReportVersionsTable {
  id: Generated<string>;
  report_id: string;
  number: number;
  snapshot: Json<unknown>;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ReportCommentsTable {
  id: Generated<string>;
  report_id: string;
  version_id: string;
  section_id: string;
  paragraph: number;
  parent_id: string | null;
  body: string;
  author_id: string | null;
  resolved: Generated<boolean>;
  created_at: Generated<Date>;
}

export type IndicatorType = OneOf<typeof indicatorTypes>;
export type IndicatorFrequency = OneOf<typeof indicatorFrequencies>;
/** One disaggregation dimension of an indicator: sex, age_group, disability or a custom key with its label. */
export interface IndicatorDimension {
  key: string;
  label?: string;
  values: string[];
}

export interface IndicatorsTable {
  id: Generated<string>;
  code: string;
  title: string;
  description: string | null;
  type: IndicatorType;
  unit: string;
  baseline_value: number | null;
  baseline_year: number | null;
  target_value: number | null;
  target_year: number | null;
  frequency: IndicatorFrequency;
  owner_entity_id: string;
  dimensions: Json<IndicatorDimension[]>;
  by_place: Generated<boolean>;
  sdg_codes: Generated<string[]>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ObservationsTable {
  id: Generated<string>;
  indicator_id: string;
  /** null: national. */
  place_entity_id: string | null;
  /** Calendar days: select them with to_char(…, 'YYYY-MM-DD'), as drivers parse dates differently. */
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  value: number;
  lower_bound: number | null;
  upper_bound: number | null;
  /** '{}' (the total) when not given. */
  disaggregation: ColumnType<
    Record<string, string>,
    Record<string, string> | string | undefined,
    Record<string, string> | string
  >;
  source: string | null;
  entered_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface IndicatorRemindersTable {
  id: Generated<string>;
  indicator_id: string;
  due_date: ColumnType<string, string, string>;
  due_at: Date;
  status: Generated<OneOf<typeof indicatorReminderStatuses>>;
  job_id: string | null;
  mail_count: number | null;
  done_at: Date | null;
  created_at: Generated<Date>;
}
