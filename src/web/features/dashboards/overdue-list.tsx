import { useId } from 'react';
import { Link } from 'react-router';
import type { OverduePage } from '../../../shared/schemas/dashboards';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { type DashboardFilterValues, filterQuery } from './filters';

const pageSize = 20;

/**
 * Assignments past their due date on recommendations not yet in a final status, and actions past
 * their end date still to be done; the server pages.
 */
export function OverdueList(props: { filters: DashboardFilterValues; page: number; onPage: (page: number) => void }) {
  const { t, formatNumber, formatDate } = useT();
  const titleId = useId();
  const overdue = useApi<OverduePage>('/api/dashboards/overdue', {
    ...filterQuery(props.filters),
    page: props.page,
    pageSize,
  });
  const data = overdue.data;

  return (
    <section className="card" aria-labelledby={titleId} aria-busy={overdue.loading}>
      <h2 id={titleId}>{t('dashboards.overdueTitle')}</h2>
      <p className="field-hint">{t('dashboards.overdueIntro')}</p>
      <ErrorMessage error={overdue.error} />
      {overdue.loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{t('dashboards.overdueNone')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="table-scroll">
            <table aria-labelledby={titleId}>
              <thead>
                <tr>
                  <th scope="col">{t('dashboards.overdue.recommendation')}</th>
                  <th scope="col">{t('dashboards.overdue.entity')}</th>
                  <th scope="col">{t('dashboards.overdue.status')}</th>
                  <th scope="col">{t('dashboards.overdue.due')}</th>
                  <th scope="col">{t('dashboards.overdue.days')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={`${item.kind}-${item.id}`}>
                    {item.kind === 'action' ? (
                      <th scope="row">
                        <span className="badge">{t('dashboards.overdue.action')}</span>{' '}
                        <Link to={`/actions/${item.id}`}>{item.title}</Link>
                      </th>
                    ) : (
                      <th scope="row">
                        <Link to={`/register/${item.recommendationId}`}>
                          {[item.reviewSymbol ?? item.bodyCode, item.number].filter(Boolean).join(' · ')}
                        </Link>
                        <span className="block subtle" lang={item.textLang}>
                          {item.text}
                        </span>
                      </th>
                    )}
                    <td>
                      {item.entityName}{' '}
                      {item.kind === 'action' ? (
                        <span className="badge">{t('actions.entityRole.responsible')}</span>
                      ) : (
                        <>
                          <span className="badge">{t(`assignments.role.${item.role}`)}</span>
                          {item.delegated ? <span className="badge">{t('dashboards.overdue.delegated')}</span> : null}
                        </>
                      )}
                    </td>
                    <td>{item.statusLabel}</td>
                    <td>{formatDate(`${item.dueDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                    <td className="numeric">{formatNumber(item.daysOverdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.total > pageSize ? (
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={props.onPage} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
