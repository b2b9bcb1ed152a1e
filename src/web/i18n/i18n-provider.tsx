import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { directionOf, isLocale, type Locale, negotiateLocale } from '../../shared/i18n/locales';
import { createTranslator, type Messages, type MessageValues } from '../../shared/i18n/translate';
import { loadMessagesLike } from './catalogue-parts';

const storageKey = 'implementa.locale';

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** Translates one ICU message key; a missing key shows the key itself. */
  t: (key: string, values?: MessageValues) => string;
  /** Whether the catalogue has this key (server issues may carry keys or plain text). */
  has: (key: string) => boolean;
  formatDate: (value: string | Date, options?: Intl.DateTimeFormatOptions) => string;
  formatDateTime: (value: string | Date) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** Loads the catalogue, then switches the page language and direction. */
  setLocale: (locale: Locale) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

/** The language to start with: the user's saved choice, else this browser's, else the browser languages. */
export function initialLocale(userLocale: Locale | null | undefined): Locale {
  if (userLocale) return userLocale;
  const stored = readStoredLocale();
  if (stored) return stored;
  return negotiateLocale(navigator.languages?.join(',') || navigator.language, 'en');
}

export function readStoredLocale(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts this visit only.
  }
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

const dateTimeOptions: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

function buildI18n(locale: Locale, messages: Messages, setLocale: (locale: Locale) => Promise<void>): I18n {
  const translate = createTranslator(locale, messages);
  // A formatter costs far more to build than to use (the first DateTimeFormat of a page, ~40 ms on a
  // slow phone, loads the locale's calendar data), so each is built when first used, then kept:
  // the register's facets format ~100 counts a render (decision 041).
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const formatterOf = <F,>(cache: Map<string, F>, options: object | undefined, make: () => F): F => {
    const key = options ? JSON.stringify(options) : '';
    let format = cache.get(key);
    if (!format) {
      format = make();
      cache.set(key, format);
    }
    return format;
  };
  return {
    locale,
    dir: directionOf(locale),
    t: (key, values) => {
      try {
        return translate(key, values);
      } catch {
        // A message missing one of its values must not break the page.
        const message = messages[key];
        return typeof message === 'string' ? message : key;
      }
    },
    has: (key) => Object.hasOwn(messages, key),
    formatDate: (value, options = { dateStyle: 'medium' }) => {
      const date = toDate(value);
      return Number.isNaN(date.getTime())
        ? String(value)
        : formatterOf(dateFormats, options, () => new Intl.DateTimeFormat(locale, options)).format(date);
    },
    formatDateTime: (value) => {
      const date = toDate(value);
      return Number.isNaN(date.getTime())
        ? String(value)
        : formatterOf(dateFormats, dateTimeOptions, () => new Intl.DateTimeFormat(locale, dateTimeOptions)).format(
            date,
          );
    },
    formatNumber: (value, options) =>
      formatterOf(numberFormats, options, () => new Intl.NumberFormat(locale, options)).format(value),
    setLocale,
  };
}

export function I18nProvider(props: { locale: Locale; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ locale: props.locale, messages: props.messages });

  const setLocale = useCallback(async (locale: Locale) => {
    const messages = await loadMessagesLike(locale, document.documentElement.lang as Locale);
    applyDocumentLocale(locale);
    storeLocale(locale);
    setState({ locale, messages });
  }, []);

  const value = useMemo(() => buildI18n(state.locale, state.messages, setLocale), [state, setLocale]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() outside I18nProvider');
  return value;
}
