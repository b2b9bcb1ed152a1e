import { Link } from 'react-router';
import { answerStatuses } from '../../../shared/schemas/call-values';
import type { CallDetail, TrackerPage, TrackerRow } from '../../../shared/schemas/calls';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { AnswerStatusBadge } from './call-labels';

const filterKeys = ['status'] as const;
const pageSize = 25;

/** Each entity asked and where it stands, late ones first; each one's answers a click away. */
export function CallTracker(props: { call: CallDetail }) {
  const { t, formatNumber, formatDateTime } = useT();
  const { filters, apply, list, card } = useListPage<TrackerPage, (typeof filterKeys)[number]>(
    `/api/calls/${props.call.id}/tracker`,
    { filters: filterKeys, pageSize },
  );
  const counts = list.data?.counts ?? props.call.answerCounts;

  return (
    <section aria-labelledby="tracker-title">
      <h2 id="tracker-title">{t('calls.tracker')}</h2>
      <ul className="stat-list">
        {answerStatuses.map((status) => (
          <li key={status} className="stat">
            <span className="stat-value">{formatNumber(counts[status])}</span> <AnswerStatusBadge status={status} />
          </li>
        ))}
      </ul>
      <ErrorMessage error={list.error} />
      <ListCard<TrackerRow>
        // The page carries the counts by status besides the rows; the list card reads the rows.
        {...card}
        count={(count) => t('calls.trackerCount', { count })}
        toolbar={
          <div className="filters-inline">
            <Field name="status" label={t('calls.answerStatusLabel')}>
              {(control) => (
                <select {...control} value={filters.status} onChange={(event) => apply({ status: event.target.value })}>
                  <option value="">{t('common.all')}</option>
                  {answerStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t(`calls.answerStatus.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        }
      >
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('calls.entity')}</th>
                <th scope="col">{t('calls.answerStatusLabel')}</th>
                <th scope="col">{t('calls.submitted')}</th>
                <th scope="col">{t('calls.lastSubmitted')}</th>
                <th scope="col">{t('calls.focalPoints')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.entity.id} className={row.status === 'late' ? 'row-attention' : undefined}>
                  <td>
                    <Link to={`/inbox/${props.call.id}/${row.entity.id}`}>{row.entity.name}</Link>
                  </td>
                  <td>
                    <AnswerStatusBadge status={row.status} />
                  </td>
                  <td>
                    {t('calls.submittedOf', {
                      submitted: formatNumber(row.submittedCount),
                      count: row.itemCount,
                    })}
                    {row.draftCount > 0 ? (
                      <span className="block subtle">{t('calls.draftsCount', { count: row.draftCount })}</span>
                    ) : null}
                  </td>
                  <td>
                    {row.lastSubmittedAt ? (
                      <time dateTime={row.lastSubmittedAt}>{formatDateTime(row.lastSubmittedAt)}</time>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td>{row.focalPointCount > 0 ? formatNumber(row.focalPointCount) : t('calls.noFocalPoint')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </section>
  );
}
