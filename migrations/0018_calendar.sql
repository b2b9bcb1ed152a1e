-- The calendar of obligations: due dates of reports and replies to the UN mechanisms, reviews,
-- sessions and Special Procedures visits. Some events are computed from the reviews in the
-- register (modules/calendar/calendar.rules.ts states each rule); people add the others and may
-- move a computed date, which a later computation then leaves alone (`overridden`).

create table calendar_events (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in (
    'upr_national_report', 'upr_mid_term_report', 'upr_review',
    'tb_periodic_report', 'tb_follow_up_reply', 'tb_list_of_issues_reply',
    'sp_visit', 'sp_communication_reply', 'session', 'other')),
  -- A computed event has no title of its own: it is worded from its kind, body and review in the
  -- reader's language. A manual event has one (checked below).
  title text,
  -- The due date, or the first day of a visit or session; ends_on is its last day.
  starts_on date not null,
  ends_on date,
  body_code text references bodies (code),
  review_id uuid references reviews (id) on delete cascade,
  -- Reports and replies: due | submitted. Visits: requested | accepted | scheduled | held.
  -- Reviews, sessions and other events have none.
  status text,
  source text not null check (source in ('computed', 'manual')),
  -- What the computation derived it from (e.g. 'tb_follow_up_reply:<review id>'): one event per
  -- key, so that running the computation again updates instead of duplicating.
  computed_key text unique,
  -- The date is a rule of thumb (a cycle's usual length), not one a mechanism has set.
  estimated boolean not null default false,
  -- A person changed the computed dates: the computation keeps them from then on.
  overridden boolean not null default false,
  notes text,
  version integer not null default 1,
  created_by uuid references users (id) on delete set null,
  updated_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on),
  check ((source = 'computed') = (computed_key is not null)),
  check (source = 'computed' or title is not null),
  check (
    (kind = 'sp_visit' and status in ('requested', 'accepted', 'scheduled', 'held'))
    or (kind in ('upr_review', 'session', 'other') and status is null)
    or (kind not in ('sp_visit', 'upr_review', 'session', 'other') and status in ('due', 'submitted'))
  )
);
create index calendar_events_starts_idx on calendar_events (starts_on, id);
create index calendar_events_kind_idx on calendar_events (kind, starts_on);
create index calendar_events_review_idx on calendar_events (review_id) where review_id is not null;

-- The installation's reminder days before each due date (one row).
create table calendar_settings (
  id smallint primary key default 1 check (id = 1),
  remind_days smallint[] not null default '{30,7}',
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
insert into calendar_settings (id) values (1);

-- The daily reminder job (pg-boss job calendar_reminders with a start time), one per day: the
-- row is claimed before the job is sent, so that a day is never scheduled twice.
create table calendar_reminder_runs (
  day date primary key,
  job_id uuid,
  status text not null default 'scheduled' check (status in ('scheduled', 'done')),
  event_count integer,
  mail_count integer,
  done_at timestamptz
);

-- Each reminder sent: one per event, offset and due date. A date moved later gets its
-- reminders again for the new date; a retried job finds the row and sends nothing twice.
create table calendar_reminders_sent (
  event_id uuid not null references calendar_events (id) on delete cascade,
  days_before smallint not null,
  due_on date not null,
  sent_on date not null,
  primary key (event_id, days_before, due_on)
);

-- A person's secret feed address for calendar applications. Only its SHA-256 is kept.
create table calendar_feed_tokens (
  user_id uuid primary key references users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);

alter table notification_preferences add column calendar_by_email boolean not null default true;
