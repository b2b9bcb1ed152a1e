-- Entities: duty bearers (ministries, agencies, parliament, judiciary, local and regional
-- governments) and consulted stakeholders (NHRI, civil society), with the LRG hierarchy.
create table entities (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('ministry', 'agency', 'parliament', 'judiciary', 'independent_body', 'nhri', 'cso', 'lrg', 'lrg_network')),
  name text not null,
  name_local text,
  acronym text,
  parent_id uuid references entities (id) on delete restrict,
  lrg_level smallint check (lrg_level between 1 and 5),
  subdivision_code text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'lrg') = (lrg_level is not null))
);
create unique index entities_subdivision_key on entities (subdivision_code) where subdivision_code is not null;
create index entities_kind_idx on entities (kind);
create index entities_parent_idx on entities (parent_id);

alter table users add column entity_id uuid references entities (id) on delete set null;
create index users_entity_idx on users (entity_id);
