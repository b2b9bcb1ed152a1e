import type { I18n } from '../i18n/i18n-provider';

/** Record types are open-ended (each module adds its own): translated when the catalogue knows them. */
export function recordTypeLabel(recordType: string, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `recordTypes.${recordType}`;
  return i18n.has(key) ? i18n.t(key) : recordType;
}
