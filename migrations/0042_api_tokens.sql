-- API tokens for machines (issue 18): a bearer token acts as its owner's account within its scope.
-- Like sessions, only a hash of the token is kept; the token itself is shown once, at creation.
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  -- The token's first characters, shown in lists so that a person can tell tokens apart.
  prefix text not null,
  name text not null check (length(name) between 1 and 200),
  scope text not null check (scope in ('read_public', 'read_scoped', 'write')),
  user_id uuid not null references users (id) on delete cascade,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references users (id) on delete set null,
  check (expires_at > created_at)
);
create index api_tokens_user_idx on api_tokens (user_id);
create index api_tokens_created_idx on api_tokens (created_at desc, id desc);
