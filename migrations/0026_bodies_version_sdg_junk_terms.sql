-- Admins add and rename bodies (Special Procedures mandates, regional mechanisms): edits are made
-- at a version, like every other record an admin edits.
alter table bodies add column if not exists version integer not null default 1;

-- OHCHR thematic lists whose themes cell holds an "SDGs:" block ("- 16 - PEACE, JUSTICE AND
-- STRONG INSTITUTIONS") before "Affected persons:" were read, before this version, as theme terms
-- "SDGs:" and "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS". Such a term, as the importer made it
-- and no one edited since (version 1, its label the code in English alone), is removed from the
-- recommendations that name it, its goal joins their SDG goals, and it is deleted. A term someone
-- renamed or relabelled is left to the admins' merge. Idempotent: nothing matches a second time.
create temporary table junk_sdg_terms on commit drop as
  select id, substring(code from '^(\d{1,2}) - ')::smallint as goal
  from taxonomy_terms
  where taxonomy = 'theme'
    and version = 1
    and label = jsonb_build_object('en', code)
    and (code ~ '^(SDGs?|ODD|ODS)\s*:?$' or code ~ '^([1-9]|1[0-7]) - [A-Z][A-Z ,''&-]*[A-Z]$');

update recommendations r
  set theme_ids = array(select t from unnest(r.theme_ids) t where t not in (select id from junk_sdg_terms)),
      sdg_goals = array(
        select distinct g from unnest(
          r.sdg_goals || array(select j.goal from junk_sdg_terms j where j.id = any(r.theme_ids) and j.goal is not null)
        ) g order by g
      ),
      version = r.version + 1
  where r.theme_ids && array(select id from junk_sdg_terms);

delete from taxonomy_terms where id in (select id from junk_sdg_terms);
