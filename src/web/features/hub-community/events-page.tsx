import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { HubEvent } from '../../../shared/schemas/community';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { EventTimes } from './event-times';
import './community.css';

/** Seminars and webinars, upcoming or past, paged on the server; moderators add them here. */
export default function EventsPage() {
  const { t, locale } = useT();
  const { can } = useSession();
  const [past, setPast] = useState(false);
  const [page, setPage] = useState(1);
  const events = useApi<Page<HubEvent>>('/api/hub/events', { past: past ? 'true' : undefined, page, pageSize: 20 });
  return (
    <>
      <PageTitle>{t('hubCommunity.nav.events')}</PageTitle>
      <p className="community-links">
        <a href={`/hub/${locale}/events.ics`}>{t('hubCommunity.events.feed')}</a>
        {can('hubCommunity:events') ? <Link to="/community/events/new">{t('hubCommunity.events.new')}</Link> : null}
      </p>
      <div role="tablist" className="community-links">
        {[false, true].map((value) => (
          <button
            key={String(value)}
            type="button"
            role="tab"
            aria-selected={past === value}
            className={past === value ? '' : 'button-secondary'}
            onClick={() => {
              setPast(value);
              setPage(1);
            }}
          >
            {value ? t('hubCommunity.events.past') : t('hubCommunity.events.upcoming')}
          </button>
        ))}
      </div>
      <ErrorMessage error={events.error} />
      {events.loading && !events.data ? <Loading /> : null}
      {events.data && events.data.items.length === 0 ? <p className="subtle">{t('hubCommunity.events.none')}</p> : null}
      <ul className="community-cards">
        {events.data?.items.map((event) => (
          <li key={event.id} className="card">
            <h3>
              <Link to={`/community/events/${event.id}`} dir="auto">
                {event.title}
              </Link>
            </h3>
            <EventTimes event={event} />
            <p className="subtle">
              {event.status === 'cancelled' ? `${t('hubCommunity.events.cancelled')} · ` : ''}
              {event.myRegistration && event.myRegistration !== 'cancelled'
                ? `${t(`hubCommunity.registration.${event.myRegistration}`)} · `
                : ''}
              {t('hubCommunity.events.organisedBy', { organiser: event.organiser })}
            </p>
          </li>
        ))}
      </ul>
      {events.data ? (
        <Pager page={events.data.page} pageSize={events.data.pageSize} total={events.data.total} onPage={setPage} />
      ) : null}
    </>
  );
}
