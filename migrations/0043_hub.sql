-- The knowledge hub (issue 19, decision 034): the same application run with INSTANCE_MODE=hub hosts
-- many countries' NMIRFs as members. This migration holds what every part of the hub shares: its
-- roles, its members and who acts for them, and the one search table that practices, profiles and
-- discussions write into. A national instance has these tables and leaves them empty.

alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in (
  'admin', 'coordinator', 'focal_point', 'validator', 'contributor', 'stakeholder', 'viewer',
  'hub_admin', 'moderator', 'member', 'reader'));

-- A member: one national mechanism of one country (a State may have had several over time).
create table hub_members (
  id uuid primary key default gen_random_uuid(),
  country_code text not null check (country_code ~ '^[A-Z]{2}$'),
  -- The mechanism's name in its own language, and per UN language where known: { "en": "…" }.
  name text not null check (length(name) between 1 and 300),
  name_i18n jsonb not null default '{}',
  acronym text check (acronym is null or length(acronym) <= 40),
  system_of_government text check (system_of_government in ('unitary', 'federal', 'devolved')),
  status text not null default 'active' check (status in ('active', 'withdrawn')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index hub_members_name_key on hub_members (country_code, lower(name));
create index hub_members_country_idx on hub_members (country_code);

-- The hub accounts that act for a member (its secretariat's staff); a hub admin or moderator acts
-- for none and a reader never does.
create table hub_member_people (
  member_id uuid not null references hub_members (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (member_id, user_id)
);
create index hub_member_people_user_idx on hub_member_people (user_id);

-- One row per published thing and language, written by the module that publishes it in the same
-- transaction (lib/hub-index.ts): what one search across the hub reads. Stemmed in its own language
-- like the register's columns, weighted title > summary > body.
create table hub_documents (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('practice', 'profile', 'network', 'thread', 'event')),
  ref_id uuid not null,
  locale text not null check (locale in ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  -- Whether a reader without an account sees it, or only signed-in hub accounts.
  visibility text not null default 'public' check (visibility in ('public', 'accounts')),
  title text not null,
  summary text not null default '',
  body text not null default '',
  -- Where the thing is read, without the locale prefix: '/practices/<id>'.
  path text not null,
  member_id uuid references hub_members (id) on delete cascade,
  country_code text,
  system_of_government text check (system_of_government in ('unitary', 'federal', 'devolved')),
  level text check (level in ('national', 'regional', 'local')),
  themes text[] not null default '{}',
  network_ids uuid[] not null default '{}',
  updated_at timestamptz not null default now(),
  tsv tsvector generated always as (
    case locale
      when 'ar' then setweight(to_tsvector('arabic', im_unaccent(title)), 'A')
        || setweight(to_tsvector('arabic', im_unaccent(summary)), 'B')
        || setweight(to_tsvector('arabic', im_unaccent(body)), 'C')
      when 'en' then setweight(to_tsvector('english', im_unaccent(title)), 'A')
        || setweight(to_tsvector('english', im_unaccent(summary)), 'B')
        || setweight(to_tsvector('english', im_unaccent(body)), 'C')
      when 'fr' then setweight(to_tsvector('french', im_unaccent(title)), 'A')
        || setweight(to_tsvector('french', im_unaccent(summary)), 'B')
        || setweight(to_tsvector('french', im_unaccent(body)), 'C')
      when 'es' then setweight(to_tsvector('spanish', im_unaccent(title)), 'A')
        || setweight(to_tsvector('spanish', im_unaccent(summary)), 'B')
        || setweight(to_tsvector('spanish', im_unaccent(body)), 'C')
      when 'ru' then setweight(to_tsvector('russian', title), 'A')
        || setweight(to_tsvector('russian', summary), 'B')
        || setweight(to_tsvector('russian', body), 'C')
      else setweight(to_tsvector('simple', title), 'A')
        || setweight(to_tsvector('simple', summary), 'B')
        || setweight(to_tsvector('simple', body), 'C')
    end
  ) stored,
  unique (kind, ref_id, locale)
);
create index hub_documents_tsv_idx on hub_documents using gin (tsv);
create index hub_documents_title_trgm_idx on hub_documents using gin (title gin_trgm_ops);
create index hub_documents_themes_idx on hub_documents using gin (themes);
create index hub_documents_kind_idx on hub_documents (kind, locale, updated_at desc);

-- Networks of NMIRFs (the International Network, regional and language networks) and their members.
create table hub_networks (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('international', 'regional', 'language')),
  name text not null check (length(name) between 1 and 300),
  name_i18n jsonb not null default '{}',
  description_i18n jsonb not null default '{}',
  website text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index hub_networks_name_key on hub_networks (lower(name));
create table hub_network_members (
  network_id uuid not null references hub_networks (id) on delete cascade,
  member_id uuid not null references hub_members (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (network_id, member_id)
);
create index hub_network_members_member_idx on hub_network_members (member_id);

-- A member's profile, as OHCHR's Knowledge Gateway lists them; each text per language: { "en": "…" }.
-- `source` names where the facts come from (a public document, its address).
create table hub_profiles (
  member_id uuid primary key references hub_members (id) on delete cascade,
  mandate jsonb not null default '{}',
  legal_basis jsonb not null default '{}',
  composition jsonb not null default '{}',
  secretariat jsonb not null default '{}',
  focal_points jsonb not null default '{}',
  established integer check (established between 1945 and 2100),
  website text,
  source text,
  published boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- A promising practice. Its texts are per language (hub_practice_texts); the facets live here.
create table hub_practices (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references hub_members (id) on delete cascade,
  level text not null check (level in ('national', 'regional', 'local')),
  themes text[] not null default '{}',
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'returned', 'published', 'withdrawn')),
  contact text,
  links jsonb not null default '[]', -- [{ "url": "https://…", "label": "…" }]
  source text,
  created_by uuid references users (id) on delete set null,
  published_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hub_practices_member_idx on hub_practices (member_id);
create index hub_practices_status_idx on hub_practices (status, updated_at desc);
create table hub_practice_texts (
  practice_id uuid not null references hub_practices (id) on delete cascade,
  locale text not null check (locale in ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  title text not null check (length(title) between 1 and 300),
  summary text not null check (length(summary) <= 2000),
  -- Sanitised HTML (a short list of tags, no attributes but links' href), never raw input.
  body text not null check (length(body) <= 200000),
  updated_at timestamptz not null default now(),
  primary key (practice_id, locale)
);
