import { Link } from 'react-router';
import type { InboxItem } from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { AnswerStatusBadge, useFormatDay } from './call-labels';

const filterKeys = ['open'] as const;
const pageSize = 25;

/** "My calls": the calls for input sent to the entities the person serves, those to answer first. */
export default function InboxPage() {
  const { t, formatNumber } = useT();
  const formatDay = useFormatDay();
  const { filters, apply, list, card } = useListPage<Page<InboxItem>, (typeof filterKeys)[number]>('/api/inbox', {
    filters: filterKeys,
    pageSize,
  });

  return (
    <>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <p>{t('inbox.intro')}</p>
      <ErrorMessage error={list.error} />
      <ListCard
        {...card}
        count={(count) => t('inbox.count', { count })}
        toolbar={
          <div className="filters-inline">
            <label>
              <input
                type="checkbox"
                name="open"
                checked={filters.open === 'true'}
                onChange={(event) => apply({ open: event.target.checked ? 'true' : '' })}
              />{' '}
              {t('inbox.onlyOpen')}
            </label>
          </div>
        }
      >
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('calls.titleOne')}</th>
                <th scope="col">{t('calls.entity')}</th>
                <th scope="col">{t('calls.fields.deadline')}</th>
                <th scope="col">{t('calls.answerStatusLabel')}</th>
                <th scope="col">{t('calls.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr
                  key={`${item.call.id}-${item.entity.id}`}
                  className={item.status === 'late' ? 'row-attention' : undefined}
                >
                  <td>
                    <Link to={`/inbox/${item.call.id}/${item.entity.id}`}>{item.call.title}</Link>
                  </td>
                  <td>{item.entity.name}</td>
                  <td>
                    <time dateTime={item.call.deadline}>{formatDay(item.call.deadline)}</time>
                  </td>
                  <td>
                    <AnswerStatusBadge status={item.status} />
                  </td>
                  <td>
                    {t('calls.submittedOf', { submitted: formatNumber(item.submittedCount), count: item.itemCount })}
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
