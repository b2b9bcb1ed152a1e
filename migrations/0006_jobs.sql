-- Mail leaves through a job queue (pg-boss, decision 007). pg-boss keeps its jobs in its own
-- schema `pgboss`, which it creates and upgrades itself at start-up; this table is ours: what was
-- queued, to whom, and how the sending went, for the admin's outbox page.
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  kind text not null,                       -- invitation, password_reset, …
  recipient_user_id uuid references users (id) on delete set null,
  to_address text not null,
  subject text not null,
  body text,                                -- cleared once sent: it can hold a single-use link
  status text not null default 'pending' check (status in ('pending', 'retrying', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  job_id uuid,                              -- the pg-boss job that sends it (the latest one)
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);
create index mail_outbox_status_idx on mail_outbox (status, created_at desc, id desc);
create index mail_outbox_recipient_idx on mail_outbox (recipient_user_id);
