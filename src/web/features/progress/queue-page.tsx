import { useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ProgressSummary } from '../../../shared/schemas/progress';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { SelectionBar, SelectPage, useSelection } from '../../components/selection-bar';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { BulkDecision, type BulkOutcome, BulkResults } from './bulk-decision';
import { ProgressStatusBadge, usePeriod } from './progress-labels';
import { RecommendationExcerpt } from './recommendation-excerpt';

const pageSize = 25;

/** The page's updates under what they are about, each recommendation (or action) once, in order of first appearance. */
function groupBySubject(items: ProgressSummary[]) {
  const groups = new Map<string, ProgressSummary[]>();
  for (const item of items) {
    const key = item.recommendation?.id ?? item.subject.id;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/**
 * "To validate": the updates waiting for the reader's decision (as validator or coordinator),
 * oldest first, under the recommendation each is about (its number and the first lines of its
 * text). Updates ticked here, on any page, are validated (or endorsed) or returned together,
 * with a result per update.
 */
export default function QueuePage() {
  const { t, formatDateTime } = useT();
  const period = usePeriod();
  const { list, card } = useListPage<Page<ProgressSummary>>('/api/progress-updates', {
    pageSize,
    query: { toValidate: 'true' },
  });
  const { selected, setSelected, toggle, clear } = useSelection<ProgressSummary>();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const pageItems = list.data?.items ?? [];

  return (
    <>
      <PageTitle>{t('progress.queueTitle')}</PageTitle>
      <p>{t('progress.queueIntro')}</p>
      <SelectionBar count={selected.size} label={t('progress.bulk.barLabel')} onClear={clear}>
        <BulkDecision
          selected={[...selected.values()]}
          onError={setError}
          onDone={(done) => {
            setOutcome(done);
            // What failed stays ticked, to try again or look at; the queue is read afresh.
            setSelected(new Map([...selected].filter(([id]) => done.result.results.some((r) => r.id === id && !r.ok))));
            list.reload();
          }}
        />
      </SelectionBar>
      <ErrorMessage error={list.error ?? error} />
      {outcome ? (
        <BulkResults
          key={`${outcome.step}:${outcome.result.results.map((r) => r.id).join()}:${outcome.result.succeeded}`}
          outcome={outcome}
          onDismiss={() => setOutcome(null)}
        />
      ) : null}
      <ListCard
        {...card}
        count={(count) => t('progress.queueCount', { count })}
        toolbar={
          <SelectPage
            ids={pageItems.map((item) => item.id)}
            selected={selected}
            label={t('progress.bulk.selectPage')}
            onChange={(on) => toggle(pageItems, on)}
          />
        }
      >
        {(data) => (
          <ul className="queue-group">
            {groupBySubject(data.items).map((group) => {
              const first = group[0] as ProgressSummary;
              return (
                <li key={first.recommendation?.id ?? first.subject.id}>
                  {first.recommendation ? (
                    <RecommendationExcerpt recommendation={first.recommendation} />
                  ) : (
                    <h3>
                      <Link to={`/actions/${first.subject.id}`}>{first.subject.label}</Link>
                    </h3>
                  )}
                  <ul className="queue-updates" aria-label={t('progress.bulk.updatesOn', { count: group.length })}>
                    {group.map((item) => (
                      <li key={item.id}>
                        <label>
                          <input
                            type="checkbox"
                            checked={selected.has(item.id)}
                            onChange={(event) => toggle([item], event.target.checked)}
                          />
                          <span>{item.entity.name}</span>
                        </label>
                        {item.periodStart && item.periodEnd ? (
                          <span>{period(item.periodStart, item.periodEnd)}</span>
                        ) : item.callId ? (
                          <span className="subtle">{t('progress.bulk.callAnswer')}</span>
                        ) : null}
                        <ProgressStatusBadge status={item.status} />
                        {item.proposedStatusLabel ? (
                          <span>{t('progress.bulk.proposes', { status: item.proposedStatusLabel })}</span>
                        ) : null}
                        {item.submittedAt ? (
                          <time className="subtle" dateTime={item.submittedAt}>
                            {formatDateTime(item.submittedAt)}
                          </time>
                        ) : null}
                        <Link to={`/progress/${item.id}`}>
                          {t('progress.bulk.open')}
                          <span className="visually-hidden">
                            {' '}
                            {t('progress.bulk.openNamed', { entity: item.entity.name })}
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </ListCard>
    </>
  );
}
