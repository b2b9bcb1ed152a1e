import type { Generated } from 'kysely';
import type { Locale } from '../../shared/i18n/locales';
import type {
  digestChoices,
  digestRunStatuses,
  eventStatuses,
  postStatuses,
  registrationStatuses,
  reportReasons,
  reportStatuses,
  spaceKinds,
  threadKinds,
} from '../../shared/schemas/community';
import type { HubTheme, HubVisibility } from '../../shared/schemas/hub';
import type { DateColumn, Json, LocalizedText, OneOf } from './column-types';

/** The hub's community of practice (migration 0046, decision 037). */
export interface HubSpacesTable {
  id: Generated<string>;
  kind: OneOf<typeof spaceKinds>;
  theme: HubTheme | null;
  network_id: string | null;
  created_at: Generated<Date>;
}

export interface HubParticipantsTable {
  user_id: string;
  handle: string;
  digest: Generated<OneOf<typeof digestChoices>>;
  trusted: Generated<boolean>;
  digest_until: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HubThreadsTable {
  id: Generated<string>;
  space_id: string;
  kind: Generated<OneOf<typeof threadKinds>>;
  title: string;
  author_id: string | null;
  locale: Locale;
  accepted_post_id: string | null;
  source: string | null;
  reply_count: Generated<number>;
  last_post_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface HubPostsTable {
  id: Generated<string>;
  thread_id: string;
  opening: Generated<boolean>;
  author_id: string | null;
  body: string;
  body_html: string;
  status: Generated<OneOf<typeof postStatuses>>;
  hidden_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HubMentionsTable {
  post_id: string;
  user_id: string;
}

export interface HubFollowsTable {
  id: Generated<string>;
  user_id: string;
  space_id: string | null;
  thread_id: string | null;
  created_at: Generated<Date>;
}

export interface HubReportsTable {
  id: Generated<string>;
  post_id: string;
  reporter_id: string | null;
  reason: OneOf<typeof reportReasons>;
  note: string | null;
  status: Generated<OneOf<typeof reportStatuses>>;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}

export interface HubBansTable {
  id: Generated<string>;
  user_id: string;
  reason: string;
  ends_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  lifted_at: Date | null;
  lifted_by: string | null;
}

export interface HubEventsTable {
  id: Generated<string>;
  title_i18n: Json<LocalizedText>;
  description_i18n: Json<LocalizedText>;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  online_url: string | null;
  place: string | null;
  organiser_member_id: string | null;
  organiser_name: string | null;
  capacity: number | null;
  waiting_list: Generated<boolean>;
  visibility: Generated<HubVisibility>;
  status: Generated<OneOf<typeof eventStatuses>>;
  source: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HubEventRegistrationsTable {
  event_id: string;
  user_id: string;
  status: OneOf<typeof registrationStatuses>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HubDigestRunsTable {
  day: DateColumn;
  job_id: string | null;
  status: Generated<OneOf<typeof digestRunStatuses>>;
  mail_count: number | null;
  done_at: Date | null;
}
