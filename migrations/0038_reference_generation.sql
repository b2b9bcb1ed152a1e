-- Issue 16 (under load), decision 028: a signed-in read of the register, the entities or a
-- dashboard is answered from memory while nothing it depends on has changed, keyed by the
-- register generation (one small read per request, so every app process sees a write the
-- moment it commits). The generation already moves on every write to recommendations,
-- assignments, cluster members, terms, status history and bodies' mechanism, and on entities'
-- kind, level or parent. These triggers make it move on the rest of what those answers show:
-- names of entities, reviews, bodies and countries, who sits for which entity (a person's
-- scope), network members (the entities filter) and the State's names of LRG levels.
-- Statement triggers: one bump per statement whatever its row count; these tables change rarely.
drop trigger entities_generation on entities;
create trigger entities_generation
  after insert or update or delete or truncate on entities
  for each statement execute function bump_register_generation();
create trigger reviews_generation
  after insert or update or delete or truncate on reviews
  for each statement execute function bump_register_generation();
create trigger bodies_generation
  after insert or delete or truncate on bodies
  for each statement execute function bump_register_generation();
create trigger countries_generation
  after insert or update or delete or truncate on countries
  for each statement execute function bump_register_generation();
create trigger entity_people_generation
  after insert or update or delete or truncate on entity_people
  for each statement execute function bump_register_generation();
create trigger network_members_generation
  after insert or update or delete or truncate on network_members
  for each statement execute function bump_register_generation();
create trigger state_profile_generation
  after insert or update or delete or truncate on state_profile
  for each statement execute function bump_register_generation();
