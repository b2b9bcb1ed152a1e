-- The recommendations register: taxonomies, reviews, recommendations with per-language
-- full-text search, status history, links, clusters, imports and saved views.

-- unaccent() is only STABLE; generated columns need IMMUTABLE. Pinning the dictionary makes
-- the result depend on the input alone (the standard wrapper).
create function im_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table countries (
  iso2 char(2) primary key,
  iso3 char(3),
  m49 text,
  name jsonb not null
);

-- Mechanisms and bodies: UPR, the ten treaty bodies, Special Procedures mandates, regional bodies.
create table bodies (
  code text primary key,
  mechanism text not null check (mechanism in ('upr', 'treaty_body', 'special_procedure', 'regional', 'other')),
  name jsonb not null,
  sort integer not null default 0
);

create table upr_cycles (
  cycle smallint primary key,
  starts date not null,
  ends date not null
);

-- Every classification is a taxonomy of terms: themes, affected persons, SDG goals/targets/
-- indicators, UPR Info issues, implementation statuses, and custom ones an admin defines.
create table taxonomies (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name jsonb not null,
  builtin boolean not null default false,
  version integer not null default 1
);

create table taxonomy_terms (
  id integer generated always as identity primary key,
  taxonomy text not null references taxonomies (code) on delete cascade,
  code text not null,
  label jsonb not null,
  parent_id integer references taxonomy_terms (id) on delete set null,
  sort integer not null default 0,
  version integer not null default 1,
  unique (taxonomy, code)
);
create index taxonomy_terms_parent_idx on taxonomy_terms (parent_id);

create table reviews (
  id uuid primary key default gen_random_uuid(),
  body_code text not null references bodies (code),
  symbol text,
  country_iso2 char(2) references countries (iso2),
  cycle smallint references upr_cycles (cycle),
  session integer,
  reporting_round text,
  review_date date,
  title text,
  follow_up_paragraphs text[] not null default '{}',
  follow_up_months smallint,
  follow_up_due date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index reviews_symbol_key on reviews (symbol) where symbol is not null;
-- UPR Info rows have no symbol: one review per (body, country, session).
create unique index reviews_session_key on reviews (body_code, country_iso2, session) where symbol is null;

create table recommendations (
  id uuid primary key default gen_random_uuid(),
  review_id uuid not null references reviews (id) on delete restrict,
  -- Denormalised from the review so that facets and filters need no join.
  body_code text not null references bodies (code),
  cycle smallint,
  country_iso2 char(2),
  number text,
  number_sort integer[] not null default '{}',
  heading text,
  text_ar text,
  text_zh text,
  text_en text,
  text_fr text,
  text_ru text,
  text_es text,
  original_lang char(2) not null,
  sub_items jsonb not null default '[]',
  recommending_states text[] not null default '{}',
  position text check (position in ('supported', 'supported_in_part', 'noted', 'pending')),
  position_source text,
  action_category smallint check (action_category between 1 and 5),
  theme_ids integer[] not null default '{}',
  affected_ids integer[] not null default '{}',
  issue_ids integer[] not null default '{}',
  custom_term_ids integer[] not null default '{}',
  sdg_targets text[] not null default '{}',
  sdg_goals smallint[] not null default '{}',
  status text not null default 'not_started',
  follow_up boolean not null default false,
  follow_up_due date,
  follow_up_grade char(1) check (follow_up_grade in ('A', 'B', 'C', 'D', 'E')),
  external_id text,
  -- A stable key for rows that carry no number (UPR Info): review + text digest.
  content_key text not null,
  sources jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  tsv_ar tsvector generated always as (to_tsvector('arabic', im_unaccent(coalesce(text_ar, '')))) stored,
  tsv_zh tsvector generated always as (to_tsvector('simple', coalesce(text_zh, ''))) stored,
  tsv_en tsvector generated always as (to_tsvector('english', im_unaccent(coalesce(text_en, '')))) stored,
  tsv_fr tsvector generated always as (to_tsvector('french', im_unaccent(coalesce(text_fr, '')))) stored,
  tsv_ru tsvector generated always as (to_tsvector('russian', coalesce(text_ru, ''))) stored,
  tsv_es tsvector generated always as (to_tsvector('spanish', im_unaccent(coalesce(text_es, '')))) stored,
  unique (review_id, content_key)
);
create index recommendations_review_idx on recommendations (review_id, number_sort);
create index recommendations_body_idx on recommendations (body_code);
create index recommendations_status_idx on recommendations (status);
create index recommendations_external_idx on recommendations (external_id) where external_id is not null;
create index recommendations_tsv_ar_idx on recommendations using gin (tsv_ar);
create index recommendations_tsv_zh_idx on recommendations using gin (tsv_zh);
create index recommendations_tsv_en_idx on recommendations using gin (tsv_en);
create index recommendations_tsv_fr_idx on recommendations using gin (tsv_fr);
create index recommendations_tsv_ru_idx on recommendations using gin (tsv_ru);
create index recommendations_tsv_es_idx on recommendations using gin (tsv_es);
create index recommendations_themes_idx on recommendations using gin (theme_ids);
create index recommendations_affected_idx on recommendations using gin (affected_ids);
create index recommendations_states_idx on recommendations using gin (recommending_states);
create index recommendations_sdg_idx on recommendations using gin (sdg_targets);

create table recommendation_status_history (
  id bigint generated always as identity primary key,
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  status text not null,
  previous_status text,
  note text,
  changed_by uuid references users (id) on delete set null,
  changed_at timestamptz not null default now()
);
create index recommendation_status_history_rec_idx on recommendation_status_history (recommendation_id, changed_at desc);

-- Related or duplicate asks across mechanisms; stored once with a < b.
create table recommendation_links (
  a uuid not null references recommendations (id) on delete cascade,
  b uuid not null references recommendations (id) on delete cascade,
  kind text not null check (kind in ('related', 'duplicate')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (a, b),
  check (a < b)
);
create index recommendation_links_b_idx on recommendation_links (b);

create table clusters (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create table cluster_members (
  cluster_id uuid not null references clusters (id) on delete cascade,
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  primary key (cluster_id, recommendation_id)
);
create index cluster_members_rec_idx on cluster_members (recommendation_id);

-- Words seen in the register, for the typo-tolerant fallback (pg_trgm similarity).
create table search_words (
  word text primary key
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

create table imports (
  id uuid primary key default gen_random_uuid(),
  file_name text not null,
  format text not null,
  sha256 text not null,
  size_bytes integer not null,
  original bytea not null,
  status text not null check (status in ('previewed', 'applied')),
  summary jsonb not null default '{}',
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  applied_at timestamptz
);
create index imports_created_idx on imports (created_at desc);

create table column_mappings (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  mapping jsonb not null,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now()
);

create table saved_views (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  query jsonb not null,
  created_at timestamptz not null default now(),
  unique (user_id, name)
);
