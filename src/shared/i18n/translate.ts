import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { type Formatters, IntlMessageFormat } from 'intl-messageformat';
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
/**
 * IntlMessageFormat resolves its locale for every message it builds (Intl.NumberFormat.
 * supportedLocalesOf, then an Intl.Locale): the same few answers, kept here (decision 041).
 */
const resolvedLocales = new Map<string, Intl.Locale | undefined>();
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = (locales) => {
  const key = String(locales);
  if (!resolvedLocales.has(key)) resolvedLocales.set(key, resolveLocale(locales));
  return resolvedLocales.get(key);
};

/** One Intl formatter per locale and options for all of a catalogue's messages, not one per message. */
function sharedFormatters(): Formatters {
  const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
  const once = <F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
    kind: string,
    args: unknown[],
    make: () => F,
  ): F => {
    const key = `${kind}|${JSON.stringify(args)}`;
    let format = made.get(key) as F | undefined;
    if (!format) {
      format = make();
      made.set(key, format);
    }
    return format;
  };
  return {
    getNumberFormat: (...args) => once('number', args, () => new Intl.NumberFormat(...args)),
    getDateTimeFormat: (...args) => once('date', args, () => new Intl.DateTimeFormat(...args)),
    getPluralRules: (...args) => once('plural', args, () => new Intl.PluralRules(...args)),
  };
}

export function createTranslator(locale: Locale, messages: Messages, fallback: Messages = {}): Translate {
  const cache = new Map<string, IntlMessageFormat | SimpleElement[]>();
  const formatters = sharedFormatters();
  const build = (source: string | MessageFormatElement[]) =>
    new IntlMessageFormat(source, locale, undefined, { formatters });
  return (key, values) => {
    let format = cache.get(key);
    if (!format) {
      const source = messages[key] ?? fallback[key];
      if (source === undefined) return key;
      if (typeof source === 'string' && isPlainMessage(source)) return source;
      format = typeof source !== 'string' && isSimple(source) ? source : build(source);
      cache.set(key, format);
    }
    if (!Array.isArray(format)) return String(format.format(values));
    const simple = fillSimple(format, values);
    if (simple !== null) return simple;
    // A value that is missing or not text: IntlMessageFormat says what it says (or throws).
    const full = build(format);
    cache.set(key, full);
    return String(full.format(values));
  };
}

/** Text and plain `{name}` arguments only (types 0 and 1 of the parser's AST). */
type SimpleElement = { type: 0 | 1; value: string };

function isSimple(elements: MessageFormatElement[]): elements is SimpleElement[] {
  return elements.every((element) => element.type === 0 || element.type === 1);
}

/**
 * Such a message filled in by concatenation, as IntlMessageFormat formats it (a string or number
 * argument is written as String(value)), without building one: that costs a locale resolution
 * per message, and formatting through it dominated rendering the register's facets and results
 * on a slow phone (decision 041). Null when a value is missing or of another kind.
 */
function fillSimple(elements: SimpleElement[], values: MessageValues | undefined): string | null {
  let text = '';
  for (const element of elements) {
    if (element.type === 0) {
      text += element.value;
      continue;
    }
    const value = values?.[element.value];
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    text += String(value);
  }
  return text;
}
