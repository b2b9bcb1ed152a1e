import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { banItemSchema, ModerationItem } from '../../../shared/schemas/community';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import './community.css';

type Ban = z.infer<typeof banItemSchema>;

/** The moderators' queue: reported posts and posts held for a first approval; bans. */
export default function ModerationPage() {
  const { t, formatDateTime } = useT();
  const [queue, setQueue] = useState<'reported' | 'held'>('reported');
  const [page, setPage] = useState(1);
  const items = useApi<Page<ModerationItem>>('/api/hub/community/moderation', { queue, page, pageSize: 20 });
  const bans = useApi<Ban[]>('/api/hub/community/bans');
  const [error, setError] = useState<AppError | null>(null);
  const [banning, setBanning] = useState<{ id: string; name: string } | null>(null);

  async function act(postId: string, action: 'hide' | 'approve' | 'dismiss') {
    setError(null);
    try {
      await api.post(`/api/hub/community/posts/${postId}/moderation`, { action, reason: null });
      items.reload();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <>
      <PageTitle>{t('hubCommunity.nav.moderation')}</PageTitle>
      <div role="tablist" className="community-links">
        {(['reported', 'held'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={queue === name}
            className={queue === name ? '' : 'button-secondary'}
            onClick={() => {
              setQueue(name);
              setPage(1);
            }}
          >
            {t(`hubCommunity.moderation.queue.${name}`)}
          </button>
        ))}
      </div>
      <ErrorMessage error={items.error ?? error} />
      {items.loading && !items.data ? <Loading /> : null}
      {items.data && items.data.items.length === 0 ? (
        <p className="subtle">{t('hubCommunity.moderation.empty')}</p>
      ) : null}
      {items.data?.items.map((item) => (
        <article key={item.postId} className="community-post">
          <header>
            <Link to={`/community/threads/${item.threadId}`} dir="auto">
              {item.threadTitle}
            </Link>
            <span>{item.author?.name ?? t('hubCommunity.formerAccount')}</span>
            <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
          </header>
          <p dir="auto" className="post-body">
            {item.body}
          </p>
          {item.reports.length > 0 ? (
            <ul>
              {item.reports.map((report) => (
                <li key={report.id}>
                  {t(`hubCommunity.reason.${report.reason}`)}
                  {report.note ? `: ${report.note}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="post-actions">
            {item.status === 'held' ? (
              <button type="button" onClick={() => act(item.postId, 'approve')}>
                {t('hubCommunity.moderation.approve')}
              </button>
            ) : null}
            {item.status !== 'hidden' ? (
              <button type="button" className="button-danger" onClick={() => act(item.postId, 'hide')}>
                {t('hubCommunity.moderation.hide')}
              </button>
            ) : null}
            {item.reports.length > 0 ? (
              <button type="button" className="button-secondary" onClick={() => act(item.postId, 'dismiss')}>
                {t('hubCommunity.moderation.dismiss')}
              </button>
            ) : null}
            {item.author ? (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setBanning({ id: item.author?.id ?? '', name: item.author?.name ?? '' })}
              >
                {t('hubCommunity.moderation.ban')}
              </button>
            ) : null}
          </div>
        </article>
      ))}
      {items.data ? (
        <Pager page={items.data.page} pageSize={items.data.pageSize} total={items.data.total} onPage={setPage} />
      ) : null}
      {banning ? (
        <BanForm
          person={banning}
          onDone={() => {
            setBanning(null);
            bans.reload();
          }}
        />
      ) : null}
      <h2>{t('hubCommunity.moderation.bans')}</h2>
      {bans.data && bans.data.length === 0 ? <p className="subtle">{t('hubCommunity.moderation.noBans')}</p> : null}
      <ul className="community-thread-list">
        {bans.data?.map((ban) => (
          <li key={ban.id}>
            <strong>{ban.user?.name}</strong> — {ban.reason} ·{' '}
            {ban.endsAt
              ? t('hubCommunity.moderation.until', { date: formatDateTime(ban.endsAt) })
              : t('hubCommunity.moderation.forGood')}{' '}
            <button
              type="button"
              className="button-secondary"
              onClick={async () => {
                await api.delete(`/api/hub/community/bans/${ban.id}`).catch((cause) => setError(toAppError(cause)));
                bans.reload();
              }}
            >
              {t('hubCommunity.moderation.lift')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function BanForm(props: { person: { id: string; name: string }; onDone: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [ends, setEnds] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.post('/api/hub/community/bans', {
        userId: props.person.id,
        reason,
        endsAt: ends ? new Date(`${ends}T23:59:59`).toISOString() : null,
      });
      props.onDone();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }
  return (
    <section className="card" aria-labelledby="ban-title">
      <h2 id="ban-title">{t('hubCommunity.moderation.banTitle', { name: props.person.name })}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="ban-reason">{t('hubCommunity.moderation.banReason')}</label>
          <textarea
            id="ban-reason"
            dir="auto"
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ban-ends">{t('hubCommunity.moderation.banEnds')}</label>
          <input id="ban-ends" type="date" value={ends} onChange={(e) => setEnds(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" className="button-danger" disabled={reason.trim() === ''}>
            {t('hubCommunity.moderation.ban')}
          </button>
        </div>
      </form>
    </section>
  );
}
