-- Dashboards cache their counts per register generation (dashboards.cache.ts). Counts by local
-- government and by level depend on an entity's kind, level and place in the hierarchy, so a
-- change of those moves the generation too (names do not: labels are read fresh).
create trigger entities_generation
  after update of kind, lrg_level, parent_id or delete on entities
  for each statement execute function bump_register_generation();

-- The trend reads the status history: a change there (normally with the recommendation's own
-- update, which already moves it) moves the generation whatever wrote it.
create trigger status_history_generation
  after insert or update or delete on recommendation_status_history
  for each statement execute function bump_register_generation();
