import type { Locale } from './locales';
import type { Messages } from './translate';

/** Loads one language's catalogue; the web bundles each as its own chunk, loaded on demand. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'ar':
      return (await import('./messages/ar.json')).default;
    case 'zh':
      return (await import('./messages/zh.json')).default;
    case 'fr':
      return (await import('./messages/fr.json')).default;
    case 'ru':
      return (await import('./messages/ru.json')).default;
    case 'es':
      return (await import('./messages/es.json')).default;
    default:
      return (await import('./messages/en.json')).default;
  }
}
