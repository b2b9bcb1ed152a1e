-- Federation between a national instance and a knowledge hub (issue 19 item 5, decision 038).
-- Both modes hold every table; a national instance fills the federation_hub_link/federation_shares
-- side, a hub the federation_links/statistics side.

-- A token the hub issues to one member's instance: it reaches only the federation routes.
alter table api_tokens drop constraint api_tokens_scope_check;
alter table api_tokens add constraint api_tokens_scope_check
  check (scope in ('read_public', 'read_scoped', 'write', 'federate'));

-- ---- National side ----

-- The one hub this instance publishes to. The key pair is made first (its public half is given to
-- the hub admin), the hub's address and token are entered once the hub has registered it.
create table federation_hub_link (
  id integer primary key default 1 check (id = 1),
  state text not null default 'key_only' check (state in ('key_only', 'linked', 'unlinking')),
  hub_url text,
  -- The bearer token the hub issued and the Ed25519 private key (PKCS#8 PEM), both sealed
  -- (lib/sealed.ts, AES-256-GCM under ENCRYPTION_KEY), never stored in the clear.
  token_sealed text,
  private_key_sealed text not null,
  key_id text not null,
  public_jwk jsonb not null,
  linked_at timestamptz,
  -- The last day whose statistics refresh was scheduled (one job a day, whatever the processes).
  statistics_day text check (statistics_day ~ '^\d{4}-\d{2}-\d{2}$'),
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check ((state = 'key_only') = (hub_url is null)),
  check ((hub_url is null) = (token_sealed is null))
);

-- What the secretariat chooses to publish: its own practices (payload written here), its profile
-- (one row) and the statistics (one row, counted at send time from what the portal publishes).
-- `revision` moves on every change of content or choice; the push job sends the current one.
create table federation_shares (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('practice', 'profile', 'statistics')),
  payload jsonb,
  shared boolean not null default false,
  revision integer not null default 1,
  -- The revision the hub holds (a withdrawal counts: then `on_hub` is false).
  sent_revision integer,
  on_hub boolean not null default false,
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  next_try_at timestamptz,
  -- What the statistics were when last counted: a refresh that finds the same sends nothing.
  fingerprint text,
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind = 'statistics' or payload is not null)
);
create unique index federation_shares_single_idx on federation_shares (kind) where kind in ('profile', 'statistics');
create index federation_shares_kind_idx on federation_shares (kind, created_at desc);

-- ---- Hub side ----

-- One member's instance allowed to publish here: its public key, the token issued for it.
create table federation_links (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references hub_members (id) on delete cascade,
  instance_name text not null check (length(instance_name) between 1 and 200),
  key_id text not null unique,
  public_jwk jsonb not null,
  api_token_id uuid references api_tokens (id) on delete set null,
  status text not null default 'active' check (status in ('active', 'revoked')),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_received_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references users (id) on delete set null
);
create index federation_links_member_idx on federation_links (member_id);
create unique index federation_links_token_idx on federation_links (api_token_id);

-- Signatures' nonces seen within the accepted window: a replayed request is refused.
create table federation_nonces (
  link_id uuid not null references federation_links (id) on delete cascade,
  nonce text not null,
  expires_at timestamptz not null,
  primary key (link_id, nonce)
);
create index federation_nonces_expiry_idx on federation_nonces (expires_at);

-- Where a federated practice or profile came from: the link, the origin's id and revision.
alter table hub_practices
  add column federation_link_id uuid references federation_links (id) on delete set null,
  add column origin_ref text,
  add column origin_revision integer,
  add column received_at timestamptz;
create unique index hub_practices_origin_key on hub_practices (federation_link_id, origin_ref)
  where federation_link_id is not null;
alter table hub_profiles
  add column federation_link_id uuid references federation_links (id) on delete set null,
  add column origin_revision integer,
  add column received_at timestamptz;

-- A member's latest aggregates, as its instance sent them (aggregates only, never records).
create table federation_statistics (
  link_id uuid primary key references federation_links (id) on delete cascade,
  member_id uuid not null references hub_members (id) on delete cascade,
  revision integer not null,
  payload jsonb not null,
  received_at timestamptz not null default now()
);
create index federation_statistics_member_idx on federation_statistics (member_id, received_at desc);
