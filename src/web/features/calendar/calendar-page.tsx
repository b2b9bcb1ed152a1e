import { useState } from 'react';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import {
  type CalendarEvent,
  calendarKinds,
  calendarStatuses,
  type RecomputeResult,
} from '../../../shared/schemas/calendar';
import type { Page } from '../../../shared/schemas/common';
import type { bodySchema } from '../../../shared/schemas/taxonomies';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { FilterForm, SelectFilter } from '../../components/filter-form';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useDraft } from '../../components/use-draft';
import { useUrlFilters } from '../../components/use-url-filters';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { addDays, monthStart, monthWeeks, shiftMonth, todayIso } from './calendar-dates';
import { AgendaList, MonthGrid } from './calendar-views';
import { EventDetails } from './event-details';
import { EventForm } from './event-form';
import { FeedPanel } from './feed-panel';
import { ReminderSettings } from './reminder-settings';
import './calendar.css';

const filterKeys = ['month', 'view', 'kind', 'body', 'status'] as const;
const emptyFilters = { month: '', view: '', kind: '', body: '', status: '' };

/** The calendar of obligations: a month as a grid or an agenda, filters, the event form, the feed. */
export default function CalendarPage() {
  const { t, locale, formatDate } = useT();
  const { can } = useSession();
  const canEdit = can('calendar:edit');
  const { filters, apply } = useUrlFilters(filterKeys);
  const [draft, setDraft] = useDraft(filters);
  const start = monthStart(filters.month);
  const weeks = monthWeeks(start, locale);
  const from = weeks[0]?.[0] ?? start;
  const to = weeks[weeks.length - 1]?.[6] ?? addDays(shiftMonth(start, 1), -1);
  const agenda = filters.view === 'agenda';
  const events = useApi<Page<CalendarEvent>>('/api/calendar/events', {
    from: agenda ? start : from,
    to: agenda ? addDays(shiftMonth(start, 1), -1) : to,
    kind: filters.kind,
    body: filters.body,
    status: filters.status,
    pageSize: 200,
  });
  const bodies = useApi<z.infer<typeof bodySchema>[]>('/api/bodies');
  const [open, setOpen] = useState<CalendarEvent | null>(null);
  const [editing, setEditing] = useState<CalendarEvent | 'new' | null>(null);
  const [recomputed, setRecomputed] = useState<RecomputeResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const goTo = (month: string) => apply({ month: month.slice(0, 7) });
  const monthLabel = formatDate(start, { month: 'long', year: 'numeric', timeZone: 'UTC' });

  async function recompute() {
    setError(null);
    try {
      setRecomputed(await api.post<RecomputeResult>('/api/calendar/recompute'));
      events.reload();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  function done(event: CalendarEvent | null) {
    setEditing(null);
    setOpen(event);
    events.reload();
  }

  const bodyOptions = (bodies.data ?? []).map((body) => ({ value: body.code, label: body.name }));
  return (
    <>
      <PageTitle
        actions={
          canEdit ? (
            <>
              <button type="button" onClick={() => setEditing('new')}>
                {t('calendar.new')}
              </button>
              <button type="button" className="button-secondary" onClick={recompute}>
                {t('calendar.recompute')}
              </button>
            </>
          ) : null
        }
      >
        {t('calendar.title')}
      </PageTitle>
      <p>{t('calendar.intro')}</p>
      <ErrorMessage error={error} />
      <SuccessMessage>{recomputed ? t('calendar.recomputed', recomputed) : null}</SuccessMessage>
      <FilterForm
        draft={draft}
        setDraft={setDraft}
        apply={apply}
        empty={{ ...emptyFilters, month: filters.month, view: filters.view }}
      >
        <SelectFilter
          name="kind"
          label={t('calendar.fields.kind')}
          value={draft.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
          options={calendarKinds.map((kind) => ({ value: kind, label: t(`calendar.kind.${kind}`) }))}
        />
        <SelectFilter
          name="body"
          label={t('calendar.fields.body')}
          value={draft.body}
          onChange={(body) => setDraft({ ...draft, body })}
          options={bodyOptions}
        />
        <SelectFilter
          name="status"
          label={t('calendar.fields.status')}
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
          options={calendarStatuses.map((status) => ({ value: status, label: t(`calendar.status.${status}`) }))}
        />
      </FilterForm>
      {editing ? (
        <section className="card" aria-labelledby="calendar-form-title">
          <h2 id="calendar-form-title">{editing === 'new' ? t('calendar.newTitle') : t('calendar.editTitle')}</h2>
          <EventForm
            event={editing === 'new' ? null : editing}
            day={filters.month ? start : todayIso()}
            bodies={bodies.data ?? []}
            onDone={done}
          />
        </section>
      ) : open ? (
        <EventDetails
          event={open}
          onClose={() => setOpen(null)}
          onEdit={open.canEdit ? () => setEditing(open) : undefined}
        />
      ) : null}
      <section className="card" aria-labelledby="calendar-month-title" aria-busy={events.loading}>
        <div className="calendar-toolbar">
          <h2 id="calendar-month-title" aria-live="polite">
            {monthLabel}
          </h2>
          <nav className="calendar-nav" aria-label={t('calendar.monthNav')}>
            <button type="button" className="button-secondary" onClick={() => goTo(shiftMonth(start, -1))}>
              <span aria-hidden="true" className="calendar-arrow">
                ‹
              </span>{' '}
              {t('calendar.previousMonth')}
            </button>
            <button type="button" className="button-secondary" onClick={() => goTo(todayIso())}>
              {t('calendar.today')}
            </button>
            <button type="button" className="button-secondary" onClick={() => goTo(shiftMonth(start, 1))}>
              {t('calendar.nextMonth')}{' '}
              <span aria-hidden="true" className="calendar-arrow">
                ›
              </span>
            </button>
          </nav>
          <fieldset className="calendar-views">
            <legend className="visually-hidden">{t('calendar.viewLabel')}</legend>
            {(['month', 'agenda'] as const).map((view) => (
              <label key={view}>
                <input
                  type="radio"
                  name="calendar-view"
                  checked={(agenda ? 'agenda' : 'month') === view}
                  onChange={() => apply({ view: view === 'month' ? '' : view })}
                />
                <span>{t(`calendar.view.${view}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <ErrorMessage error={events.error} />
        {events.data ? (
          <>
            {events.data.total > events.data.items.length ? (
              <p className="alert alert-warning">
                {t('calendar.truncated', { shown: events.data.items.length, total: events.data.total })}
              </p>
            ) : null}
            {agenda ? (
              <AgendaList events={events.data.items} onOpen={setOpen} />
            ) : (
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a grid that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
              <section className="table-scroll" tabIndex={0} aria-labelledby="calendar-month-title">
                <MonthGrid start={start} events={events.data.items} onOpen={setOpen} />
              </section>
            )}
          </>
        ) : (
          <Loading />
        )}
      </section>
      <FeedPanel />
      <ReminderSettings canEdit={canEdit} />
    </>
  );
}
