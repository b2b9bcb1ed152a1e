import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { HubEvent } from '../../../shared/schemas/community';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { EventTimes } from './event-times';
import { CommunityError } from './shared';
import './community.css';

/** One event: its details, the person's registration (or place on the waiting list), its .ics. */
export default function EventPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const { can } = useSession();
  const event = useApi<HubEvent>(`/api/hub/events/${id}`);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const data = event.data;

  async function register(status: 'registered' | 'cancelled') {
    setBusy(true);
    setError(null);
    try {
      const after = await api.put<HubEvent>(`/api/hub/events/${id}/registration`, { status });
      event.setData(() => after);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  const mine = data?.myRegistration;
  const full = data?.capacity !== null && data !== null && data.registered >= (data.capacity ?? 0);
  return (
    <>
      <PageTitle>{data?.title ?? t('hubCommunity.nav.events')}</PageTitle>
      <p>
        <Link to="/community/events">{t('hubCommunity.nav.events')}</Link>
      </p>
      <ErrorMessage error={event.error} />
      {event.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          {data.status === 'cancelled' ? (
            <p className="alert alert-error">{t('hubCommunity.events.cancelled')}</p>
          ) : null}
          <EventTimes event={data} />
          <dl className="community-facts">
            {data.place ? (
              <>
                <dt>{t('hubCommunity.events.place')}</dt>
                <dd dir="auto">{data.place}</dd>
              </>
            ) : null}
            {data.onlineUrl ? (
              <>
                <dt>{t('hubCommunity.events.link')}</dt>
                <dd>
                  <a href={data.onlineUrl} rel="noopener noreferrer" dir="ltr">
                    {data.onlineUrl}
                  </a>
                </dd>
              </>
            ) : null}
            <dt>{t('hubCommunity.events.organiser')}</dt>
            <dd dir="auto">{data.organiser}</dd>
            <dt>{t('hubCommunity.events.capacity')}</dt>
            <dd>
              {data.capacity === null
                ? t('hubCommunity.events.noLimit')
                : t('hubCommunity.events.places', { taken: data.registered, capacity: data.capacity })}
              {data.waiting > 0 ? ` · ${t('hubCommunity.events.waitingCount', { count: data.waiting })}` : ''}
            </dd>
            {data.source ? (
              <>
                <dt>{t('hubCommunity.source')}</dt>
                <dd dir="auto">{data.source}</dd>
              </>
            ) : null}
          </dl>
          {data.description.split(/\n{2,}/).map((paragraph) => (
            <p key={paragraph} dir="auto">
              {paragraph}
            </p>
          ))}
          {mine === 'registered' || mine === 'waiting' ? (
            <p>
              <strong>{t(`hubCommunity.registration.${mine}`)}</strong>
            </p>
          ) : null}
          <CommunityError error={error} />
          <div className="form-actions">
            {data.status === 'scheduled' && mine !== 'registered' && mine !== 'waiting' ? (
              <button type="button" disabled={busy} onClick={() => register('registered')}>
                {full && data.waitingList ? t('hubCommunity.events.joinWaiting') : t('hubCommunity.events.register')}
              </button>
            ) : null}
            {mine === 'registered' || mine === 'waiting' ? (
              <button type="button" className="button-secondary" disabled={busy} onClick={() => register('cancelled')}>
                {t('hubCommunity.events.cancelRegistration')}
              </button>
            ) : null}
            <a href={`/api/hub/events/${data.id}/ics`}>{t('hubCommunity.events.download')}</a>
            {can('hubCommunity:events') ? (
              <Link to={`/community/events/${data.id}/edit`}>{t('common.edit')}</Link>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}
