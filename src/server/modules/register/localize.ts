import type { LocalizedText } from '../../db/schema';

/** A label in the reader's language, else English, else any language the record has. */
export function localize(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return '';
  const record = text as Record<string, string | undefined>;
  return record[locale] ?? record.en ?? Object.values(record).find(Boolean) ?? '';
}
