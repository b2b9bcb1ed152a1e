import type { Locale } from '../../../shared/i18n/locales';
import type { CalendarEvent, CalendarKind, CalendarStatus } from '../../../shared/schemas/calendar';
import { translatorFor } from '../../i18n';
import { localize } from '../../lib/language';
import type { EventRow } from './calendar.repo';

/** The title shown: the event's own, else its kind, body and review worded in the reader's language. */
export function titleOf(row: EventRow, locale: Locale): string {
  if (row.title) return row.title;
  const t = translatorFor(locale);
  const kind = t(`calendar.kind.${row.kind}`);
  const body = row.body_code ? localize(row.body_name, locale) || row.body_code : null;
  if (!body) return kind;
  return row.review_symbol
    ? t('calendar.computedTitleWithSymbol', { kind, body, symbol: row.review_symbol })
    : t('calendar.computedTitle', { kind, body });
}

export function presentEvent(row: EventRow, locale: Locale, canEdit: boolean): CalendarEvent {
  return {
    id: row.id,
    kind: row.kind as CalendarKind,
    title: titleOf(row, locale),
    customTitle: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    bodyCode: row.body_code,
    bodyName: row.body_code ? localize(row.body_name, locale) || row.body_code : null,
    reviewId: row.review_id,
    reviewSymbol: row.review_symbol,
    status: row.status as CalendarStatus | null,
    source: row.source,
    estimated: row.estimated,
    overridden: row.overridden,
    notes: row.notes,
    version: row.version,
    canEdit,
  };
}
