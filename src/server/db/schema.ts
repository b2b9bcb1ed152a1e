import type { ColumnType, Generated, Selectable } from 'kysely';
import type { assignmentRoles } from '../../shared/schemas/assignments';
import type { entityKinds, nominationStatuses, seats } from '../../shared/schemas/entities';
import type { importRecordStatuses } from '../../shared/schemas/imports';
import type { followUpGrades, linkKinds, Mechanism, positions, StatusCauseKind } from '../../shared/schemas/register';
import type { systemsOfGovernment } from '../../shared/schemas/state-profile';
import type { DateColumn, Json, LocalizedText, OneOf, Optional } from './column-types';
import type { CallRemindersTable, CallsTable, InboxItemsTable } from './schema-calls';
import type {
  HubBansTable,
  HubDigestRunsTable,
  HubEventRegistrationsTable,
  HubEventsTable,
  HubFollowsTable,
  HubMentionsTable,
  HubParticipantsTable,
  HubPostsTable,
  HubReportsTable,
  HubSpacesTable,
  HubThreadsTable,
} from './schema-community';
import type {
  FederationHubLinkTable,
  FederationLinksTable,
  FederationNoncesTable,
  FederationSharesTable,
  FederationStatisticsTable,
  HubPracticeOrigin,
  HubProfileOrigin,
} from './schema-federation';
import type {
  ActionRemindersTable,
  ActionsTable,
  AttachmentsTable,
  CalendarEventsTable,
  CalendarFeedTokensTable,
  CalendarReminderRunsTable,
  IndicatorRemindersTable,
  IndicatorsTable,
  ObservationsTable,
  ProgressUpdateEventsTable,
  ProgressUpdatesTable,
  ReportCommentsTable,
  ReportSectionsTable,
  ReportsTable,
  ReportVersionsTable,
} from './schema-follow-up';
import type {
  HubDocumentsTable,
  HubMemberPeopleTable,
  HubMembersTable,
  HubNetworkMembersTable,
  HubNetworksTable,
  HubPracticesTable,
  HubPracticeTextsTable,
  HubProfilesTable,
} from './schema-hub';
import type {
  HubAssessmentAnswersTable,
  HubAssessmentsTable,
  HubSearchGenerationTable,
  HubSearchWordsTable,
} from './schema-hub-assessment';
import type {
  ApiTokensTable,
  AuditEventsTable,
  MailOutboxTable,
  SessionsTable,
  UserRecoveryCodesTable,
  UsersTable,
  UserTokensTable,
} from './schema-identity';
import type { HubPracticeAttachmentsTable, HubPracticeVersionsTable } from './schema-practices';

export type { LocalizedText } from './column-types';
export type * from './schema-calls';
export type * from './schema-community';
export type * from './schema-follow-up';
export type * from './schema-hub';
export type * from './schema-identity';
export type * from './schema-practices';

