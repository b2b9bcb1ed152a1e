import { type RawBuilder, sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { HubVisibility } from '../../../shared/schemas/hub';
import type { HubSearchFacet, HubSearchQuery } from '../../../shared/schemas/hub-search';
import type { Executor } from '../../http/context';
import { searchLangs, textConfigs } from '../search';

// The hub's one search (issue 19 item 7, decision 039) over hub_documents: each row matched and
// ranked in its own language's configuration (as its generated tsv was built), Chinese rows also by
// pairs of characters (tsv_cjk, migration 0048), one result per thing.

export type Filters = Pick<HubSearchQuery, 'kind' | 'country' | 'theme' | 'level' | 'system' | 'network' | 'language'>;

function tsQuery(lang: Locale, q: string) {
  const { config, unaccent } = textConfigs[lang];
  return unaccent
    ? sql`websearch_to_tsquery(${config}::regconfig, im_unaccent(${q}))`
    : sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
}
const cjkQuery = (q: string) => sql`websearch_to_tsquery('simple', hub_cjk_bigrams(${q}))`;
const hasCjk = (q: string) => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u.test(q);

/**
 * A row matches when the query, parsed in the row's language, matches its tsv: one arm per
 * language, each a GIN look-up the planner ORs together, then checked against the row's locale.
 */
function textMatch(q: string) {
  const arms = searchLangs.map((lang) => {
    const own = sql`(d.locale = ${lang} and d.tsv @@ ${tsQuery(lang, q)})`;
    return lang === 'zh' && hasCjk(q) ? sql`${own} or (d.locale = 'zh' and d.tsv_cjk @@ ${cjkQuery(q)})` : own;
  });
  return sql<boolean>`(${sql.join(arms, sql` or `)})`;
}

/** ts_rank_cd with the default weights (A 1.0, B 0.4, C 0.2), in the row's language. */
function rank(q: string) {
  const arms = searchLangs.map((lang) => {
    const own = sql`ts_rank_cd(d.tsv, ${tsQuery(lang, q)})`;
    const ranked =
      lang === 'zh' && hasCjk(q) ? sql`greatest(${own}, ts_rank_cd(coalesce(d.tsv_cjk, ''), ${cjkQuery(q)}))` : own;
    return sql`when ${lang} then ${ranked}`;
  });
  return sql<number>`case d.locale ${sql.join(arms, sql` `)} else 0 end`;
}

/** Each filter as a condition on a thing, by facet (a facet is counted without its own). */
function filterConditions(filters: Filters): Partial<Record<HubSearchFacet, RawBuilder<boolean>>> {
  const conditions: Partial<Record<HubSearchFacet, RawBuilder<boolean>>> = {};
  if (filters.kind) conditions.kind = sql`t.kind = ${filters.kind}`;
  if (filters.country) conditions.country = sql`t.country_code = ${filters.country}`;
  if (filters.theme) conditions.theme = sql`t.themes @> array[${filters.theme}]::text[]`;
  if (filters.level) conditions.level = sql`t.level = ${filters.level}`;
  if (filters.system) conditions.system = sql`t.system_of_government = ${filters.system}`;
  if (filters.network) conditions.network = sql`t.network_ids @> array[${filters.network}]::uuid[]`;
  if (filters.language) conditions.language = sql`t.locales @> array[${filters.language}]::text[]`;
  return conditions;
}

function where(conditions: Partial<Record<HubSearchFacet, RawBuilder<boolean>>>, except?: HubSearchFacet) {
  const kept = Object.entries(conditions)
    .filter(([facet]) => facet !== except)
    .map(([, condition]) => condition as RawBuilder<boolean>);
  return kept.length === 0 ? sql`true` : sql.join(kept, sql` and `);
}

/** What a facet's value is on a thing (themes, networks and languages are lists: one count each). */
const facetSource: Record<HubSearchFacet, RawBuilder<unknown>> = {
  kind: sql`select t.kind as value from things t`,
  country: sql`select t.country_code as value from things t`,
  theme: sql`select x.value from things t cross join unnest(t.themes) as x(value)`,
  level: sql`select t.level as value from things t`,
  system: sql`select t.system_of_government as value from things t`,
  network: sql`select x.value::text from things t cross join unnest(t.network_ids) as x(value)`,
  language: sql`select x.value from things t cross join unnest(t.locales) as x(value)`,
};

export interface FoundThing {
  kind: string;
  ref_id: string;
  locale: Locale;
  languages: Locale[];
  rank: number;
}

export interface SearchRows {
  things: FoundThing[];
  total: number;
  facets: { facet: HubSearchFacet; value: string; count: number }[];
}

/**
 * The page of things, their total and every facet's counts in one statement: the matching rows
 * (text and visibility) once, folded into one row per thing (its languages, its best rank, the
 * language to show it in: the reader's when it matched in it, else its best-ranked), then each
 * facet counted over the things that pass the other filters, and the page.
 */
export async function searchDocuments(
  db: Executor,
  options: {
    q: string | null;
    filters: Filters;
    visibilities: HubVisibility[];
    prefer: Locale;
    limit: number;
    offset: number;
  },
): Promise<SearchRows> {
  const { q, filters, visibilities, prefer, limit, offset } = options;
  const shown = filters.language
    ? sql`${filters.language}::text`
    : sql`(array_agg(h.locale order by (h.locale = ${prefer}) desc, h.rank desc, h.locale))[1]`;
  const conditions = filterConditions(filters);
  const facetQueries = (Object.keys(facetSource) as HubSearchFacet[]).map(
    (facet) => sql`select ${facet}::text as facet, value, count(*)::int as count, null::text as page
      from (${facetSource[facet]} where ${where(conditions, facet)}) f where value is not null group by value`,
  );
  const { rows } = await sql<{ facet: string; value: string | null; count: number; page: string | null }>`
    with hits as materialized (
      select d.kind, d.ref_id, d.locale, d.country_code, d.system_of_government, d.level, d.themes, d.network_ids,
        d.updated_at, ${q ? rank(q) : sql`0::real`} as rank
      from hub_documents d
      where d.visibility in (${sql.join(visibilities)}) ${q ? sql`and ${textMatch(q)}` : sql``}
    ), things as materialized (
      select h.kind, h.ref_id, min(h.country_code) as country_code,
        min(h.system_of_government) as system_of_government, min(h.level) as level,
        max(h.themes) as themes, max(h.network_ids) as network_ids,
        array_agg(h.locale) as locales, max(h.rank) as best, max(h.updated_at) as updated, ${shown} as shown
      from hits h group by h.kind, h.ref_id
    )
    ${sql.join(facetQueries, sql` union all `)}
    union all select 'total', null, count(*)::int, null from things t where ${where(conditions)}
    union all select 'page', null, 0, coalesce(json_agg(p)::text, '[]') from (
      select t.kind, t.ref_id, t.shown as locale, t.locales as languages, t.best as rank from things t
      where ${where(conditions)} order by t.best desc, t.updated desc, t.ref_id limit ${limit} offset ${offset}
    ) p`.execute(db);
  const total = rows.find((row) => row.facet === 'total')?.count ?? 0;
  const page = JSON.parse(rows.find((row) => row.facet === 'page')?.page ?? '[]') as FoundThing[];
  return {
    things: page.map((row) => ({ ...row, rank: Number(row.rank) })),
    total,
    facets: rows
      .filter((row) => row.facet !== 'total' && row.facet !== 'page')
      .map((row) => ({ facet: row.facet as HubSearchFacet, value: row.value ?? '', count: row.count })),
  };
}

/** Hits wrapped in U+0002 and U+0003, never HTML: the page or client marks them up. */
const headlineOptions = 'StartSel=\u0002, StopSel=\u0003, MaxWords=40, MinWords=15, MaxFragments=2';

export interface ShownRow {
  kind: string;
  ref_id: string;
  locale: Locale;
  title: string;
  snippet: string;
  path: string;
  country_code: string | null;
  level: string | null;
  themes: string[];
  visibility: HubVisibility;
}

/** The page's rows with an extract (ts_headline is costly: only these), each in its own language. */
export async function shownRows(
  db: Executor,
  things: readonly { kind: string; ref_id: string; locale: Locale }[],
  q: string | null,
): Promise<ShownRow[]> {
  if (things.length === 0) return [];
  const keys = things.map((thing) => sql`(${thing.kind}::text, ${thing.ref_id}::uuid, ${thing.locale}::text)`);
  const extract = (lang: Locale) => {
    const { config } = textConfigs[lang];
    const source = sql`case when d.summary <> '' then d.summary else left(d.body, 4000) end`;
    return q
      ? sql`ts_headline(${config}::regconfig, ${source}, ${tsQuery(lang, q)}, ${headlineOptions})`
      : sql`left(${source}, 300)`;
  };
  const { rows } = await sql<ShownRow>`
    select d.kind, d.ref_id, d.locale, d.title, d.path, d.country_code, d.level, d.themes, d.visibility,
      case d.locale ${sql.join(
        searchLangs.map((lang) => sql`when ${lang} then ${extract(lang)}`),
        sql` `,
      )} end as snippet
    from hub_documents d join (values ${sql.join(keys)}) as k(kind, ref_id, locale)
      on d.kind = k.kind and d.ref_id = k.ref_id and d.locale = k.locale`.execute(db);
  return rows;
}

/**
 * The nearest known word for each word of a query that matched nothing (pg_trgm, `<->` walked
 * nearest first in the GiST index); a word the hub holds is its own.
 */
export async function correctWords(db: Executor, words: string[]): Promise<Map<string, string>> {
  const corrections = new Map<string, string>();
  if (words.length === 0) return corrections;
  const known = await db.selectFrom('hub_search_words').select('word').where('word', 'in', words).execute();
  const knownWords = new Set(known.map((row) => row.word));
  for (const word of words) {
    if (knownWords.has(word)) continue;
    const found = await sql<{ word: string }>`
      select word from hub_search_words where word % ${word} order by word <-> ${word}, word limit 1`.execute(db);
    const best = found.rows[0]?.word;
    if (best && best !== word) corrections.set(word, best);
  }
  return corrections;
}

/** The generation of hub_documents (a counter its trigger moves on every change, migration 0048). */
export async function generationOf(db: Executor): Promise<string> {
  const row = await db.selectFrom('hub_search_generation').select('generation').executeTakeFirst();
  return String(row?.generation ?? 0);
}

/** The networks named by a search's facet, for their labels. */
export async function findNetworkNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('hub_networks').select(['id', 'name', 'name_i18n']).where('id', 'in', ids).execute();
}
