/** The six UN languages. Arabic is written right to left. */
export const locales = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Locale = (typeof locales)[number];

export const rtlLocales: readonly Locale[] = ['ar'];

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return rtlLocales.includes(locale) ? 'rtl' : 'ltr';
}

/** Each language's own name, as a language picker shows it. */
export const localeNames: Record<Locale, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/**
 * A language's name in the reader's language, for a sentence ("Original language: anglais"); a
 * picker lists each language in its own name (localeNames), a sentence never does.
 */
export function languageName(code: string, inLocale: Locale): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'none' }).of(code) ?? nameOrCode(code);
  } catch {
    return nameOrCode(code);
  }
}
const nameOrCode = (code: string) => (isLocale(code) ? localeNames[code] : code);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return fallback;
}
