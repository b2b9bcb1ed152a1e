-- Dashboards (issue 5, item 7).
--
-- Which implementation statuses close a recommendation: an assignment past its due date on a
-- recommendation in a final status is not overdue. Statuses are the installation's own terms, so
-- finality is a property of each term, not a list in the code. The defaults seed it on new
-- installations (seed/bodies.ts); this marks the same defaults on existing ones.
alter table taxonomy_terms add column final boolean not null default false;
update taxonomy_terms set final = true where taxonomy = 'status' and code in ('implemented', 'not_applicable');

-- Change over time reads only the changes inside the charted range (earlier ones are already in
-- the current status), found by date.
create index recommendation_status_history_changed_idx on recommendation_status_history (changed_at);

-- Overdue assignments: the few with a due date in the past, found by date.
create index assignments_due_idx on assignments (due_date) where due_date is not null;

-- The dashboards read a few narrow columns of every recommendation; the heap is wide (texts and
-- six tsvectors), so a full scan of it is slow at 500,000 rows. This index holds exactly those
-- columns, and the counts become index-only scans of a structure a fraction of the size.
create index recommendations_dashboard_idx on recommendations (status)
  include (id, body_code, cycle, review_id, created_at, theme_ids, sdg_goals, local_levels);
