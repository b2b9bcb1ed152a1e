-- Session list and revocation (issue 14): a session's primary key is the hash of its cookie
-- token, so the list and the revoke links name it by a separate random id; last_seen_at is
-- refreshed at most every few minutes by the request that uses the session.
alter table sessions add column public_id uuid not null default gen_random_uuid();
alter table sessions add column last_seen_at timestamptz not null default now();
create unique index sessions_public_id_idx on sessions (public_id);
