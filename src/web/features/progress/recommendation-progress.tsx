import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { ProgressOptions, ProgressSummary } from '../../../shared/schemas/progress';
import { ErrorMessage } from '../../components/error-message';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { ProgressStatusBadge, usePeriod } from './progress-labels';

const pageSize = 10;

/**
 * The "Progress" section of a recommendation or action page: the updates the reader may see
 * (validated ones for everyone in scope; those under way for their entity and the secretariat),
 * latest period first, paged on the server, and a link to write one.
 */
export function ProgressSection(props: { subject: { kind: 'recommendation' | 'action'; id: string } }) {
  const { t } = useT();
  const period = usePeriod();
  const [page, setPage] = useState(1);
  const key = props.subject.kind === 'recommendation' ? 'recommendationId' : 'actionId';
  const list = useApi<Page<ProgressSummary>>('/api/progress-updates', { [key]: props.subject.id, page, pageSize });
  // The entities the reader may write for on this subject: the server's own rule (canProgress
  // 'write' over their seats), so the link is offered only to those the form would accept.
  const options = useApi<ProgressOptions>('/api/progress-updates/options', { [key]: props.subject.id });
  const mayWrite = (options.data?.entities.length ?? 0) > 0;
  return (
    <section className="card" aria-labelledby="progress-section-title">
      <h2 id="progress-section-title">{t('progress.section')}</h2>
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 ? <p className="subtle">{t('progress.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="plain-list">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <Link to={`/progress/${item.id}`}>{period(item.periodStart, item.periodEnd)}</Link> · {item.entity.name} ·{' '}
              <ProgressStatusBadge status={item.status} />
              {item.proposedStatusLabel ? ` · ${item.proposedStatusLabel}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {list.data && list.data.total > pageSize ? (
        <Pager page={page} pageSize={pageSize} total={list.data.total} onPage={setPage} />
      ) : null}
      {mayWrite ? (
        <p>
          <Link to={`/progress/new?${key}=${props.subject.id}`}>{t('progress.add')}</Link>
        </p>
      ) : null}
    </section>
  );
}
