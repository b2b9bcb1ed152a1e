import type { Page } from '../../../shared/schemas/common';
import type { PracticeRow } from '../../../shared/schemas/hub-practices';
import { ErrorMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { PracticeTable } from './practices-page';

/** The moderators' queue: submitted practices, oldest first; each opens to publish or return it. */
export default function PracticeQueuePage() {
  const { t, formatDateTime } = useT();
  const { list, card } = useListPage<Page<PracticeRow>>('/api/hub/practices/queue', { pageSize: 25 });
  return (
    <>
      <PageTitle>{t('hubPractices.app.queue')}</PageTitle>
      <p>{t('hubPractices.app.queueIntro')}</p>
      <ErrorMessage error={list.error} />
      <PracticeTable card={card} formatDateTime={formatDateTime} />
    </>
  );
}
