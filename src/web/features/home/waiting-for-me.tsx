import { Link } from 'react-router';
import type { InboxItem } from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import type { ProgressSummary } from '../../../shared/schemas/progress';
import type { ReportSummary } from '../../../shared/schemas/reports';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

const first = { page: 1, pageSize: 1 };

/**
 * What waits for the person, with a link to each: calls still to answer, updates returned for
 * correction, updates waiting for their step, reports open for consultation. Only the lists
 * their role reaches are asked for, one row each (the totals are what it shows).
 */
export function WaitingForMe() {
  const { t } = useT();
  const { can } = useSession();
  const inbox = useApi<Page<InboxItem>>(can('calls:inbox') ? '/api/inbox' : null, { ...first, open: 'true' });
  const returned = useApi<Page<ProgressSummary>>(can('calls:inbox') ? '/api/progress-updates' : null, {
    ...first,
    status: 'returned',
  });
  const toValidate = useApi<Page<ProgressSummary>>(can('progress:toValidate') ? '/api/progress-updates' : null, {
    ...first,
    toValidate: 'true',
  });
  const consultation = useApi<Page<ReportSummary>>(can('reports:list') ? '/api/reports' : null, {
    ...first,
    status: 'consultation',
  });
  const loading = [inbox, returned, toValidate, consultation].some((list) => list.loading);
  const items: { key: string; to: string; text: string }[] = [];
  const inboxTotal = inbox.data?.total ?? 0;
  if (inboxTotal > 0)
    items.push({ key: 'inbox', to: '/inbox?open=true', text: t('home.waiting.inbox', { count: inboxTotal }) });
  const returnedFirst = returned.data?.items[0];
  if (returnedFirst)
    items.push({
      key: 'returned',
      to: `/progress/${returnedFirst.id}`,
      text: t('home.waiting.returned', { count: returned.data?.total ?? 1 }),
    });
  const toValidateTotal = toValidate.data?.total ?? 0;
  if (toValidateTotal > 0)
    items.push({
      key: 'toValidate',
      to: '/progress/to-validate',
      text: t('home.waiting.toValidate', { count: toValidateTotal }),
    });
  const consultationFirst = consultation.data?.items[0];
  if (consultationFirst)
    items.push({
      key: 'consultation',
      to:
        (consultation.data?.total ?? 0) > 1
          ? '/reports?status=consultation'
          : `/reports/${consultationFirst.id}/consultation`,
      text: t('home.waiting.consultation', { count: consultation.data?.total ?? 1 }),
    });
  if (!can('calls:inbox') && !can('progress:toValidate') && !can('reports:list')) return null;
  return (
    <section className="card" aria-labelledby="waiting-title" aria-busy={loading}>
      <h2 id="waiting-title">{t('home.waiting.title')}</h2>
      {items.length > 0 ? (
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      ) : loading ? null : (
        <p>{t('home.waiting.none')}</p>
      )}
    </section>
  );
}
