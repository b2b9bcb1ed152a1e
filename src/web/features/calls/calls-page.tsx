import { Link } from 'react-router';
import { callStatuses } from '../../../shared/schemas/call-values';
import type { CallSummary } from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import { ErrorMessage } from '../../components/error-message';
import { FilterForm, SelectFilter, TextFilter } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useFormatDay } from './call-labels';

const filterKeys = ['q', 'status'] as const;
const pageSize = 25;

/** The secretariat's calls for input: drafts and sent ones, with who answered and who is late. */
export default function CallsPage() {
  const { t, formatNumber } = useT();
  const formatDay = useFormatDay();
  const { draft, setDraft, list, card, form } = useListPage<Page<CallSummary>, (typeof filterKeys)[number]>(
    '/api/calls',
    { filters: filterKeys, pageSize },
  );

  return (
    <>
      <PageTitle
        actions={
          <Link className="button-anchor" to="/calls/new">
            {t('calls.new')}
          </Link>
        }
      >
        {t('calls.title')}
      </PageTitle>
      <p>{t('calls.intro')}</p>
      <FilterForm {...form}>
        <TextFilter name="q" label={t('calls.search')} value={draft.q} onChange={(q) => setDraft({ ...draft, q })} />
        <SelectFilter
          name="status"
          label={t('fields.status')}
          value={draft.status}
          onChange={(status) => setDraft({ ...draft, status })}
          options={callStatuses.map((status) => ({ value: status, label: t(`calls.status.${status}`) }))}
        />
      </FilterForm>
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('calls.count', { count })}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('calls.fields.title')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('calls.fields.deadline')}</th>
                <th scope="col">{t('calls.recommendations')}</th>
                <th scope="col">{t('calls.entities')}</th>
                <th scope="col">{t('calls.answered')}</th>
                <th scope="col">{t('calls.lateCount')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((call) => (
                <tr key={call.id} className={call.lateCount > 0 ? 'row-attention' : undefined}>
                  <td>
                    <Link to={`/calls/${call.id}`}>{call.title}</Link>
                  </td>
                  <td>
                    <span className={`badge badge-call-${call.status}`}>{t(`calls.status.${call.status}`)}</span>
                  </td>
                  <td>
                    <time dateTime={call.deadline}>{formatDay(call.deadline)}</time>
                  </td>
                  <td>{formatNumber(call.recommendationCount)}</td>
                  <td>{formatNumber(call.entityCount)}</td>
                  <td>{call.status === 'sent' ? formatNumber(call.answeredCount) : t('common.none')}</td>
                  <td>{call.status === 'sent' ? formatNumber(call.lateCount) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
