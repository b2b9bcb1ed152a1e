import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locales';

/**
 * A catalogue: key → ICU message. The web build ships messages that use ICU syntax already
 * parsed (build/i18n-plugin.ts), so the browser needs no parser; plain text stays a string.
 */
export type Messages = Record<string, string | MessageFormatElement[]>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

/** Text with nothing ICU would interpret: no arguments, no escapes, no tags. */
export function isPlainMessage(message: string): boolean {
  return !/[{}'<]/.test(message);
}

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
      if (typeof source === 'string' && isPlainMessage(source)) return source;
      format = new IntlMessageFormat(source, locale);
      cache.set(key, format);
    }
    return String(format.format(values));
  };
}
