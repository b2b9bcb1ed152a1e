-- Concluding-observation paragraphs held their lettered sub-items twice in the text of their
-- original language: inline after the chapeau ("… the State party: (a) Adopt …; (b) Ensure …"),
-- then once more one per line ("\n(a) Adopt …;\n(b) Ensure …"), beside the same items in
-- sub_items. Texts, exports, search snippets and report word counts showed them twice.
-- From now on the text is the chapeau, then each sub-item once on a line of its own (see
-- "Sub-items" in ARCHITECTURE.md); this repairs the rows written the old way.
--
-- Only a text that is exactly the old shape is rewritten (the chapeau, the inline copy with the
-- document's markers "(a)" or "a)", then the lines fullText() appended), so texts edited since are
-- left alone. The tsv_* columns are generated from text_* and follow; status and history are not
-- touched; version goes up, so that an edit begun on the doubled text is refused (409), not saved
-- over the repair. Running this twice changes nothing.
with items as (
  select r.id,
    string_agg(
      E'\n' || case when r.original_lang = 'en' then '(' || (s.item ->> 'label') || ')' else (s.item ->> 'label') || ')' end
        || ' ' || (s.item ->> 'text'),
      '' order by s.n
    ) as lines,
    string_agg(' (' || (s.item ->> 'label') || ') ' || (s.item ->> 'text'), '' order by s.n) as inline_paren,
    string_agg(' ' || (s.item ->> 'label') || ') ' || (s.item ->> 'text'), '' order by s.n) as inline_plain
  from recommendations r
  cross join lateral jsonb_array_elements(r.sub_items) with ordinality as s (item, n)
  where jsonb_typeof(r.sub_items) = 'array' and jsonb_array_length(r.sub_items) > 0
  group by r.id, r.original_lang
),
stored as (
  select r.id, r.original_lang, i.lines, i.inline_paren, i.inline_plain,
    case r.original_lang
      when 'ar' then r.text_ar when 'zh' then r.text_zh when 'en' then r.text_en
      when 'fr' then r.text_fr when 'ru' then r.text_ru when 'es' then r.text_es
    end as body
  from recommendations r
  join items i on i.id = r.id
),
heads as (
  select s.*, left(s.body, length(s.body) - length(s.lines)) as head
  from stored s
  where length(s.body) > length(s.lines) and right(s.body, length(s.lines)) = s.lines
),
repaired as (
  select h.id, h.original_lang, left(h.head, length(h.head) - length(v.inline)) || h.lines as text
  from heads h
  cross join lateral (
    values (
      case
        when right(h.head, length(h.inline_paren)) = h.inline_paren then h.inline_paren
        when right(h.head, length(h.inline_plain)) = h.inline_plain then h.inline_plain
      end
    )
  ) as v (inline)
  where v.inline is not null and length(h.head) > length(v.inline)
)
update recommendations r set
  text_ar = case when p.original_lang = 'ar' then p.text else r.text_ar end,
  text_zh = case when p.original_lang = 'zh' then p.text else r.text_zh end,
  text_en = case when p.original_lang = 'en' then p.text else r.text_en end,
  text_fr = case when p.original_lang = 'fr' then p.text else r.text_fr end,
  text_ru = case when p.original_lang = 'ru' then p.text else r.text_ru end,
  text_es = case when p.original_lang = 'es' then p.text else r.text_es end,
  version = r.version + 1
from repaired p
where r.id = p.id;
