import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { PublicationState, PublicationSubject } from '../../../shared/schemas/publication';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

/**
 * Where a record stands on the public portal (decision 032), with the link to its public page;
 * the secretariat publishes, withholds or returns it to the default rule here. A review's card
 * also publishes all its validated updates at once.
 */
export function PublicationCard(props: {
  subject: Extract<PublicationSubject, 'review' | 'recommendation'>;
  id: string;
}) {
  const { t, locale } = useT();
  const { can } = useSession();
  const canPublish = can('register:edit');
  const state = useApi<PublicationState>(`/api/publication/${props.subject}/${props.id}`);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = state.data;

  async function run(send: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await send();
    } catch (caught) {
      setError(toAppError(caught));
    } finally {
      setBusy(false);
    }
  }
  const decide = (published: boolean | null) =>
    run(async () => {
      const next = await api.put<PublicationState>(`/api/publication/${props.subject}/${props.id}`, { published });
      state.setData(() => next);
    });
  const publishUpdates = () =>
    run(async () => {
      const result = await api.post<{ published: number }>(`/api/publication/reviews/${props.id}/validated-updates`);
      setNotice(t('public.publication.updatesPublished', { count: result.published }));
    });

  return (
    <section className="card" aria-labelledby={`publication-${props.id}`}>
      <h2 id={`publication-${props.id}`}>{t('public.publication.title')}</h2>
      <ErrorMessage error={state.error ?? error} />
      {data ? (
        <>
          <p>{t(`public.publication.${data.publicness}`)}</p>
          {data.publicPath ? (
            <p>
              <a href={`/public/${locale}${data.publicPath}`}>{t('public.publication.open')}</a>
            </p>
          ) : null}
          {data.publicPath && props.subject === 'review' ? (
            <p>
              {/* The snippet page (decision 040): copy the review's progress summary onto another site. */}
              <a href={`/public/${locale}/widgets?subject=review:${props.id}&lang=${locale}`}>
                {t('public.widget.embed')}
              </a>
            </p>
          ) : null}
          {canPublish ? (
            <div className="form-actions">
              {data.decision !== true ? (
                <button type="button" disabled={busy} onClick={() => decide(true)}>
                  {t('public.publication.publish')}
                </button>
              ) : null}
              {data.decision !== false ? (
                <button type="button" className="button-secondary" disabled={busy} onClick={() => decide(false)}>
                  {t('public.publication.withhold')}
                </button>
              ) : null}
              {data.decision !== null ? (
                <button type="button" className="button-secondary" disabled={busy} onClick={() => decide(null)}>
                  {t('public.publication.reset')}
                </button>
              ) : null}
              {props.subject === 'review' ? (
                <button type="button" className="button-secondary" disabled={busy} onClick={publishUpdates}>
                  {t('public.publication.publishUpdates')}
                </button>
              ) : null}
            </div>
          ) : null}
          {notice ? <p role="status">{notice}</p> : null}
        </>
      ) : null}
    </section>
  );
}
