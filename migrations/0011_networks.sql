-- City networks choose who takes part: a coordinator asks a network (an entity of kind
-- lrg_network) to nominate member LRGs for a topic by a deadline; the network's focal points
-- nominate; the coordinator chooses among those nominated, which closes the request.
create table nomination_requests (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references entities (id) on delete cascade,
  topic text not null,
  note text,
  due_date date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  requested_by uuid references users (id) on delete set null,
  closed_by uuid references users (id) on delete set null,
  closed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'closed') = (closed_at is not null))
);
create index nomination_requests_network_idx on nomination_requests (network_id, created_at desc);

-- One row per LRG nominated on a request; `chosen` is set by the coordinator's choice.
create table nomination_candidates (
  request_id uuid not null references nomination_requests (id) on delete cascade,
  lrg_id uuid not null references entities (id) on delete cascade,
  reason text,
  nominated_by uuid references users (id) on delete set null,
  nominated_at timestamptz not null default now(),
  chosen boolean not null default false,
  primary key (request_id, lrg_id)
);
create index nomination_candidates_lrg_idx on nomination_candidates (lrg_id);

-- Children of an entity in name order (the entity page) and LRGs by level (the list's filter).
create index entities_parent_name_idx on entities (parent_id, name);
create index entities_level_idx on entities (lrg_level) where lrg_level is not null;
