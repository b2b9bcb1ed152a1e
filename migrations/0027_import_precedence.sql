-- Issue 13 (decision 017): a State's views (UPR addendum) imported before the report that holds
-- the recommendations are kept on the review and applied when the recommendations arrive, so that
-- the order of the imports never matters.
alter table reviews add column held_positions jsonb not null default '[]';
