-- Foundation: the State profile, people and their sign-in, one-time tokens, and the audit trail.
-- PostgreSQL 15 features only (production runs Debian's 15; PGlite is newer).

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- The State this installation serves and its NMIRF. One row.
create table state_profile (
  id smallint primary key default 1 check (id = 1),
  country_iso2 char(2) not null,
  country_name jsonb not null,              -- { "en": "Slovenia", "fr": "Slovénie", ... }
  nmirf_name jsonb not null,
  nmirf_mandate jsonb not null default '{}',
  system_of_government text not null check (system_of_government in ('unitary', 'federal', 'devolved')),
  lrg_level_names jsonb not null default '[]', -- [{ "level": 1, "name": { "en": "Municipality" } }]
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'coordinator', 'focal_point', 'validator', 'contributor', 'stakeholder', 'viewer')),
  organisation text,
  locale text not null default 'en' check (locale in ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  password_hash text,
  status text not null default 'invited' check (status in ('invited', 'active', 'disabled')),
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  last_sign_in_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create index users_role_idx on users (role);

-- The session token itself never reaches the database: only its SHA-256.
create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- Invitations and password resets: single-use links sent by e-mail; only the hash is stored.
create table user_tokens (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('invitation', 'password_reset')),
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz
);
create index user_tokens_user_idx on user_tokens (user_id, kind);

-- Append-only: every write appends one row in the same transaction as the write.
create table audit_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid references users (id) on delete set null,
  actor_label text not null,
  action text not null,
  record_type text not null,
  record_id text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_events_occurred_idx on audit_events (occurred_at desc, id desc);
create index audit_events_record_idx on audit_events (record_type, record_id);
create index audit_events_actor_idx on audit_events (actor_id, occurred_at desc);
