import { type RawBuilder, sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { PracticeSearchQuery } from '../../../shared/schemas/hub-practices';
import type { Executor } from '../../http/context';

// The public practices list reads the hub's search table (hub_documents, kind 'practice'): one
// row per published practice and language, written when a version is published and removed when
// the practice is withdrawn, so nothing unpublished can be listed. Facet counts and the page are
// computed in the database over the practices that match every filter.

export const publicPageSize = 20;

/** Each language's text search configuration, as hub_documents' generated tsv uses it. */
const configOf = sql`(case d.locale when 'ar' then 'arabic' when 'en' then 'english' when 'fr' then 'french'
  when 'es' then 'spanish' when 'ru' then 'russian' else 'simple' end)::regconfig`;
/** The query in the row's own language; the tsv unaccents all but Russian and the simple ones. */
const queryOf = (q: string) =>
  sql`(case when d.locale in ('ru', 'zh') then websearch_to_tsquery(${configOf}, ${q})
    else websearch_to_tsquery(${configOf}, im_unaccent(${q})) end)`;

/** The practices (ids) matching the filters, with their best text rank when there is a text. */
function matched(query: PracticeSearchQuery): RawBuilder<unknown> {
  const where = [sql`d.kind = 'practice'`, sql`d.visibility = 'public'`];
  if (query.country) where.push(sql`d.country_code = ${query.country}`);
  if (query.level) where.push(sql`d.level = ${query.level}`);
  if (query.system) where.push(sql`d.system_of_government = ${query.system}`);
  if (query.theme) where.push(sql`${query.theme} = any(d.themes)`);
  if (query.network) where.push(sql`${query.network}::uuid = any(d.network_ids)`);
  if (query.language)
    where.push(
      sql`exists (select 1 from hub_documents l where l.kind = 'practice' and l.ref_id = d.ref_id and l.locale = ${query.language})`,
    );
  const q = query.q?.trim();
  if (q) where.push(sql`d.tsv @@ ${queryOf(q)}`);
  const rank = q ? sql`max(ts_rank(d.tsv, ${queryOf(q)}))` : sql`0::real`;
  return sql`select d.ref_id, ${rank} as rank from hub_documents d where ${sql.join(where, sql` and `)} group by d.ref_id`;
}

/**
 * One row per practice in the reader's language when it has one, else in its original language
 * (the list marks which).
 */
function shown(locale: Locale) {
  return sql`select distinct on (d.ref_id) d.ref_id, d.locale, d.title, d.summary, d.country_code, d.level,
      d.system_of_government, d.themes, d.member_id, d.updated_at
    from hub_documents d join hub_practices p on p.id = d.ref_id
    where d.kind = 'practice' and d.ref_id in (select ref_id from matched)
    order by d.ref_id, (d.locale = ${locale}) desc, (d.locale = p.original_locale) desc, d.locale`;
}

export interface PublicPracticeRow {
  ref_id: string;
  locale: Locale;
  title: string;
  summary: string;
  country_code: string | null;
  level: string | null;
  themes: string[];
  member_name: string;
  published_at: Date | null;
  rank: number;
}

export async function searchPublished(db: Executor, locale: Locale, query: PracticeSearchQuery) {
  const offset = (query.page - 1) * publicPageSize;
  const order = query.q?.trim()
    ? sql`m.rank desc, p.published_at desc nulls last, s.ref_id`
    : sql`p.published_at desc nulls last, s.ref_id`;
  const rows = await sql<PublicPracticeRow & { total: string }>`
    with matched as (${matched(query)}), s as (${shown(locale)})
    select s.ref_id, s.locale, s.title, s.summary, s.country_code, s.level, s.themes, hm.name as member_name,
      p.published_at, m.rank, count(*) over () as total
    from s join matched m on m.ref_id = s.ref_id join hub_practices p on p.id = s.ref_id
      join hub_members hm on hm.id = p.member_id
    order by ${order} limit ${publicPageSize} offset ${offset}`.execute(db);
  const total = rows.rows[0] ? Number(rows.rows[0].total) : await countMatched(db, query);
  return { rows: rows.rows, total };
}

async function countMatched(db: Executor, query: PracticeSearchQuery): Promise<number> {
  const result = await sql<{
    n: string;
  }>`with matched as (${matched(query)}) select count(*) as n from matched`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export interface FacetCount {
  value: string;
  count: number;
}

/** How many of the matching practices each facet value has (drill-down: under every filter set). */
export async function facetCounts(db: Executor, query: PracticeSearchQuery) {
  const one = async (select: RawBuilder<unknown>) => {
    const result = await sql<{ value: string; n: string }>`with matched as (${matched(query)}),
      f as (select distinct on (d.ref_id) d.ref_id, d.country_code, d.level, d.system_of_government, d.themes, d.network_ids
        from hub_documents d where d.kind = 'practice' and d.ref_id in (select ref_id from matched) order by d.ref_id, d.locale)
      ${select}`.execute(db);
    return result.rows
      .filter((row) => row.value !== null)
      .map((row) => ({ value: String(row.value), count: Number(row.n) }));
  };
  const grouped = (column: string) =>
    sql`select ${sql.ref(column)} as value, count(*) as n from f group by 1 order by 2 desc, 1`;
  const [country, level, system, theme, network, language] = await Promise.all([
    one(grouped('country_code')),
    one(grouped('level')),
    one(grouped('system_of_government')),
    one(sql`select t as value, count(*) as n from f, unnest(f.themes) t group by 1 order by 2 desc, 1`),
    one(sql`select t::text as value, count(*) as n from f, unnest(f.network_ids) t group by 1 order by 2 desc, 1`),
    one(
      sql`select l.locale as value, count(distinct l.ref_id) as n from hub_documents l
        where l.kind = 'practice' and l.ref_id in (select ref_id from f) group by 1 order by 2 desc, 1`,
    ),
  ]);
  return { country, level, system, theme, network, language };
}

/** Network names for the facet, in the reader's language where known. */
export async function findNetworkNames(db: Executor, ids: string[], locale: Locale) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('hub_networks').select(['id', 'name', 'name_i18n']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, (row.name_i18n as unknown as Record<string, string>)[locale] ?? row.name]));
}

