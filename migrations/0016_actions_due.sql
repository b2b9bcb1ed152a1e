-- An action's end date is its due date. Its responsible entity's focal points are reminded some
-- days before (a setting) and on the day it becomes overdue, through pg-boss jobs. One row per
-- kind and due date: when the end date moves, the reminders of the old date are cancelled and
-- new ones added; a reminder already sent for a date is never sent again if the date comes back.
create table action_reminders (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references actions (id) on delete cascade,
  kind text not null check (kind in ('due_soon', 'overdue')),
  due_date date not null,                 -- the end date this reminder is about
  due_at timestamptz not null,
  status text not null default 'scheduled'
    check (status in ('scheduled', 'sent', 'skipped', 'cancelled')),
  job_id uuid,                            -- the live job; an older job of a rescheduled row does nothing
  mail_count integer,
  done_at timestamptz,
  unique (action_id, kind, due_date)
);

-- Reminders about actions can be turned off apart from calls for input.
alter table notification_preferences add column actions_by_email boolean not null default true;

-- The list's status filter with its sort by due date.
create index actions_status_end_idx on actions (status, end_date);
