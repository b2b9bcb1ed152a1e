import { useState } from 'react';
import { Link } from 'react-router';
import type { MyAssignment } from '../../../shared/schemas/assignments';
import type { Page } from '../../../shared/schemas/common';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { statusLabelOf, useStatusTerms } from '../register/labels';

const pageSize = 10;

/**
 * The home of a ministry's or an LRG's focal point: what is assigned or delegated to the
 * entities they serve, soonest due first, overdue ones marked (and listable on their own).
 */
export function MyWork() {
  const { t, formatDate, locale } = useT();
  const [page, setPage] = useState(1);
  const [overdue, setOverdue] = useState(false);
  const work = useApi<Page<MyAssignment>>('/api/assignments/mine', {
    page,
    pageSize,
    overdue: overdue ? 'true' : undefined,
  });
  const statuses = useStatusTerms();

  return (
    <section className="card" aria-labelledby="my-work-title" aria-busy={work.loading}>
      <h2 id="my-work-title">{t('myWork.title')}</h2>
      <label>
        <input
          type="checkbox"
          checked={overdue}
          onChange={(event) => {
            setOverdue(event.target.checked);
            setPage(1);
          }}
        />{' '}
        {t('myWork.overdueOnly')}
      </label>
      <ErrorMessage error={work.error} />
      {work.loading && !work.data ? <Loading /> : null}
      {work.data && work.data.items.length === 0 ? <p>{t(overdue ? 'myWork.noneOverdue' : 'myWork.none')}</p> : null}
      {work.data && work.data.items.length > 0 ? (
        <>
          <ul className="my-work">
            {work.data.items.map((item) => (
              <li key={item.id}>
                <p>
                  <Link to={`/register/${item.recommendation.id}`}>
                    {item.recommendation.number
                      ? t('register.resultTitle', {
                          number: item.recommendation.number,
                          symbol: item.recommendation.symbol ?? item.recommendation.bodyCode,
                        })
                      : (item.recommendation.symbol ?? item.recommendation.bodyCode)}
                  </Link>{' '}
                  <span className="badge">{t(`assignments.role.${item.role}`)}</span>{' '}
                  <span className={`badge badge-status-${item.recommendation.status}`}>
                    {statusLabelOf(statuses, item.recommendation.status, locale)}
                  </span>
                </p>
                <p className="subtle clamp">{item.recommendation.text}</p>
                <p className="subtle">
                  {item.entity.name}
                  {item.delegatedBy ? ` · ${t('myWork.delegatedBy', { name: item.delegatedBy })}` : ''}
                  {item.dueDate ? ` · ${t('assignments.dueOn', { date: formatDate(item.dueDate) })}` : ''}
                  {item.overdue ? (
                    <>
                      {' '}
                      <span className="badge badge-overdue">{t('myWork.overdue')}</span>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          {work.data.total > pageSize ? (
            <Pager page={work.data.page} pageSize={work.data.pageSize} total={work.data.total} onPage={setPage} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
