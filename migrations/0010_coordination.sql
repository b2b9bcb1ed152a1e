-- Coordination across levels of government: who speaks for each entity, networks of LRGs,
-- assignment of recommendations and delegation down the hierarchy.

-- People of an entity: one main and one alternate focal point and one validating authority,
-- and any number of members who contribute. One person may serve several entities.
create table entity_people (
  entity_id uuid not null references entities (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('main', 'alternate', 'validator', 'member')),
  created_at timestamptz not null default now(),
  primary key (entity_id, user_id)
);
create unique index entity_people_seat_key on entity_people (entity_id, role) where role <> 'member';
create index entity_people_user_idx on entity_people (user_id);

-- Until now a user pointed at one entity (users.entity_id); it becomes a seat there: the first
-- focal point or validator of each entity takes the seat, anyone else is a member.
insert into entity_people (entity_id, user_id, role)
select entity_id, id,
  case when row_number() over (partition by entity_id, role order by created_at) = 1
    and role in ('focal_point', 'validator')
  then case role when 'validator' then 'validator' else 'main' end else 'member' end
from users where entity_id is not null;
alter table users drop column entity_id;

-- City networks (kind lrg_network) and their member LRGs.
create table network_members (
  network_id uuid not null references entities (id) on delete cascade,
  member_id uuid not null references entities (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (network_id, member_id)
);
create index network_members_member_idx on network_members (member_id);

-- An entity is lead or supporting on a recommendation, with a due date. A delegation is an
-- assignment made by the holder of another one (delegated_from), to an LRG further down.
create table assignments (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  entity_id uuid not null references entities (id) on delete restrict,
  role text not null check (role in ('lead', 'supporting')),
  due_date date,
  delegated_from uuid references assignments (id) on delete cascade,
  note text,
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (recommendation_id, entity_id)
);
create index assignments_entity_idx on assignments (entity_id);
create index assignments_parent_idx on assignments (delegated_from);

-- A recommendation can concern the local level: which LRG levels (1 = the first below national).
alter table recommendations add column local_levels smallint[] not null default '{}';

-- Assignments are a register facet ("assigned entity"), so they move the generation too.
create trigger assignments_generation
  after insert or update or delete or truncate on assignments
  for each statement execute function bump_register_generation();