/** Kysely's view of the tables in migrations/. Keep in step with the SQL. */
export interface DB {
  schema_migrations: { name: string; applied_at: Generated<Date> };
  state_profile: StateProfileTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  user_tokens: UserTokensTable;
  user_recovery_codes: UserRecoveryCodesTable;
  audit_events: AuditEventsTable;
  mail_outbox: MailOutboxTable;
  hub_members: HubMembersTable;
  hub_member_people: HubMemberPeopleTable;
  hub_documents: HubDocumentsTable;
  hub_networks: HubNetworksTable;
  hub_network_members: HubNetworkMembersTable;
  hub_profiles: HubProfilesTable & HubProfileOrigin;
  hub_practices: HubPracticesTable & HubPracticeOrigin;
  hub_practice_texts: HubPracticeTextsTable;
  hub_spaces: HubSpacesTable;
  hub_participants: HubParticipantsTable;
  hub_threads: HubThreadsTable;
  hub_posts: HubPostsTable;
  hub_mentions: HubMentionsTable;
  hub_follows: HubFollowsTable;
  hub_reports: HubReportsTable;
  hub_bans: HubBansTable;
  hub_events: HubEventsTable;
  hub_event_registrations: HubEventRegistrationsTable;
  hub_digest_runs: HubDigestRunsTable;
  hub_practice_versions: HubPracticeVersionsTable;
  hub_practice_attachments: HubPracticeAttachmentsTable;
  federation_hub_link: FederationHubLinkTable;
  federation_shares: FederationSharesTable;
  federation_links: FederationLinksTable;
  federation_nonces: FederationNoncesTable;
  federation_statistics: FederationStatisticsTable;
  hub_assessments: HubAssessmentsTable;
  hub_assessment_answers: HubAssessmentAnswersTable;
  hub_search_words: HubSearchWordsTable;
  hub_search_generation: HubSearchGenerationTable;
  entities: EntitiesTable;
  entity_people: EntityPeopleTable;
  network_members: { network_id: string; member_id: string; joined_at: Generated<Date> };
  assignments: AssignmentsTable;
  nomination_requests: NominationRequestsTable;
  nomination_candidates: NominationCandidatesTable;
  countries: CountriesTable;
  bodies: BodiesTable;
  upr_cycles: UprCyclesTable;
  taxonomies: TaxonomiesTable;
  taxonomy_terms: TaxonomyTermsTable;
  reviews: ReviewsTable;
  recommendations: RecommendationsTable;
  recommendation_status_history: StatusHistoryTable;
  recommendation_links: RecommendationLinksTable;
  clusters: ClustersTable;
  cluster_members: ClusterMembersTable;
  search_words: { word: string };
  imports: ImportsTable;
  column_mappings: ColumnMappingsTable;
  saved_views: SavedViewsTable;
  register_generation: { id: number; generation: number; trimmed_through: Generated<number> };
  /** the register's change log (migration 0033, decision 025); seq null: a truncate */
  register_changes: {
    position: number;
    seq: number | null;
    text_changed: Generated<boolean>;
    changed_at: Generated<Date>;
  };
  /** where each process's search index stands, for trimming the log */
  search_index_readers: { reader: string; position: number; seen_at: Generated<Date> };
  calls: CallsTable;
  call_recommendations: { call_id: string; recommendation_id: string };
  call_entities: { call_id: string; entity_id: string };
  inbox_items: InboxItemsTable;
  call_reminders: CallRemindersTable;
  notification_preferences: {
    user_id: string;
    calls_by_email: Generated<boolean>;
    actions_by_email: Generated<boolean>;
    calendar_by_email: Generated<boolean>;
    indicators_by_email: Generated<boolean>;
    updated_at: Generated<Date>;
  };
  progress_updates: ProgressUpdatesTable;
  progress_update_events: ProgressUpdateEventsTable;
  actions: ActionsTable;
  action_entities: { action_id: string; entity_id: string };
  action_recommendations: { action_id: string; recommendation_id: string };
  action_clusters: { action_id: string; cluster_id: string };
  action_reminders: ActionRemindersTable;
  attachments: AttachmentsTable;
  reports: ReportsTable;
  report_sections: ReportSectionsTable;
  report_annex_entries: { report_id: string; entity_id: string; included: Generated<boolean> };
  report_versions: ReportVersionsTable;
  report_comments: ReportCommentsTable;
  calendar_events: CalendarEventsTable;
  calendar_settings: {
    id: Generated<number>;
    remind_days: number[];
    version: Generated<number>;
    updated_at: Generated<Date>;
  };
  calendar_reminder_runs: CalendarReminderRunsTable;
  calendar_reminders_sent: { event_id: string; days_before: number; due_on: DateColumn; sent_on: DateColumn };
  calendar_feed_tokens: CalendarFeedTokensTable;
  indicators: IndicatorsTable;
  indicator_recommendations: { indicator_id: string; recommendation_id: string };
  observations: ObservationsTable;
  indicator_reminders: IndicatorRemindersTable;
  publications: PublicationsTable;
}

/** Publication decisions (decision 032); no row is the default rule. */
export interface PublicationsTable {
  subject: 'review' | 'recommendation' | 'progress_update';
  record_id: string;
  published: boolean;
  decided_by: string | null;
  decided_at: Generated<Date>;
}

