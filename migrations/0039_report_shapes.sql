-- Issue 17, report shapes (docs/domain.md, "Reports the State writes"):
-- * a section per recommendation ('recommendation' grouping): the replies to a list of issues, a
--   follow-up reply and a reply to a communication answer paragraph by paragraph, and a
--   voluntary mid-term report may take the implementation matrix, one row per recommendation;
-- * the symbol the secretariat gives (A/HRC/WG.6/34/SVN/1), printed on the cover and in the
--   running heads instead of the title once known;
-- * the local and regional governments' contributions as an annex (the default) or as a
--   chapter of the report, where they count against the word limit.
alter table reports drop constraint reports_grouping_check;
alter table reports add constraint reports_grouping_check
  check (grouping in ('theme', 'cluster', 'recommendation'));
alter table reports add column symbol text check (symbol is null or length(symbol) between 1 and 100);
alter table reports add column lrg_placement text not null default 'annex'
  check (lrg_placement in ('annex', 'section'));
