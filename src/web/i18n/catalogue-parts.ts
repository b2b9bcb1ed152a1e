import { loadPart, parts as pageParts } from 'virtual:i18n';
import type { Locale } from '../../shared/i18n/locales';
import type { Messages } from '../../shared/i18n/translate';

/**
 * The messages of each language loaded so far. A page's namespaces are merged into its language's
 * object before the page renders; translators read that object at call time, so they see them.
 */
const loaded = new Map<Locale, { messages: Messages; parts: Set<string> }>();

function ensure(locale: Locale, part: string): Promise<Messages> {
  let entry = loaded.get(locale);
  if (!entry) {
    entry = { messages: {}, parts: new Set() };
    loaded.set(locale, entry);
  }
  const { messages, parts } = entry;
  if (parts.has(part)) return Promise.resolve(messages);
  return loadPart(locale, part).then((more) => {
    Object.assign(messages, more);
    parts.add(part);
    return messages;
  });
}

/** The shell's messages in one language (what every page needs). */
export function loadCoreMessages(locale: Locale): Promise<Messages> {
  return ensure(locale, '@core');
}

/** Loads the messages the page at this route path needs, in the page's language. */
export async function loadPageMessages(locale: Locale, routePath: string): Promise<void> {
  const part = pageParts[routePath];
  if (part) await ensure(locale, part);
}

/** Switching language: the new language's core and every part already loaded in the old one. */
export async function loadMessagesLike(locale: Locale, previous: Locale): Promise<Messages> {
  const parts = loaded.get(previous)?.parts ?? new Set(['@core']);
  await Promise.all([...parts, '@core'].map((part) => ensure(locale, part)));
  return ensure(locale, '@core');
}
