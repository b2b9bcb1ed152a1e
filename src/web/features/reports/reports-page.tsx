import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import { type ReportSummary, reportStatuses } from '../../../shared/schemas/reports';
import { ErrorMessage } from '../../components/error-message';
import { FilterForm, SelectFilter } from '../../components/filter-form';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

const filterKeys = ['status'] as const;
const pageSize = 25;

/** Reports to the mechanisms, paged on the server; consulted stakeholders see those open to them. */
export default function ReportsPage() {
  const { t, formatNumber, formatDateTime } = useT();
  const session = useSession();
  const manager = session.can('reports:create');
  const { draft, setDraft, list, card, form } = useListPage<Page<ReportSummary>, (typeof filterKeys)[number]>(
    '/api/reports',
    { filters: filterKeys, pageSize },
  );

  return (
    <>
      <PageTitle
        actions={
          manager ? (
            <Link className="button-anchor" to="/reports/new">
              {t('reports.new')}
            </Link>
          ) : null
        }
      >
        {t('reports.title')}
      </PageTitle>
      <p>{manager ? t('reports.intro') : t('reports.introStakeholder')}</p>
      {manager ? (
        <FilterForm {...form}>
          <SelectFilter
            name="status"
            label={t('fields.status')}
            value={draft.status}
            onChange={(status) => setDraft({ ...draft, status })}
            options={reportStatuses.map((status) => ({ value: status, label: t(`reports.status.${status}`) }))}
          />
        </FilterForm>
      ) : null}
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('reports.count', { count })}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('reports.fields.title')}</th>
                <th scope="col">{t('reports.fields.type')}</th>
                <th scope="col">{t('reports.fields.body')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('reports.fields.wordLimit')}</th>
                <th scope="col">{t('reports.fields.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((report) => (
                <tr key={report.id}>
                  <td>
                    <Link to={manager ? `/reports/${report.id}` : `/reports/${report.id}/consultation`}>
                      {report.title}
                    </Link>
                  </td>
                  <td>{t(`reports.type.${report.type}`)}</td>
                  <td>{report.bodyCode}</td>
                  <td>
                    <span className={`badge badge-report-${report.status}`}>
                      {t(`reports.status.${report.status}`)}
                    </span>
                  </td>
                  <td>{formatNumber(report.wordLimit)}</td>
                  <td>{formatDateTime(report.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
