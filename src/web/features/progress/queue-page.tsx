import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { ProgressSummary } from '../../../shared/schemas/progress';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { ProgressStatusBadge, usePeriod } from './progress-labels';

const pageSize = 25;

/** "To validate": the updates waiting for the reader's decision (as validator or coordinator), oldest first. */
export default function QueuePage() {
  const { t, formatDateTime } = useT();
  const period = usePeriod();
  const { list, card } = useListPage<Page<ProgressSummary>>('/api/progress-updates', {
    pageSize,
    query: { toValidate: 'true' },
  });
  return (
    <>
      <PageTitle>{t('progress.queueTitle')}</PageTitle>
      <p>{t('progress.queueIntro')}</p>
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('progress.queueCount', { count })}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('progress.subject')}</th>
                <th scope="col">{t('progress.entity')}</th>
                <th scope="col">{t('progress.periodLabel')}</th>
                <th scope="col">{t('progress.statusLabel')}</th>
                <th scope="col">{t('progress.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/progress/${item.id}`}>{item.subject.label}</Link>
                  </td>
                  <td>{item.entity.name}</td>
                  <td>{period(item.periodStart, item.periodEnd)}</td>
                  <td>
                    <ProgressStatusBadge status={item.status} />
                  </td>
                  <td>
                    {item.submittedAt ? (
                      <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
                    ) : (
                      '—'
                    )}
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
