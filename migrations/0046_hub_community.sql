-- The hub's community of practice (issue 19 item 4, decision 037): discussion spaces per theme and
-- per network, threads of posts (the opening post and the replies), questions with an accepted
-- answer, mentions by handle, follows and e-mail digests, reports, hiding and bans, and events
-- with registration. Public things are also written into hub_documents (lib/hub-index.ts).

-- A space: one per theme of resolution 51/33 (read by anyone) and one per network (read and
-- written by the accounts acting for its members). Made by the system, never by a person.
create table hub_spaces (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('theme', 'network')),
  theme text check (theme in ('mandate', 'coordination', 'linkage', 'information', 'engagement_lrg',
    'engagement_nhri', 'engagement_civil_society', 'engagement_parliament')),
  network_id uuid references hub_networks (id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((kind = 'theme') = (theme is not null) and (kind = 'network') = (network_id is not null))
);
create unique index hub_spaces_theme_key on hub_spaces (theme) where theme is not null;
create unique index hub_spaces_network_key on hub_spaces (network_id) where network_id is not null;

-- Who takes part: the handle others mention (@handle), the digest chosen, and whether a moderator
-- has approved a post of theirs once (until then their posts wait in the moderation queue).
create table hub_participants (
  user_id uuid primary key references users (id) on delete cascade,
  handle text not null check (handle ~ '^[a-z0-9][a-z0-9_.-]{1,29}$'),
  digest text not null default 'daily' check (digest in ('off', 'daily', 'weekly')),
  trusted boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index hub_participants_handle_key on hub_participants (handle);

create table hub_threads (
  id uuid primary key default gen_random_uuid(),
  space_id uuid not null references hub_spaces (id) on delete cascade,
  kind text not null default 'discussion' check (kind in ('discussion', 'question')),
  title text not null check (length(title) between 1 and 200),
  author_id uuid references users (id) on delete set null,
  -- The language it is written in (the search stems it so).
  locale text not null check (locale in ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  accepted_post_id uuid,
  -- Where the demo's questions come from (a public document); null for members' own threads.
  source text check (source is null or length(source) <= 500),
  reply_count integer not null default 0,
  last_post_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create index hub_threads_space_idx on hub_threads (space_id, last_post_at desc);

-- A post: a thread's opening post (opening = true, exactly one) or a reply. `body` is what was
-- written (plain text with a small Markdown subset), `body_html` its safe rendering.
-- visible: shown; held: a new account's post waiting for a moderator; hidden: hidden by one.
create table hub_posts (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references hub_threads (id) on delete cascade,
  opening boolean not null default false,
  author_id uuid references users (id) on delete set null,
  body text not null check (length(body) between 1 and 20000),
  body_html text not null,
  status text not null default 'visible' check (status in ('visible', 'held', 'hidden')),
  hidden_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index hub_posts_opening_key on hub_posts (thread_id) where opening;
create index hub_posts_thread_idx on hub_posts (thread_id, created_at);
create index hub_posts_author_idx on hub_posts (author_id, created_at desc);
create index hub_posts_status_idx on hub_posts (status, created_at) where status <> 'visible';
alter table hub_threads add constraint hub_threads_accepted_fkey
  foreign key (accepted_post_id) references hub_posts (id) on delete set null;

create table hub_mentions (
  post_id uuid not null references hub_posts (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  primary key (post_id, user_id)
);

-- A follow of a space or of a thread (one of the two).
create table hub_follows (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  space_id uuid references hub_spaces (id) on delete cascade,
  thread_id uuid references hub_threads (id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((space_id is null) <> (thread_id is null))
);
create unique index hub_follows_space_key on hub_follows (user_id, space_id) where space_id is not null;
create unique index hub_follows_thread_key on hub_follows (user_id, thread_id) where thread_id is not null;

create table hub_reports (
  id uuid primary key default gen_random_uuid(),
  post_id uuid not null references hub_posts (id) on delete cascade,
  reporter_id uuid references users (id) on delete set null,
  reason text not null check (reason in ('spam', 'abuse', 'off_topic', 'other')),
  note text check (note is null or length(note) <= 1000),
  status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
  resolved_by uuid references users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index hub_reports_open_key on hub_reports (post_id, reporter_id) where status = 'open';
create index hub_reports_status_idx on hub_reports (status, created_at);

-- A ban from posting: until `ends_at` (or for good), unless lifted earlier.
create table hub_bans (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  reason text not null check (length(reason) between 1 and 1000),
  ends_at timestamptz,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  lifted_at timestamptz,
  lifted_by uuid references users (id) on delete set null
);
create index hub_bans_user_idx on hub_bans (user_id) where lifted_at is null;

-- A seminar or webinar. Times are instants; `time_zone` (IANA) is the zone they were given in,
-- in which the pages show them beside the reader's.
create table hub_events (
  id uuid primary key default gen_random_uuid(),
  title_i18n jsonb not null,
  description_i18n jsonb not null default '{}',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  time_zone text not null,
  online_url text,
  place text check (place is null or length(place) <= 300),
  organiser_member_id uuid references hub_members (id) on delete set null,
  organiser_name text check (organiser_name is null or length(organiser_name) <= 300),
  capacity integer check (capacity is null or capacity > 0),
  waiting_list boolean not null default true,
  visibility text not null default 'public' check (visibility in ('public', 'accounts')),
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  source text check (source is null or length(source) <= 500),
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index hub_events_starts_idx on hub_events (starts_at);

create table hub_event_registrations (
  event_id uuid not null references hub_events (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  status text not null check (status in ('registered', 'waiting', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (event_id, user_id)
);

-- The digest runs (pg-boss job hub_digest with a start time), one per day, like the calendar's.
create table hub_digest_runs (
  day date primary key,
  job_id uuid,
  status text not null default 'scheduled' check (status in ('scheduled', 'done')),
  mail_count integer,
  done_at timestamptz
);
-- What each person's last digest covered up to, so no item is sent twice or skipped.
alter table hub_participants add column digest_until timestamptz;
