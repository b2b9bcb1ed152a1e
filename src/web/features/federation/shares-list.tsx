import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { FederationShare } from '../../../shared/schemas/federation';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';

/**
 * What is shared with the hub, one row per item, like an outbox: its state, the revision the hub
 * holds, the last error and the next try; a failed item can be sent again at once.
 */
export function SharesList(props: { canRetry: boolean; reloadKey?: number }) {
  const { t, formatDateTime } = useT();
  const { list, card } = useListPage<Page<FederationShare>>('/api/federation/shares', {
    pageSize: 25,
    query: { reload: props.reloadKey ?? 0 },
  });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function retry(share: FederationShare) {
    setError(null);
    setBusy(share.id);
    try {
      await api.post(`/api/federation/shares/${share.id}/retry`);
      list.reload();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(null);
    }
  }

  const when = (value: string | null) => (value ? <time dateTime={value}>{formatDateTime(value)}</time> : '—');
  return (
    <>
      <ErrorMessage error={list.error ?? error} />
      <ListCard {...card} count={(count) => t('federation.shares.count', { count })}>
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('federation.shares.item')}</th>
                <th scope="col">{t('federation.shares.state')}</th>
                <th scope="col">{t('federation.shares.revision')}</th>
                <th scope="col">{t('federation.shares.sentAt')}</th>
                <th scope="col">{t('federation.shares.lastError')}</th>
                <th scope="col">{t('federation.shares.nextTry')}</th>
                {props.canRetry ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.items.map((share) => (
                <tr key={share.id}>
                  <td>
                    {t(`federation.kinds.${share.kind}`)}
                    {share.kind === 'practice' ? (
                      <>
                        {': '}
                        <span className="user-text">{share.title}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span className={`badge badge-${share.state}`}>{t(`federation.states.${share.state}`)}</span>
                  </td>
                  <td>
                    {t('federation.shares.revisions', {
                      revision: share.revision,
                      sent: share.sentRevision ?? '—',
                    })}
                  </td>
                  <td>{when(share.sentAt)}</td>
                  <td>
                    {share.lastError ? (
                      <span className="mono" dir="ltr">
                        {share.lastError}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{when(share.nextTryAt)}</td>
                  {props.canRetry ? (
                    <td>
                      {share.state === 'failed' || share.state === 'pending' ? (
                        <button
                          type="button"
                          className="button-small"
                          disabled={busy === share.id}
                          onClick={() => retry(share)}
                        >
                          {t('federation.shares.retry')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
