import { useEffect, useRef } from 'react';
import type { CalendarEvent } from '../../../shared/schemas/calendar';
import { useT } from '../../i18n/i18n-provider';

/** One event's facts; the heading takes the focus so that keyboard users land on what they opened. */
export function EventDetails(props: { event: CalendarEvent; onClose: () => void; onEdit?: (() => void) | undefined }) {
  const { t, formatDate } = useT();
  const { event } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again when another event is opened.
  useEffect(() => heading.current?.focus(), [event.id]);
  const day = (iso: string) => formatDate(iso, { dateStyle: 'full', timeZone: 'UTC' });
  return (
    <section className="card" aria-labelledby="calendar-event-title">
      <h2 id="calendar-event-title" ref={heading} tabIndex={-1}>
        {event.title}
      </h2>
      <dl className="facts">
        <dt>{t('calendar.fields.kind')}</dt>
        <dd>{t(`calendar.kind.${event.kind}`)}</dd>
        <dt>{t('calendar.fields.startsOn')}</dt>
        <dd>
          <time dateTime={event.startsOn}>{day(event.startsOn)}</time>
          {event.estimated ? <span className="subtle"> ({t('calendar.estimated')})</span> : null}
        </dd>
        {event.endsOn ? (
          <>
            <dt>{t('calendar.fields.endsOn')}</dt>
            <dd>
              <time dateTime={event.endsOn}>{day(event.endsOn)}</time>
            </dd>
          </>
        ) : null}
        {event.bodyName ? (
          <>
            <dt>{t('calendar.fields.body')}</dt>
            <dd>{event.bodyName}</dd>
          </>
        ) : null}
        {event.status ? (
          <>
            <dt>{t('calendar.fields.status')}</dt>
            <dd>{t(`calendar.status.${event.status}`)}</dd>
          </>
        ) : null}
        <dt>{t('calendar.fields.source')}</dt>
        <dd>
          {t(`calendar.source.${event.source}`)}
          {event.reviewSymbol ? ` (${event.reviewSymbol})` : ''}
          {event.overridden ? ` · ${t('calendar.overridden')}` : ''}
        </dd>
        {event.notes ? (
          <>
            <dt>{t('calendar.fields.notes')}</dt>
            <dd className="prose">{event.notes}</dd>
          </>
        ) : null}
      </dl>
      <div className="form-actions">
        {props.onEdit ? (
          <button type="button" onClick={props.onEdit}>
            {t('calendar.edit')}
          </button>
        ) : null}
        <button type="button" className="button-secondary" onClick={props.onClose}>
          {t('calendar.close')}
        </button>
      </div>
    </section>
  );
}
