import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { CallDetail, CallEntity } from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

const pageSize = 25;

/**
 * The entities a draft may ask: the duty bearers assigned to its recommendations (and any asked
 * already), each with how many of them it holds and whether it has a focal point to mail.
 */
export function CallEntities(props: { call: CallDetail; onChange: (call: CallDetail) => void }) {
  const { t, formatNumber } = useT();
  const [page, setPage] = useState(1);
  const list = useApi<Page<CallEntity>>(`/api/calls/${props.call.id}/entities`, {
    page,
    pageSize,
    v: props.call.version,
  });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<CallDetail>) {
    setError(null);
    setBusy(true);
    try {
      props.onChange(await action());
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  const base = `/api/calls/${props.call.id}/entities`;
  return (
    <section aria-labelledby="call-entities-title">
      <h2 id="call-entities-title">{t('calls.entities')}</h2>
      <p>{t('calls.entitiesIntro')}</p>
      <ErrorMessage error={list.error ?? error} />
      <div className="form-actions">
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => run(() => api.post<CallDetail>(base, { allAssigned: true }))}
        >
          {t('calls.askAll')}
        </button>
      </div>
      <ListCard list={list} count={(count) => t('calls.candidateCount', { count })} filtered={false} onPage={setPage}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('calls.entity')}</th>
                <th scope="col">{t('calls.assignedCount')}</th>
                <th scope="col">{t('calls.focalPoints')}</th>
                <th scope="col">{t('calls.asked')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.entity.id}>
                  <td>{item.entity.name}</td>
                  <td>{formatNumber(item.recommendationCount)}</td>
                  <td>{item.focalPointCount > 0 ? formatNumber(item.focalPointCount) : t('calls.noFocalPoint')}</td>
                  <td>{item.asked ? t('calls.askedYes') : t('calls.askedNo')}</td>
                  <td>
                    {item.asked ? (
                      <button
                        type="button"
                        className="button-small button-secondary"
                        disabled={busy}
                        aria-label={t('calls.doNotAskNamed', { name: item.entity.name })}
                        onClick={() => run(() => api.delete<CallDetail>(`${base}/${item.entity.id}`))}
                      >
                        {t('calls.doNotAsk')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button-small"
                        disabled={busy}
                        aria-label={t('calls.askNamed', { name: item.entity.name })}
                        onClick={() => run(() => api.post<CallDetail>(base, { entityIds: [item.entity.id] }))}
                      >
                        {t('calls.ask')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </section>
  );
}
