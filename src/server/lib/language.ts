import { type RawBuilder, sql } from 'kysely';
import { type Locale, locales } from '../../shared/i18n/locales';
import type { LocalizedText } from '../db/column-types';

// One rule for text kept in several languages, wherever it is read: the reader's language, then
// the record's original language (recommendations have one; labels do not), then English, then
// any language the record has, in catalogue order. An empty text counts as missing.

/** A label (taxonomy term, body, level name) in the reader's language by the rule above; '' if it has none. */
export function localize(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return '';
  const record = text as Record<string, string | undefined>;
  return record[locale] || record.en || Object.values(record).find(Boolean) || '';
}

/**
 * The language `localize` took the text from, when it is not the reader's (a term not yet
 * translated, shown in English): the page marks it with `lang` so it is read and flagged as such.
 */
export function fallbackLang(text: LocalizedText | null | undefined, locale: string): string | undefined {
  if (!text) return undefined;
  const record = text as Record<string, string | undefined>;
  if (record[locale]) return undefined;
  if (record.en) return 'en';
  return Object.entries(record).find(([, value]) => Boolean(value))?.[0];
}

/** The recommendation columns `<alias>.text_<lang>` as SQL references. */
const column = (alias: string, lang: Locale) => sql.ref(`${alias ? `${alias}.` : ''}text_${lang}`);

/** The text in the recommendation's original language, by `<alias>.original_lang`. */
const original = (alias: string) =>
  sql`case ${sql.ref(`${alias ? `${alias}.` : ''}original_lang`)} ${sql.join(
    locales.map((lang) => sql`when ${lang} then ${column(alias, lang)}`),
    sql` `,
  )} end`;

/** The order after the reader's language and the original: English, then the others. */
const rest = (locale: Locale) =>
  ['en', ...locales.filter((lang) => lang !== 'en')].filter((lang) => lang !== locale) as Locale[];

/** A recommendation's text for a reader in `locale` by the rule above ('' if it has none); `alias` names the table. */
export function recommendationText(locale: Locale, alias = 'r'): RawBuilder<string> {
  return sql<string>`coalesce(${column(alias, locale)}, ${original(alias)}, ${sql.join(
    rest(locale).map((lang) => column(alias, lang)),
  )}, '')`;
}

/** The language of `recommendationText` (null if it has none), for the page's `lang` attribute. */
export function recommendationTextLang(locale: Locale, alias = 'r'): RawBuilder<string> {
  return sql<string>`case when ${column(alias, locale)} is not null then ${locale}
    when ${original(alias)} is not null then ${sql.ref(`${alias ? `${alias}.` : ''}original_lang`)} ${sql.join(
      rest(locale).map((lang) => sql`when ${column(alias, lang)} is not null then ${lang}`),
      sql` `,
    )} end`;
}

/** Both as the selected columns `text` and `text_lang`. */
export function localizedText(locale: Locale, alias = 'r') {
  return [recommendationText(locale, alias).as('text'), recommendationTextLang(locale, alias).as('text_lang')] as const;
}
