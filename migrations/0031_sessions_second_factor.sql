-- Session list and revocation (issue 14): a session's primary key is the hash of its cookie
-- token, so the list and the revoke links name it by a separate random id; last_seen_at is
-- refreshed at most every few minutes by the request that uses the session.
alter table sessions add column public_id uuid not null default gen_random_uuid();
alter table sessions add column last_seen_at timestamptz not null default now();
create unique index sessions_public_id_idx on sessions (public_id);

-- TOTP second factor (RFC 6238): the secret being enrolled waits in totp_pending_secret until a
-- first code proves the authenticator has it; totp_last_step refuses a code used once already.
alter table users add column totp_secret text;
alter table users add column totp_pending_secret text;
alter table users add column totp_enabled_at timestamptz;
alter table users add column totp_last_step bigint;

-- Ten single-use recovery codes per person, argon2-hashed like passwords.
create table user_recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index user_recovery_codes_user_idx on user_recovery_codes (user_id);

-- A session opened by the right password of someone with a second factor is good for nothing
-- but the second step until a code completes it (then it is replaced by a full session).
alter table sessions add column second_factor_pending boolean not null default false;
alter table sessions add column second_factor_attempts integer not null default 0;
