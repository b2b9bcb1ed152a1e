-- The knowledge hub's self-assessment (issue 19 item 6, decision 039) and its one search's extras
-- (item 7): CJK words for the Chinese rows and the words known for "did you mean".

-- One round of a member's self-assessment against the key characteristics of an effective national
-- mechanism (the questionnaire is data in code, versioned: `questionnaire_version` says which set of
-- questions the answers belong to, so a later change keeps old rounds readable).
create table hub_assessments (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references hub_members (id) on delete cascade,
  round integer not null check (round >= 1),
  questionnaire_version integer not null check (questionnaire_version >= 1),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  -- The member lets the hub's administrators and moderators read its answers (decision 039); peers never do.
  shared_with_hub boolean not null default false,
  -- Made up by the demo hub's seed, not a mechanism's own answers: the pages say so.
  demo boolean not null default false,
  created_by uuid references users (id) on delete set null,
  submitted_by uuid references users (id) on delete set null,
  submitted_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (member_id, round),
  check ((status = 'submitted') = (submitted_at is not null))
);
-- At most one round in progress per member.
create unique index hub_assessments_one_draft on hub_assessments (member_id) where status = 'draft';
create index hub_assessments_submitted_idx on hub_assessments (member_id, round desc) where status = 'submitted';

create table hub_assessment_answers (
  assessment_id uuid not null references hub_assessments (id) on delete cascade,
  question_id text not null check (question_id ~ '^[a-z_]{1,60}$'),
  level smallint check (level between 0 and 4),
  comment text check (comment is null or length(comment) <= 2000),
  evidence_url text check (evidence_url is null or (evidence_url ~ '^https?://' and length(evidence_url) <= 500)),
  updated_at timestamptz not null default now(),
  primary key (assessment_id, question_id)
);

-- Chinese is written without spaces: the 'simple' configuration of hub_documents.tsv makes a whole
-- run of characters one word, so a word inside it is never found. Overlapping pairs of characters
-- (the CJK bigrams full-text engines use) are matched instead: a query's pairs all present.
create function hub_cjk_bigrams(text) returns text
  language sql immutable parallel safe strict
  as $$
    select coalesce(string_agg(case when char_length(r.run) = 1 then r.run else substr(r.run, i, 2) end, ' '), '')
    from (select m[1] as run from regexp_matches($1, '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', 'g') as m) r,
      generate_series(1, greatest(char_length(r.run) - 1, 1)) as i
  $$;

alter table hub_documents add column tsv_cjk tsvector generated always as (
  case when locale = 'zh' then
    setweight(to_tsvector('simple', hub_cjk_bigrams(title)), 'A')
      || setweight(to_tsvector('simple', hub_cjk_bigrams(summary)), 'B')
      || setweight(to_tsvector('simple', hub_cjk_bigrams(body)), 'C')
  end
) stored;
create index hub_documents_cjk_idx on hub_documents using gin (tsv_cjk) where locale = 'zh';
create index hub_documents_locale_tsv_idx on hub_documents (locale, kind);

-- Words of the hub's titles and summaries, for the "did you mean" of a search that finds nothing
-- (pg_trgm, nearest first in the GiST index, as the register's search_words). A trigger keeps it:
-- every part writes hub_documents through lib/hub-index.ts and need not know of it. Words of
-- withdrawn things stay; a suggestion is offered only when it finds something.
create table hub_search_words (
  word text primary key
);
create index hub_search_words_trgm_idx on hub_search_words using gist (word gist_trgm_ops);

create function hub_search_words_add() returns trigger
  language plpgsql
  as $$
  begin
    insert into hub_search_words (word)
      select distinct w from regexp_split_to_table(lower(new.title || ' ' || new.summary), '[^[:alnum:]]+') as w
      where char_length(w) between 3 and 40 and w !~ '^[0-9]+$'
    on conflict (word) do nothing;
    return new;
  end
  $$;
create trigger hub_documents_words after insert or update of title, summary on hub_documents
  for each row execute function hub_search_words_add();

-- A counter every change to hub_documents moves (one statement-level trigger, whoever writes): the
-- search keeps answers per generation, like the register's (decision 028), so the same query
-- (the landing page, a facet clicked by many readers) is computed once per change of the table.
create table hub_search_generation (
  id boolean primary key default true check (id),
  generation bigint not null default 0
);
insert into hub_search_generation default values;
create function hub_search_generation_bump() returns trigger
  language plpgsql
  as $$
  begin
    update hub_search_generation set generation = generation + 1;
    return null;
  end
  $$;
create trigger hub_documents_generation after insert or update or delete or truncate on hub_documents
  for each statement execute function hub_search_generation_bump();
