import type { Locale } from '../shared/i18n/locales';
import ar from '../shared/i18n/messages/ar.json' with { type: 'json' };
import en from '../shared/i18n/messages/en.json' with { type: 'json' };
import es from '../shared/i18n/messages/es.json' with { type: 'json' };
import fr from '../shared/i18n/messages/fr.json' with { type: 'json' };
import ru from '../shared/i18n/messages/ru.json' with { type: 'json' };
import zh from '../shared/i18n/messages/zh.json' with { type: 'json' };
import { createTranslator, type Messages, type Translate } from '../shared/i18n/translate';

/** The server needs every catalogue at once (errors and e-mails in each person's language). */
const catalogues: Record<Locale, Messages> = { ar, en, es, fr, ru, zh };
const translators = new Map<Locale, Translate>();

export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale, catalogues[locale], catalogues.en);
    translators.set(locale, t);
  }
  return t;
}
