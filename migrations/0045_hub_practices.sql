-- The practices library of a knowledge hub (issue 19 item 2, decision 036). Migration 0043 made the
-- working copy (hub_practices, hub_practice_texts); this adds what the library's workflow needs:
-- the language a practice was written in, the version the public reads, every submitted version
-- kept with its outcome, and the practice's files.

-- The working copy is what its member edits; `published_version` is the version the public reads
-- (null: nothing public). A published practice edited again stays public in that version until a
-- moderator approves the new one.
alter table hub_practices add column original_locale text not null default 'en'
  check (original_locale in ('ar', 'zh', 'en', 'fr', 'ru', 'es'));
alter table hub_practices add column published_version integer;
-- The moderator's note when the working copy was last returned (shown to the author).
alter table hub_practices add column return_note text check (return_note is null or length(return_note) <= 4000);
create index hub_practices_published_idx on hub_practices (published_at desc) where published_version is not null;

-- Every version a member submitted, as it was (texts, facets, links, files), and what became of it.
-- Rows are never changed but for their outcome: the history the author and the moderators read.
create table hub_practice_versions (
  practice_id uuid not null references hub_practices (id) on delete cascade,
  version integer not null check (version >= 1),
  outcome text not null default 'pending'
    check (outcome in ('pending', 'published', 'returned', 'superseded', 'withdrawn')),
  -- { level, themes, texts: { en: { title, summary, body } }, contact, links, source,
  --   originalLocale, attachmentIds, systemOfGovernment, countryCode }
  content jsonb not null,
  submitted_by uuid references users (id) on delete set null,
  submitted_at timestamptz not null default now(),
  decided_by uuid references users (id) on delete set null,
  decided_at timestamptz,
  note text check (note is null or length(note) <= 4000),
  primary key (practice_id, version)
);

-- A practice's files (the bytes in the files store). Readable by the public only when the
-- published version lists them.
create table hub_practice_attachments (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references hub_practices (id) on delete cascade,
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index hub_practice_attachments_practice_idx on hub_practice_attachments (practice_id);
