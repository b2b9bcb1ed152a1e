import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { CalendarFeed } from '../../../shared/schemas/calendar';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

/**
 * The person's secret feed address for a calendar application. The server keeps only a hash of
 * it, so the address is shown once, right after it is made; making a new one ends the old one.
 */
export function FeedPanel() {
  const { t, formatDateTime } = useT();
  const feed = useApi<CalendarFeed>('/api/calendar/feed');
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function run(action: () => Promise<CalendarFeed | null>) {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const result = await action();
      setUrl(result?.url ?? null);
      feed.reload();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!url) return;
    await navigator.clipboard.writeText(url);
    setCopied(true);
  }

  const active = feed.data?.active ?? false;
  return (
    <section className="card" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('calendar.feed.title')}</h2>
      <p>{t('calendar.feed.intro')}</p>
      <ErrorMessage error={feed.error ?? error} />
      {url ? (
        <div className="field">
          <label htmlFor="calendar-feed-url">{t('calendar.feed.urlLabel')}</label>
          <p className="field-hint" id="calendar-feed-url-hint">
            {t('calendar.feed.onceOnly')}
          </p>
          <div className="calendar-feed-url">
            <input
              id="calendar-feed-url"
              type="text"
              readOnly
              dir="ltr"
              value={url}
              aria-describedby="calendar-feed-url-hint"
              onFocus={(event) => event.target.select()}
            />
            <button type="button" onClick={copy}>
              {t('calendar.feed.copy')}
            </button>
          </div>
          <SuccessMessage>{copied ? t('calendar.feed.copied') : null}</SuccessMessage>
        </div>
      ) : active && feed.data ? (
        <p>
          {t('calendar.feed.active', { date: formatDateTime(feed.data.createdAt ?? '') })}{' '}
          {feed.data.lastUsedAt ? t('calendar.feed.lastUsed', { date: formatDateTime(feed.data.lastUsedAt) }) : null}
        </p>
      ) : (
        <p className="subtle">{t('calendar.feed.none')}</p>
      )}
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={() => run(() => api.post<CalendarFeed>('/api/calendar/feed'))}>
          {active ? t('calendar.feed.regenerate') : t('calendar.feed.create')}
        </button>
        {active ? (
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await api.delete('/api/calendar/feed');
                return null;
              })
            }
          >
            {t('calendar.feed.revoke')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
