import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales';

export type Messages = Record<string, string>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

/**
 * Builds t(key, values) over one catalogue of ICU messages. Compiled formats are cached per
 * key. A key missing from the catalogue falls back to English, then to the key itself, so a
 * gap shows on screen instead of crashing; the catalogue test fails on any such gap.
 */
export function createTranslator(locale: Locale, messages: Messages, fallback: Messages = {}): Translate {
  const cache = new Map<string, IntlMessageFormat>();
  return (key, values) => {
    let format = cache.get(key);
    if (!format) {
      const source = messages[key] ?? fallback[key];
      if (source === undefined) return key;
      format = new IntlMessageFormat(source, locale);
      cache.set(key, format);
    }
    return String(format.format(values));
  };
}