export interface StateProfileTable {
  id: Generated<number>;
  country_iso2: string;
  country_name: Json<LocalizedText>;
  nmirf_name: Json<LocalizedText>;
  nmirf_mandate: Json<LocalizedText>;
  system_of_government: OneOf<typeof systemsOfGovernment>;
  lrg_level_names: Json<{ level: number; name: LocalizedText }[]>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export type StateProfileRow = Selectable<StateProfileTable>;

export type EntityKind = OneOf<typeof entityKinds>;

export interface EntitiesTable {
  id: Generated<string>;
  kind: EntityKind;
  name: string;
  name_local: string | null;
  acronym: string | null;
  parent_id: string | null;
  lrg_level: number | null;
  subdivision_code: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CountriesTable {
  iso2: string;
  iso3: string | null;
  m49: string | null;
  name: Json<LocalizedText>;
}

export interface BodiesTable {
  code: string;
  mechanism: Mechanism;
  name: Json<LocalizedText>;
  sort: Generated<number>;
  version: Generated<number>;
}

export interface UprCyclesTable {
  cycle: number;
  starts: ColumnType<Date, string | Date, string | Date>;
  ends: ColumnType<Date, string | Date, string | Date>;
}

export interface TaxonomiesTable {
  code: string;
  name: Json<LocalizedText>;
  builtin: Generated<boolean>;
  version: Generated<number>;
}

export interface TaxonomyTermsTable {
  id: Generated<number>;
  taxonomy: string;
  code: string;
  label: Json<LocalizedText>;
  parent_id: number | null;
  sort: Generated<number>;
  version: Generated<number>;
  /** A status term that closes a recommendation (nothing on it is overdue); other taxonomies: false. */
  final: Generated<boolean>;
}

export interface ReviewsTable {
  id: Generated<string>;
  body_code: string;
  symbol: string | null;
  country_iso2: string | null;
  cycle: number | null;
  session: number | null;
  reporting_round: string | null;
  review_date: DateColumn | null;
  title: string | null;
  follow_up_paragraphs: Generated<string[]>;
  follow_up_months: number | null;
  follow_up_due: DateColumn | null;
  /** A State's views that arrived before their recommendations (imports), applied when they come. */
  held_positions: ColumnType<HeldPosition[], HeldPosition[] | string | undefined, HeldPosition[] | string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HeldPosition {
  number: string;
  position: 'supported' | 'supported_in_part' | 'noted' | 'pending';
  positionSource: string | null;
  /** Set when the import is applied. */
  importId?: string;
  fileName: string;
  format: string;
  page?: number;
}

export interface RecommendationSource {
  importId: string;
  fileName: string;
  format: string;
  location: { row?: number; paragraph?: string; page?: number };
  /** The fields this source set and still holds (imports/precedence.ts); absent on older rows. */
  fields?: string[];
}

export interface RecommendationsTable {
  id: Generated<string>;
  seq: Generated<number>;
  review_id: string;
  body_code: string;
  cycle: number | null;
  country_iso2: string | null;
  number: string | null;
  number_sort: Generated<number[]>;
  heading: string | null;
  text_ar: string | null;
  text_zh: string | null;
  text_en: string | null;
  text_fr: string | null;
  text_ru: string | null;
  text_es: string | null;
  original_lang: string;
  sub_items: Json<{ label: string; text: string }[]>;
  recommending_states: Generated<string[]>;
  position: OneOf<typeof positions> | null;
  position_source: string | null;
  action_category: number | null;
  theme_ids: Generated<number[]>;
  affected_ids: Generated<number[]>;
  issue_ids: Generated<number[]>;
  custom_term_ids: Generated<number[]>;
  sdg_targets: Generated<string[]>;
  sdg_goals: Generated<number[]>;
  status: Generated<string>;
  follow_up: Generated<boolean>;
  follow_up_due: DateColumn | null;
  local_levels: Generated<number[]>;
  follow_up_grade: OneOf<typeof followUpGrades> | null;
  /** When the committee assessed the follow-up reply, and its document (0017). */
  follow_up_graded_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
  follow_up_grade_document: Generated<string | null>;
  external_id: string | null;
  content_key: string;
  sources: Json<RecommendationSource[]>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StatusHistoryTable {
  id: Generated<number>;
  recommendation_id: string;
  status: string;
  previous_status: string | null;
  note: string | null;
  changed_by: string | null;
  changed_at: Generated<Date>;
  /** Why the status changed (0024); the cause's record, when it has one, in the column of its kind. */
  cause_kind: Generated<StatusCauseKind>;
  /** The validated progress update that set this status, if one did. */
  progress_update_id: Optional<string>;
  /** The import that created the recommendation with this status, if one did. */
  import_id: Optional<string>;
}

export interface RecommendationLinksTable {
  a: string;
  b: string;
  kind: OneOf<typeof linkKinds>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ClustersTable {
  id: Generated<string>;
  name: string;
  description: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface ClusterMembersTable {
  cluster_id: string;
  recommendation_id: string;
}

export interface ImportsTable {
  id: Generated<string>;
  file_name: string;
  format: string;
  sha256: string;
  size_bytes: number;
  original: Buffer;
  status: OneOf<typeof importRecordStatuses>;
  summary: Json<unknown>;
  created_by: string | null;
  created_at: Generated<Date>;
  applied_at: Date | null;
  /** While applying: when the claiming process last showed life (claim, progress). */
  apply_heartbeat_at: Generated<Date | null>;
  progress_done: Generated<number | null>;
  progress_total: Generated<number | null>;
}

export interface ColumnMappingsTable {
  id: Generated<string>;
  name: string;
  mapping: Json<Record<string, string>>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface SavedViewsTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface EntityPeopleTable {
  entity_id: string;
  user_id: string;
  role: OneOf<typeof seats>;
  created_at: Generated<Date>;
}

export interface AssignmentsTable {
  id: Generated<string>;
  recommendation_id: string;
  entity_id: string;
  role: OneOf<typeof assignmentRoles>;
  due_date: DateColumn | null;
  delegated_from: string | null;
  note: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface NominationRequestsTable {
  id: Generated<string>;
  network_id: string;
  topic: string;
  note: string | null;
  due_date: DateColumn;
  status: Generated<OneOf<typeof nominationStatuses>>;
  requested_by: string | null;
  closed_by: string | null;
  closed_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface NominationCandidatesTable {
  request_id: string;
  lrg_id: string;
  reason: string | null;
  nominated_by: string | null;
  nominated_at: Generated<Date>;
  chosen: Generated<boolean>;
}
