-- One entity per identity (issue 14): two entities of the same kind, with the same name (trimmed,
-- case-insensitive), under the same parent (or both at the top) are the same entity. Fifty
-- identical creations at once made fifty entities; this index lets the first win and the others
-- answer 409 naming `name` (entities.service.ts, lib/pg-errors.ts).
--
-- Duplicates stored before this index are kept, never merged or deleted (assignments, seats,
-- indicators and actions may name any of them): every one after the first created gets the start
-- of its id appended to its name, "Ministry of Justice (3f2a9c1e)", so an administrator sees
-- them side by side in the entity list and can merge or rename them; nothing else changes.
update entities e
set name = e.name || ' (' || substr(e.id::text, 1, 8) || ')',
    version = e.version + 1,
    updated_at = now()
from (
  select id,
         row_number() over (
           partition by kind, lower(btrim(name)), coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid)
           order by created_at, id
         ) as nth
  from entities
) ranked
where ranked.id = e.id and ranked.nth > 1;

create unique index entities_identity_key
  on entities (kind, lower(btrim(name)), coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Clusters are looked up by name, case-insensitive (clusters.repo.ts findClusterNamed), but only the
-- service's check kept two apart: a race made two. Same rule, same repair of earlier duplicates.
update clusters c
set name = c.name || ' (' || substr(c.id::text, 1, 8) || ')',
    version = c.version + 1
from (
  select id, row_number() over (partition by lower(name) order by created_at, id) as nth
  from clusters
) ranked
where ranked.id = c.id and ranked.nth > 1;

create unique index clusters_name_key on clusters (lower(name));
