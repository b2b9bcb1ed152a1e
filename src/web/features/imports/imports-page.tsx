import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { ImportSummary } from '../../../shared/schemas/imports';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { formatBytes, formatLabel } from './import-labels';

const countKeys = [
  ['created', 'imports.summary.created'],
  ['updated', 'imports.summary.updated'],
  ['unchanged', 'imports.summary.unchanged'],
  ['skipped', 'imports.summary.skipped'],
  ['create', 'imports.action.create'],
  ['update', 'imports.action.update'],
  ['skip', 'imports.action.skip'],
] as const;

/** Past imports: the file as uploaded, what it did, who and when. */
export default function ImportsPage() {
  const i18n = useT();
  const { t, formatDateTime, formatNumber } = i18n;
  const { list, card } = useListPage<Page<ImportSummary>>('/api/imports', { pageSize: 25 });

  return (
    <>
      <PageTitle
        actions={
          <Link className="button-anchor" to="/imports/new">
            {t('imports.new')}
          </Link>
        }
      >
        {t('imports.historyTitle')}
      </PageTitle>
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('imports.count', { count })}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('imports.fileName')}</th>
                <th scope="col">{t('imports.format')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('imports.result')}</th>
                <th scope="col">{t('imports.by')}</th>
                <th scope="col">{t('imports.when')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => {
                const summary = (item.summary ?? {}) as Record<string, unknown>;
                const counts = countKeys
                  .filter(([key]) => typeof summary[key] === 'number')
                  .map(([key, label]) => `${t(label)}: ${formatNumber(summary[key] as number)}`);
                return (
                  <tr key={item.id}>
                    <td>
                      <a href={`/api/imports/${item.id}/original`} download>
                        {item.fileName}
                      </a>
                      <span className="block subtle">{formatBytes(item.sizeBytes, formatNumber)}</span>
                    </td>
                    <td>{formatLabel(item.format, i18n)}</td>
                    <td>
                      <span className={`badge badge-import-${item.status}`}>{t(`imports.status.${item.status}`)}</span>
                    </td>
                    <td>{counts.join(' · ')}</td>
                    <td>{item.createdBy ?? t('imports.bySystem')}</td>
                    <td>
                      <time dateTime={item.appliedAt ?? item.createdAt}>
                        {formatDateTime(item.appliedAt ?? item.createdAt)}
                      </time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
