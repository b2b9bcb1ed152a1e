import type { CalendarEvent } from '../../../shared/schemas/calendar';
import { useT } from '../../i18n/i18n-provider';
import { dateOf, monthWeeks, todayIso, weekdayNames } from './calendar-dates';

/** An event as a button: its kind's colour repeats the words (kind, status), never replaces them. */
function EventButton(props: { event: CalendarEvent; onOpen: (event: CalendarEvent) => void; compact?: boolean }) {
  const { t } = useT();
  const { event } = props;
  return (
    <button
      type="button"
      className={`calendar-event calendar-kind-${event.kind}${event.status === 'submitted' || event.status === 'held' ? ' calendar-done' : ''}`}
      onClick={() => props.onOpen(event)}
    >
      <span className="calendar-event-title">{event.title}</span>
      {props.compact ? null : (
        <span className="subtle">
          {' · '}
          {t(`calendar.kind.${event.kind}`)}
          {event.status ? ` · ${t(`calendar.status.${event.status}`)}` : ''}
          {event.estimated ? ` · ${t('calendar.estimated')}` : ''}
        </span>
      )}
    </button>
  );
}

const onDay = (event: CalendarEvent, day: string) => event.startsOn <= day && (event.endsOn ?? event.startsOn) >= day;

/** The month as a table of weeks: weekday names and dates in the reader's language and direction. */
export function MonthGrid(props: { start: string; events: CalendarEvent[]; onOpen: (event: CalendarEvent) => void }) {
  const { t, locale, formatDate } = useT();
  const weeks = monthWeeks(props.start, locale);
  const long = weekdayNames(locale, 'long');
  const short = weekdayNames(locale, 'short');
  const month = props.start.slice(0, 7);
  const today = todayIso();
  const dayNumber = new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' });
  return (
    <table className="calendar-grid">
      <caption className="visually-hidden">
        {formatDate(props.start, { month: 'long', year: 'numeric', timeZone: 'UTC' })}
      </caption>
      <thead>
        <tr>
          {short.map((name, index) => (
            <th key={long[index]} scope="col">
              <abbr title={long[index]}>{name}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const events = props.events.filter((event) => onDay(event, day));
              const outside = !day.startsWith(month);
              return (
                <td
                  key={day}
                  className={`${outside ? 'calendar-outside' : ''}${day === today ? ' calendar-today' : ''}`}
                  aria-current={day === today ? 'date' : undefined}
                >
                  <time dateTime={day} className="calendar-day-number">
                    <span aria-hidden="true">{dayNumber.format(dateOf(day))}</span>
                    <span className="visually-hidden">
                      {formatDate(day, { dateStyle: 'full', timeZone: 'UTC' })}
                      {events.length > 0 ? `, ${t('calendar.count', { count: events.length })}` : ''}
                    </span>
                  </time>
                  {events.length > 0 ? (
                    <ul className="calendar-day-events">
                      {events.map((event) => (
                        <li key={event.id}>
                          <EventButton event={event} onOpen={props.onOpen} compact />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The same events as a list by day, the view for small screens and screen readers. */
export function AgendaList(props: { events: CalendarEvent[]; onOpen: (event: CalendarEvent) => void }) {
  const { t, formatDate } = useT();
  if (props.events.length === 0) return <p>{t('calendar.noEvents')}</p>;
  const days = [...new Set(props.events.map((event) => event.startsOn))];
  return (
    <ol className="calendar-agenda">
      {days.map((day) => (
        <li key={day}>
          <h3>
            <time dateTime={day}>{formatDate(day, { dateStyle: 'full', timeZone: 'UTC' })}</time>
          </h3>
          <ul>
            {props.events
              .filter((event) => event.startsOn === day)
              .map((event) => (
                <li key={event.id}>
                  <EventButton event={event} onOpen={props.onOpen} />
                  {event.endsOn ? (
                    <span className="subtle">
                      {' '}
                      {t('calendar.until', { date: formatDate(event.endsOn, { dateStyle: 'long', timeZone: 'UTC' }) })}
                    </span>
                  ) : null}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
