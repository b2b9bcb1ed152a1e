import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { PracticeRow } from '../../../shared/schemas/hub-practices';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { PracticeStatusBadge } from './practice-labels';

/** "Our practices": the practices of the members the person acts for, newest change first. */
export default function PracticesPage() {
  const { t, locale, formatDateTime } = useT();
  const { list, card } = useListPage<Page<PracticeRow>>('/api/hub/practices/mine', { pageSize: 25 });
  return (
    <>
      <PageTitle
        actions={
          <Link className="button" to="/hub-practices/new">
            {t('hubPractices.app.new')}
          </Link>
        }
      >
        {t('hubPractices.app.mine')}
      </PageTitle>
      <p>
        {t('hubPractices.app.mineIntro')} <a href={`/hub/${locale}/practices`}>{t('hubPractices.app.publicLink')}</a>
      </p>
      <ErrorMessage error={list.error} />
      <PracticeTable card={card} formatDateTime={formatDateTime} />
    </>
  );
}

export function PracticeTable(props: {
  card: ReturnType<typeof useListPage<Page<PracticeRow>>>['card'];
  formatDateTime: (value: string) => string;
}) {
  const { t } = useT();
  return (
    <ListCard {...props.card} count={(count) => t('hubPractices.app.count', { count })}>
      {(data, labelId) => (
        <table aria-labelledby={labelId}>
          <thead>
            <tr>
              <th scope="col">{t('hubPractices.app.title')}</th>
              <th scope="col">{t('hubPractices.public.member')}</th>
              <th scope="col">{t('hubPractices.app.status')}</th>
              <th scope="col">{t('hubPractices.app.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((row) => (
              <tr key={row.id}>
                <td lang={row.locale} dir="auto">
                  <Link to={`/hub-practices/${row.id}`}>{row.title}</Link>
                </td>
                <td>
                  {row.memberName} ({row.countryCode})
                </td>
                <td>
                  <PracticeStatusBadge status={row.status} publishedVersion={row.publishedVersion} />
                </td>
                <td>{props.formatDateTime(row.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListCard>
  );
}