/**
 * Related practices: up to five other published practices, ranked by
 *   2 × the number of themes they share with this one
 *   + 1 when they come from the same level of government
 *   + 1 when their country has the same system of government
 *   + 3 × the trigram similarity (pg_trgm) of their title and summary to this one's, compared in
 *     the same language (a practice has a row per language; the best pair counts).
 * A practice that shares no theme and whose text is not similar at all (similarity under 0.1) is
 * not related, whatever its level or system: those alone say little about what it is about.
 * Ties go to the most recently published.
 */
export async function findRelated(db: Executor, id: string, locale: Locale) {
  const result = await sql<{ ref_id: string; score: number }>`
    with me as (
      select d.locale, d.themes, d.level, d.system_of_government, d.title || ' ' || d.summary as words
      from hub_documents d where d.kind = 'practice' and d.ref_id = ${id}
    ), scored as (
      select o.ref_id,
        max(2 * cardinality(array(select unnest(o.themes) intersect select unnest(me.themes)))
          + (o.level is not distinct from me.level)::int
          + (o.system_of_government is not distinct from me.system_of_government)::int
          + case when o.locale = me.locale then 3 * similarity(o.title || ' ' || o.summary, me.words) else 0 end) as score,
        max(cardinality(array(select unnest(o.themes) intersect select unnest(me.themes)))) as shared,
        max(case when o.locale = me.locale then similarity(o.title || ' ' || o.summary, me.words) else 0 end) as alike
      from hub_documents o cross join me
      where o.kind = 'practice' and o.visibility = 'public' and o.ref_id <> ${id}
      group by o.ref_id
    )
    select s.ref_id, s.score from scored s join hub_practices p on p.id = s.ref_id
    where s.shared > 0 or s.alike >= 0.1
    order by s.score desc, p.published_at desc nulls last, s.ref_id limit 5`.execute(db);
  if (result.rows.length === 0) return [];
  const ids = result.rows.map((row) => row.ref_id);
  const titles = await sql<{ ref_id: string; locale: Locale; title: string; country_code: string | null }>`
    select distinct on (d.ref_id) d.ref_id, d.locale, d.title, d.country_code
    from hub_documents d join hub_practices p on p.id = d.ref_id
    where d.kind = 'practice' and d.ref_id in (${sql.join(ids)})
    order by d.ref_id, (d.locale = ${locale}) desc, (d.locale = p.original_locale) desc, d.locale`.execute(db);
  const byId = new Map(titles.rows.map((row) => [row.ref_id, row]));
  return result.rows.flatMap((row) => {
    const title = byId.get(row.ref_id);
    return title ? [{ id: row.ref_id, score: Number(row.score), ...title }] : [];
  });
}
