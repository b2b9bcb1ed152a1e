-- Calls for input: the NMIRF asks named entities for progress on a selection of recommendations
-- by a deadline; reminders follow; the answers are progress updates.

-- A call is drafted, then sent once (which puts it in each entity's inbox and mails the focal
-- points). The deadline is a calendar day: answers submitted before its end (UTC) are on time.
-- Reminder offsets are days before and after the deadline.
create table calls (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  message text not null,
  deadline date not null,
  ask_narrative boolean not null default true,
  ask_status boolean not null default true,
  remind_before smallint[] not null default '{7,1}',
  remind_after smallint[] not null default '{3}',
  status text not null default 'draft' check (status in ('draft', 'sent')),
  created_by uuid references users (id) on delete set null,
  sent_by uuid references users (id) on delete set null,
  sent_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'sent') = (sent_at is not null)),
  check (ask_narrative or ask_status)
);
create index calls_created_idx on calls (created_at desc, id desc);

create table call_recommendations (
  call_id uuid not null references calls (id) on delete cascade,
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  primary key (call_id, recommendation_id)
);
create index call_recommendations_rec_idx on call_recommendations (recommendation_id);

-- The entities a call asks (duty bearers assigned to at least one of its recommendations).
create table call_entities (
  call_id uuid not null references calls (id) on delete cascade,
  entity_id uuid not null references entities (id) on delete cascade,
  primary key (call_id, entity_id)
);
create index call_entities_entity_idx on call_entities (entity_id);

-- What lands in an entity's inbox: for now one item per call sent to it.
create table inbox_items (
  id uuid primary key default gen_random_uuid(),
  entity_id uuid not null references entities (id) on delete cascade,
  kind text not null check (kind in ('call')),
  call_id uuid references calls (id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((kind = 'call') = (call_id is not null))
);
create unique index inbox_items_call_key on inbox_items (call_id, entity_id) where call_id is not null;
create index inbox_items_entity_idx on inbox_items (entity_id, created_at desc);

-- One row per reminder of a sent call: a pg-boss job (call_reminder) fires at due_at and mails
-- the focal points of the entities that have not answered. One due before the sending is skipped.
create table call_reminders (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references calls (id) on delete cascade,
  days_from_deadline smallint not null,     -- negative: before the deadline
  due_at timestamptz not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'sent', 'skipped')),
  job_id uuid,
  entity_count integer,                     -- entities reminded
  mail_count integer,                       -- mails queued
  done_at timestamptz,
  -- sent at once by a coordinator ("remind now"), not scheduled from the deadline
  manual boolean not null default false
);
create unique index call_reminders_offset_key on call_reminders (call_id, days_from_deadline) where not manual;

-- What a person wants by e-mail. The inbox item is there regardless.
create table notification_preferences (
  user_id uuid primary key references users (id) on delete cascade,
  calls_by_email boolean not null default true,
  updated_at timestamptz not null default now()
);

-- An entity's account of progress on a recommendation: narrative (plain text) and a proposed
-- status (a code of the 'status' taxonomy). Answers to a call carry its id. Validation
-- (validated / returned) comes with the next step and widens the status check.
create table progress_updates (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  entity_id uuid not null references entities (id) on delete cascade,
  call_id uuid references calls (id) on delete set null,
  narrative text,
  proposed_status text,
  status text not null default 'draft' constraint progress_updates_status_check check (status in ('draft', 'submitted')),
  created_by uuid references users (id) on delete set null,
  updated_by uuid references users (id) on delete set null,
  submitted_by uuid references users (id) on delete set null,
  submitted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index progress_updates_call_key on progress_updates (call_id, entity_id, recommendation_id)
  where call_id is not null;
create index progress_updates_rec_idx on progress_updates (recommendation_id, entity_id);
create index progress_updates_entity_idx on progress_updates (entity_id, updated_at desc);
