import { sql } from 'kysely';
import type { Executor } from '../../http/context';

/**
 * How PostgreSQL analyses the register's words, one owner for both ways of matching them: the
 * text index evaluates the queries parsed here (decision 013), and the register's SQL path (while
 * an index is rebuilt) matches and ranks with the same configurations, so both find the same rows.
 */
export type SearchLang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export const searchLangs: SearchLang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
/** Text search configuration per language; the generated columns unaccent the same ones. */
export const textConfigs: Record<SearchLang, { config: string; unaccent: boolean }> = {
  ar: { config: 'arabic', unaccent: true },
  zh: { config: 'simple', unaccent: false },
  en: { config: 'english', unaccent: true },
  fr: { config: 'french', unaccent: true },
  ru: { config: 'russian', unaccent: false },
  es: { config: 'spanish', unaccent: true },
};

function tsQuery(lang: SearchLang, q: string) {
  const { config, unaccent } = textConfigs[lang];
  return unaccent
    ? sql`websearch_to_tsquery(${config}::regconfig, im_unaccent(${q}))`
    : sql`websearch_to_tsquery(${config}::regconfig, ${q})`;
}

/** The text condition: a match in any language's column (each stemmed in its own language). */
export function textMatch(q: string) {
  return sql<boolean>`(${sql.join(
    searchLangs.map((lang) => sql`${sql.ref(`tsv_${lang}`)} @@ ${tsQuery(lang, q)}`),
    sql` or `,
  )})`;
}

export function rankExpression(q: string) {
  return sql<number>`(${sql.join(
    searchLangs.map((lang) => sql`ts_rank(${sql.ref(`tsv_${lang}`)}, ${tsQuery(lang, q)})`),
    sql` + `,
  )})`;
}

/**
 * The `seq` of every row matching the text, with its rank when asked: one row back whatever the
 * number of matches (a comma-separated list parses far faster than one result row per match).
 */
export async function matchText(
  db: Executor,
  q: string,
  withRank: boolean,
): Promise<{ seqs: Int32Array; ranks: Float64Array | null }> {
  const rank = withRank ? rankExpression(q) : sql<number>`0`;
  const { rows } = await sql<{ seqs: string | null; ranks: string | null }>`
    select string_agg(seq::text, ',') as seqs, string_agg(rank::text, ',') as ranks
    from (select seq, ${rank} as rank from recommendations where ${textMatch(q)}) m`.execute(db);
  const row = rows[0];
  if (!row?.seqs) return { seqs: new Int32Array(0), ranks: withRank ? new Float64Array(0) : null };
  return {
    seqs: Int32Array.from(row.seqs.split(','), Number),
    ranks: withRank && row.ranks ? Float64Array.from(row.ranks.split(','), Number) : null,
  };
}

/**
 * The search words as each language's configuration parses them (`tsquery` text, in the order of
 * `searchLangs`), in one round trip: the text index (decision 013) evaluates these, so stemming,
 * stop words and unaccenting stay PostgreSQL's.
 */
export async function parsedQueries(db: Executor, q: string): Promise<string[]> {
  const { rows } = await sql<Record<SearchLang, string>>`select ${sql.join(
    searchLangs.map((lang) => sql`${tsQuery(lang, q)}::text as ${sql.ref(lang)}`),
  )}`.execute(db);
  const row = rows[0];
  return searchLangs.map((lang) => row?.[lang] ?? '');
}
