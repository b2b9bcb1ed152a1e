-- Progress updates become the follow-up record: on a recommendation or on an action, for a
-- reporting period, validated in two steps (the entity's validating authority, then the NMIRF
-- coordinator) or returned with a comment. Evidence files hang off updates and actions.

alter table progress_updates alter column recommendation_id drop not null;
alter table progress_updates add column action_id uuid references actions (id) on delete cascade;
alter table progress_updates add constraint progress_updates_subject_check
  check ((recommendation_id is null) <> (action_id is null));
alter table progress_updates add column period_start date;
alter table progress_updates add column period_end date;
alter table progress_updates add constraint progress_updates_period_check
  check (period_end is null or period_start is null or period_end >= period_start);

-- draft → submitted → endorsed (by the entity's validator) → validated (by the coordinator);
-- returned (with a comment) at either step, editable again like a draft. An entity without a
-- validator goes from submitted straight to the coordinator.
alter table progress_updates drop constraint progress_updates_status_check;
alter table progress_updates add constraint progress_updates_status_check
  check (status in ('draft', 'submitted', 'endorsed', 'validated', 'returned'));
alter table progress_updates add column endorsed_by uuid references users (id) on delete set null;
alter table progress_updates add column endorsed_at timestamptz;
alter table progress_updates add column validated_by uuid references users (id) on delete set null;
alter table progress_updates add column validated_at timestamptz;
create index progress_updates_action_idx on progress_updates (action_id, entity_id) where action_id is not null;
create index progress_updates_status_idx on progress_updates (status, updated_at desc);

-- Every step of the workflow, with the comment given when returning.
create table progress_update_events (
  id bigint generated always as identity primary key,
  progress_update_id uuid not null references progress_updates (id) on delete cascade,
  step text not null check (step in ('submitted', 'endorsed', 'validated', 'returned')),
  comment text,
  actor_id uuid references users (id) on delete set null,
  at timestamptz not null default now()
);
create index progress_update_events_update_idx on progress_update_events (progress_update_id, at);

-- The status history names the validated update that set a status, when one did.
alter table recommendation_status_history
  add column progress_update_id uuid references progress_updates (id) on delete set null;

-- Files: evidence on a progress update, documents on an action. Bytes live in the configured
-- store (a folder by default, S3-compatible storage when configured) under storage_key.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  progress_update_id uuid references progress_updates (id) on delete cascade,
  action_id uuid references actions (id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  check ((progress_update_id is null) <> (action_id is null))
);
create index attachments_update_idx on attachments (progress_update_id) where progress_update_id is not null;
create index attachments_action_idx on attachments (action_id) where action_id is not null;
