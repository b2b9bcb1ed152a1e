import type { I18n } from '../../i18n/i18n-provider';

/** A level 0–4 with one decimal when it is a median or quartile between two levels. */
export function levelText(value: number | null, i18n: I18n): string {
  if (value === null) return '—';
  return i18n.formatNumber(value, { maximumFractionDigits: 1 });
}

export function dateText(iso: string | null, i18n: I18n): string {
  if (!iso) return '—';
  return i18n.formatDate(new Date(iso), { dateStyle: 'medium' });
}
