-- Reports: a State's draft report to one mechanism, compiled from validated progress updates,
-- with a word limit, an annex of LRG contributions, versions, consultation and approval.

-- The report's language is the language its generated text (headings, excerpts, the export's
-- fixed words) is written in. Word limits default per type (docs/domain.md) and stay editable; the
-- annex limit is empty by default because the UN does not count annexes against the limit.
create table reports (
  id uuid primary key default gen_random_uuid(),
  body_code text not null references bodies (code),
  type text not null check (type in
    ('upr_national', 'upr_mid_term', 'tb_periodic', 'tb_follow_up', 'loi_reply', 'communication_reply')),
  title text not null check (length(title) between 1 and 300),
  language char(2) not null,
  review_ids uuid[] not null default '{}',
  grouping text not null check (grouping in ('theme', 'cluster')),
  word_limit integer not null check (word_limit > 0),
  annex_word_limit integer check (annex_word_limit is null or annex_word_limit > 0),
  status text not null default 'drafting' check (status in ('drafting', 'consultation', 'approved')),
  consultation_version integer,
  approved_version integer,
  approved_by uuid references users (id) on delete set null,
  approved_at timestamptz,
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'consultation') = (consultation_version is not null)),
  check ((status = 'approved') = (approved_at is not null))
);
create index reports_created_idx on reports (created_at desc, id desc);
create index reports_status_idx on reports (status, created_at desc);

-- Recommendations are named by id without a foreign key, and copied (number, excerpt) into
-- recommendation_refs: a recommendation removed from the register after it was included must
-- leave the section's text and a notice naming it, not take the section with it. Sources are
-- copied for the same reason (an update goes when its recommendation goes).
create table report_sections (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id) on delete cascade,
  position integer not null,
  heading text not null,
  body text not null default '',
  recommendation_ids uuid[] not null default '{}',
  recommendation_refs jsonb not null default '[]',
  source_update_ids uuid[] not null default '{}',
  sources jsonb not null default '[]',
  version integer not null default 1,
  updated_by uuid references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  unique (report_id, position)
);

-- One row per LRG with validated contributions on the report's recommendations; the coordinator
-- chooses which appear in the annex. What each did is read from its validated updates.
create table report_annex_entries (
  report_id uuid not null references reports (id) on delete cascade,
  entity_id uuid not null references entities (id) on delete cascade,
  included boolean not null default true,
  primary key (report_id, entity_id)
);

create table report_versions (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id) on delete cascade,
  number integer not null,
  snapshot jsonb not null,
  note text,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (report_id, number)
);

-- Comments of consulted stakeholders on one paragraph of one section of a version; replies
-- (parent_id) by the coordinator. A thread is resolved on its first comment.
create table report_comments (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id) on delete cascade,
  version_id uuid not null references report_versions (id) on delete cascade,
  section_id uuid not null,
  paragraph integer not null check (paragraph >= 0),
  parent_id uuid references report_comments (id) on delete cascade,
  body text not null check (length(body) between 1 and 5000),
  author_id uuid references users (id) on delete set null,
  resolved boolean not null default false,
  created_at timestamptz not null default now()
);
create index report_comments_version_idx on report_comments (version_id, section_id, paragraph, created_at);
create index report_comments_parent_idx on report_comments (parent_id) where parent_id is not null;
