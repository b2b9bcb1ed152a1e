-- A counter that moves on every change to the register, so that search can cache facet counts
-- and know when they are stale without comparing rows. Statement-level triggers: one bump per
-- statement, whatever its row count.
create table register_generation (
  id smallint primary key default 1 check (id = 1),
  generation bigint not null default 0
);
insert into register_generation (id, generation) values (1, 0);

create function bump_register_generation() returns trigger
  language plpgsql
  as $$
begin
  update register_generation set generation = generation + 1 where id = 1;
  return null;
end
$$;

create trigger recommendations_generation
  after insert or update or delete or truncate on recommendations
  for each statement execute function bump_register_generation();
create trigger cluster_members_generation
  after insert or update or delete or truncate on cluster_members
  for each statement execute function bump_register_generation();
create trigger taxonomy_terms_generation
  after insert or update or delete on taxonomy_terms
  for each statement execute function bump_register_generation();

-- SDG goal filters and facets (the benchmark found them scanning without it).
create index recommendations_sdg_goals_idx on recommendations using gin (sdg_goals);
