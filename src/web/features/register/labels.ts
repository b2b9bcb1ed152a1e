import type { Locale } from '../../../shared/i18n/locales';
import type { Term } from '../../../shared/schemas/taxonomies';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import type { I18n } from '../../i18n/i18n-provider';

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** A State's name in the reader's language from its ISO 3166 code; raw names (as a source wrote them) stay as they are. */
export function countryName(value: string, locale: Locale): string {
  if (!/^[A-Z]{2}$/.test(value)) return value;
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(value) ?? value;
  } catch {
    return value;
  }
}

/** Positions and mechanisms come as codes; the catalogue names them. */
export function positionLabel(position: string | null, i18n: Pick<I18n, 't' | 'has'>): string {
  if (!position) return i18n.t('register.position.none');
  const key = `register.position.${position}`;
  return i18n.has(key) ? i18n.t(`register.position.${position}`) : position;
}

export function mechanismLabel(mechanism: string, i18n: Pick<I18n, 't' | 'has'>): string {
  const key = `register.mechanism.${mechanism}`;
  return i18n.has(key) ? i18n.t(`register.mechanism.${mechanism}`) : mechanism;
}

/** The statuses are a taxonomy the NMIRF may extend: their labels come from the server. */
export function useStatusTerms() {
  const list = useApi<{ items: Term[] }>('/api/taxonomies/status/terms', { pageSize: 200 });
  return list.data?.items ?? [];
}

export function statusLabelOf(terms: readonly Term[], code: string, locale: Locale): string {
  const term = terms.find((item) => item.code === code);
  return term ? pickText(term.label, locale) || code : code;
}

/** Every term of a taxonomy (themes: about a hundred), for pickers. */
export function useAllTerms(taxonomy: string | null) {
  const list = useApi<{ items: Term[] }>(taxonomy ? `/api/taxonomies/${taxonomy}/terms` : null, { pageSize: 200 });
  return list.data?.items ?? [];
}

/** SDG target codes typed as "5.2, 16.3": split, trimmed, lower-cased letters (e.g. 16.a). */
export function parseSdgTargets(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
}

/** Where in a file: paragraph, row, page, as the catalogue words them. */
export function locationText(
  location: { row?: number | undefined; paragraph?: string | undefined; page?: number | undefined },
  t: I18n['t'],
): string {
  const parts: string[] = [];
  if (location.paragraph) parts.push(t('imports.location.paragraph', { paragraph: location.paragraph }));
  if (location.row !== undefined) parts.push(t('imports.location.row', { row: location.row }));
  if (location.page !== undefined) parts.push(t('imports.location.page', { page: location.page }));
  return parts.join(' · ');
}
