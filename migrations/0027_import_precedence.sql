-- Issue 13 (decision 017): a State's views (UPR addendum) imported before the report that holds
-- the recommendations are kept on the review and applied when the recommendations arrive, so that
-- the order of the imports never matters.
alter table reviews add column if not exists held_positions jsonb not null default '[]';

-- One review, one record. Earlier imports matched reviews by symbol only, so a UPR Info export
-- (no symbol) made a second review beside the symbol-keyed one of the same body, State and
-- session. Each such review is merged into its symbol-keyed twin when there is exactly one:
-- its recommendations move (unless the twin holds the same content key: those stay, with their
-- review), metadata the twin lacks is copied, manual calendar events move; the review is deleted
-- only once nothing refers to it but computed calendar events, which the next computation redoes
-- (a computed event whose dates a person changed keeps its review, so that no change is lost).
create temporary table review_twins on commit drop as
select d.id as dup, min(k.id::text)::uuid as keep
from reviews d
join reviews k
  on k.body_code = d.body_code and k.country_iso2 = d.country_iso2 and k.session = d.session
 and k.symbol is not null
where d.symbol is null and d.session is not null and d.country_iso2 is not null
group by d.id
having count(k.id) = 1;

update recommendations r
set review_id = t.keep,
    cycle = coalesce(r.cycle, (select k.cycle from reviews k where k.id = t.keep))
from review_twins t
where r.review_id = t.dup
  and not exists (select 1 from recommendations o where o.review_id = t.keep and o.content_key = r.content_key);

update reviews k
set cycle = coalesce(k.cycle, d.cycle),
    review_date = coalesce(k.review_date, d.review_date),
    title = coalesce(k.title, d.title),
    reporting_round = coalesce(k.reporting_round, d.reporting_round),
    version = k.version + 1,
    updated_at = now()
from review_twins t
join reviews d on d.id = t.dup
where k.id = t.keep
  and (k.cycle is null and d.cycle is not null
    or k.review_date is null and d.review_date is not null
    or k.title is null and d.title is not null
    or k.reporting_round is null and d.reporting_round is not null);

update calendar_events e
set review_id = t.keep
from review_twins t
where e.review_id = t.dup and e.source = 'manual';

delete from reviews d
using review_twins t
where d.id = t.dup
  and not exists (select 1 from recommendations r where r.review_id = d.id)
  and not exists (select 1 from calendar_events e where e.review_id = d.id and (e.source = 'manual' or e.overridden));
