import { Link } from 'react-router';
import type { ActionSummary } from '../../../shared/schemas/actions';
import type { Page } from '../../../shared/schemas/common';
import { ErrorMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { useFormatDay } from './labels';

const shown = 10;

/** The actions that answer a recommendation, on its page, with a link to record another. */
export function RecommendationActions(props: { recommendationId: string }) {
  const { t } = useT();
  const { can } = useSession();
  const formatDay = useFormatDay();
  const list = useApi<Page<ActionSummary>>('/api/actions', {
    recommendationId: props.recommendationId,
    pageSize: shown,
  });
  const canCreate = can('actions:create');
  const data = list.data;

  return (
    <section className="card" aria-labelledby="recommendation-actions-title">
      <h2 id="recommendation-actions-title">{t('actions.title')}</h2>
      <ErrorMessage error={list.error} />
      {data && data.items.length > 0 ? (
        <ul className="link-list">
          {data.items.map((action) => (
            <li key={action.id}>
              <Link to={`/actions/${action.id}`}>{action.title}</Link>{' '}
              <span className={`badge badge-action-${action.status}`}>{t(`actions.status.${action.status}`)}</span>
              {action.overdue ? <span className="badge badge-overdue">{t('actions.overdue')}</span> : null}
              <p className="subtle">
                {action.responsibleEntity.name}
                {action.endDate ? ` · ${t('actions.dueOn', { date: formatDay(action.endDate) })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : data ? (
        <p className="subtle">{t('actions.noneForRecommendation')}</p>
      ) : null}
      {data && data.total > shown ? (
        <p>
          <Link to={`/actions?recommendationId=${props.recommendationId}`}>
            {t('actions.seeAll', { count: data.total })}
          </Link>
        </p>
      ) : null}
      {canCreate ? (
        <p>
          <Link className="button-anchor" to={`/actions/new?recommendation=${props.recommendationId}`}>
            {t('actions.newForRecommendation')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
