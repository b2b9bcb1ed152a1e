import type { Locale } from '../../shared/i18n/locales';

/** Text kept per language: the user's language first, then English, then whatever exists. */
export function pickText(text: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.en || Object.values(text).find((value) => Boolean(value)) || '';
}
