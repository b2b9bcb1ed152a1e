import { useState } from 'react';
import type { AuditEvent } from '../../../shared/schemas/audit';
import type { Page } from '../../../shared/schemas/common';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pager } from '../../components/pager';
import { recordTypeLabel } from '../../components/record-type';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

const pageSize = 10;

/** The signed-in user's own latest actions, newest first, dated in their language. */
export function RecentActivity() {
  const i18n = useT();
  const { t, formatDateTime } = i18n;
  const [page, setPage] = useState(1);
  const activity = useApi<Page<AuditEvent>>('/api/me/activity', { page, pageSize });

  return (
    <section className="card" aria-labelledby="activity-title" aria-busy={activity.loading}>
      <h2 id="activity-title">{t('activity.title')}</h2>
      <ErrorMessage error={activity.error} />
      {activity.loading && !activity.data ? <Loading /> : null}
      {activity.data && activity.data.items.length === 0 ? <p>{t('activity.empty')}</p> : null}
      {activity.data && activity.data.items.length > 0 ? (
        <>
          <ol className="activity-list">
            {activity.data.items.map((event) => (
              <li key={event.id}>
                <span className="activity-action">{t(`audit.actions.${event.action}`)}</span>
                <span className="activity-record">{recordTypeLabel(event.recordType, i18n)}</span>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              </li>
            ))}
          </ol>
          {activity.data.total > pageSize ? (
            <Pager
              page={activity.data.page}
              pageSize={activity.data.pageSize}
              total={activity.data.total}
              onPage={setPage}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
