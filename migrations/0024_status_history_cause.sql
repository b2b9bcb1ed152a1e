-- Why a recommendation's status changed, as a typed field instead of a note the page parsed
-- ('import:<id>'): an edit of the recommendation, a batch edit, a validated progress update
-- (progress_update_id, since 0015) or an import (import_id). Existing rows: the import note becomes
-- the import's id (and the note goes, it was never a person's words), a row naming a progress
-- update is one; the rest were edits (a batch edit left no trace of itself before this column).
alter table recommendation_status_history
  add column cause_kind text not null default 'edit'
    check (cause_kind in ('edit', 'batch', 'progress', 'import')),
  add column import_id uuid references imports (id) on delete set null;

update recommendation_status_history h
  set cause_kind = 'import',
      import_id = (select i.id from imports i where i.id::text = substring(h.note from 8)),
      note = null
  where h.note like 'import:%';

update recommendation_status_history set cause_kind = 'progress' where progress_update_id is not null;

-- A reference names the cause's own record only.
alter table recommendation_status_history add constraint recommendation_status_history_cause_refs check (
  (import_id is null or cause_kind = 'import') and (progress_update_id is null or cause_kind = 'progress')
);
