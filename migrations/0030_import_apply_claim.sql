-- Issue 14: two app processes on one PostgreSQL. An import's apply used to be guarded, and its
-- progress kept, in one process's memory. Now the apply is claimed in the database (previewed →
-- applying: one process wins, the others are refused), and its progress is written to the row for
-- any process to show. A claim whose process died (its heartbeat old, its advisory lock gone with
-- its connection) may be taken again.
alter table imports drop constraint if exists imports_status_check;
alter table imports add constraint imports_status_check check (status in ('previewed', 'applying', 'applied'));
alter table imports
  add column if not exists apply_heartbeat_at timestamptz,
  add column if not exists progress_done integer,
  add column if not exists progress_total integer;
