-- What the public portal shows (issue 18, decision 032). One row per decision a coordinator took
-- on a review, a recommendation or a progress update; no row is the default rule:
--   review / recommendation: the UN's own text is public, the State's follow-up is not;
--   progress update: not public.
-- published = true opens the record (and, for a review or recommendation, its follow-up);
-- published = false withholds it (nothing of it is public, its page answers 404). A
-- recommendation's own row wins over its review's. The rule is written once, in
-- modules/public/publication.policy.ts; the public repository's SQL applies the same one.
create table publications (
  subject text not null check (subject in ('review', 'recommendation', 'progress_update')),
  record_id uuid not null,
  published boolean not null,
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz not null default now(),
  primary key (subject, record_id)
);
create index publications_published_idx on publications (subject, record_id) where published;
