import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import { mailStatusSchema, type OutboxMail } from '../../../shared/schemas/outbox';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { StatusFilter } from '../../components/status-filter';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';

const filterKeys = ['status'] as const;
const pageSize = 25;

/** Mail queued by the app (invitations, password resets): how each went, and a retry for a failed one. */
export default function OutboxPage() {
  const { t, formatDateTime } = useT();
  const { filters, apply, list, card } = useListPage<Page<OutboxMail>, (typeof filterKeys)[number]>(
    '/api/admin/outbox',
    { filters: filterKeys, pageSize },
  );
  const [actionError, setActionError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function retry(mail: OutboxMail) {
    setActionError(null);
    setNotice(null);
    setBusyId(mail.id);
    try {
      await api.post<OutboxMail>(`/api/admin/outbox/${mail.id}/retry`);
      setNotice(t('outbox.retried', { email: mail.to }));
      list.reload();
    } catch (error) {
      setActionError(toAppError(error));
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p>{t('outbox.intro')}</p>
      <ErrorMessage error={list.error ?? actionError} />
      <SuccessMessage>{notice}</SuccessMessage>
      <ListCard
        {...card}
        count={(count) => t('outbox.count', { count })}
        toolbar={
          <StatusFilter
            value={filters.status}
            statuses={mailStatusSchema.options}
            labelOf={(status) => t(`outbox.status.${status}`)}
            onChange={(status) => apply({ status })}
          />
        }
      >
        {(page, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('outbox.queuedAt')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.kind')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.lastError')}</th>
                <th scope="col">{t('outbox.sentAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                  </td>
                  <td dir="ltr" className="mono">
                    {item.to}
                  </td>
                  <td>{t(`outbox.kinds.${item.kind}`)}</td>
                  <td>
                    <span className={`badge badge-mail-${item.status}`}>{t(`outbox.status.${item.status}`)}</span>
                  </td>
                  <td>{item.attempts}</td>
                  <td dir="ltr">{item.lastError ?? t('common.none')}</td>
                  <td>
                    {item.sentAt ? <time dateTime={item.sentAt}>{formatDateTime(item.sentAt)}</time> : t('common.none')}
                  </td>
                  <td>
                    {item.status === 'failed' ? (
                      <button
                        type="button"
                        className="button-small"
                        disabled={busyId === item.id}
                        aria-label={t('outbox.retryFor', { email: item.to })}
                        onClick={() => retry(item)}
                      >
                        {t('outbox.retry')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
