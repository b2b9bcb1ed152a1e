import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { ActionDetail } from '../../../shared/schemas/actions';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { kindLabel } from '../entities/labels';
import { AttachmentsPanel } from '../files/attachments-panel';
import { useRecommendationName } from '../register/recommendation-name';
import { useFormatBudget, useFormatDay } from './labels';

/** The edit form with its schemas (zod), loaded on the first "Edit": reading an action needs neither. */
const ActionEditForm = lazy(() => import('./action-form').then((module) => ({ default: module.ActionEditForm })));

/** One action: what, who, when, how much, what it answers; its documents; its edit form. */
export default function ActionPage() {
  const { t, formatDateTime } = useT();
  const [confirmation, confirm] = useConfirm();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useApi<ActionDetail>(`/api/actions/${id}`);
  const formatBudget = useFormatBudget();
  const formatDay = useFormatDay();
  const nameOf = useRecommendationName();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);

  const action = detail.data;
  if (!action) {
    return (
      <>
        <PageTitle>{t('actions.titleLoading')}</PageTitle>
        <ErrorMessage error={detail.error} />
        {detail.loading ? <Loading /> : null}
      </>
    );
  }

  async function remove(current: ActionDetail) {
    if (
      !(await confirm({
        title: t('actions.deleteConfirm', { title: current.title }),
        confirmLabel: t('actions.delete'),
      }))
    )
      return;
    setDeleteError(null);
    try {
      await api.delete(`/api/actions/${current.id}?version=${current.version}`);
      navigate('/actions');
    } catch (error) {
      setDeleteError(toAppError(error));
    }
  }

  return (
    <>
      {confirmation}
      <PageTitle>{action.title}</PageTitle>
      <p>
        <Link to="/actions">{t('actions.back')}</Link>
      </p>
      <SuccessMessage>{notice}</SuccessMessage>
      <ErrorMessage error={deleteError} />
      {editing ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t('actions.edit')}</h2>
          <Suspense fallback={<Loading />}>
            <ActionEditForm
              action={action}
              onSaved={(saved) => {
                detail.setData(() => saved);
                setEditing(false);
                setNotice(t('actions.saved'));
              }}
            />
          </Suspense>
          <button type="button" className="button-secondary" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </section>
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card" aria-labelledby="about-action">
            <h2 id="about-action">{t('actions.about')}</h2>
            <p>
              <span className={`badge badge-action-${action.status}`}>{t(`actions.status.${action.status}`)}</span>{' '}
              {action.overdue ? <span className="badge badge-overdue">{t('actions.overdue')}</span> : null}
            </p>
            {action.description ? <p className="prose">{action.description}</p> : null}
            <dl className="facts">
              <dt>{t('actions.fields.responsible')}</dt>
              <dd>
                <Link to={`/entities/${action.responsibleEntity.id}`}>{action.responsibleEntity.name}</Link>
              </dd>
              <dt>{t('actions.fields.supporting')}</dt>
              <dd>
                {action.supportingEntities.length > 0 ? (
                  <ul className="tag-list">
                    {action.supportingEntities.map((entity) => (
                      <li key={entity.id}>
                        <Link to={`/entities/${entity.id}`}>{entity.name}</Link>{' '}
                        <span className="subtle">{kindLabel(entity.kind, t)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('actions.fields.startDate')}</dt>
              <dd>
                {action.startDate ? (
                  <time dateTime={action.startDate}>{formatDay(action.startDate)}</time>
                ) : (
                  t('common.none')
                )}
              </dd>
              <dt>{t('actions.fields.endDate')}</dt>
              <dd>
                {action.endDate ? <time dateTime={action.endDate}>{formatDay(action.endDate)}</time> : t('common.none')}
              </dd>
              <dt>{t('actions.fields.budget')}</dt>
              <dd>
                {action.budget ? (
                  <>
                    <span dir="ltr">{formatBudget(action.budget)}</span>
                    {action.budget.source ? <span className="block subtle">{action.budget.source}</span> : null}
                  </>
                ) : (
                  t('common.none')
                )}
              </dd>
            </dl>
            <p className="subtle">
              {t('actions.recordedBy', { name: action.createdBy ?? t('recommendation.bySystem') })}
              {' · '}
              {t('actions.updatedAt', { when: formatDateTime(action.updatedAt) })}
            </p>
            {action.canEdit || action.canDelete ? (
              <div className="form-actions">
                {action.canEdit && !editing ? (
                  <button type="button" onClick={() => setEditing(true)}>
                    {t('actions.edit')}
                  </button>
                ) : null}
                {action.canDelete ? (
                  <button type="button" className="button-danger" onClick={() => remove(action)}>
                    {t('actions.delete')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </section>
          <section className="card" aria-labelledby="action-recommendations">
            <h2 id="action-recommendations">{t('actions.fields.recommendations')}</h2>
            {action.recommendations.length > 0 ? (
              <ul className="link-list">
                {action.recommendations.map((item) => (
                  <li key={item.id}>
                    {item.readable ? (
                      <Link to={`/register/${item.id}`}>{nameOf(item)}</Link>
                    ) : (
                      <span>{nameOf(item)}</span>
                    )}
                    <p className="subtle clamp" lang={item.textLang}>
                      {item.text}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="subtle">{t('actions.noRecommendations')}</p>
            )}
            {action.otherRecommendationCount > 0 ? (
              <p className="subtle">{t('actions.otherRecommendations', { count: action.otherRecommendationCount })}</p>
            ) : null}
            <h3>{t('actions.fields.clusters')}</h3>
            {action.clusters.length > 0 ? (
              <ul>
                {action.clusters.map((cluster) => (
                  <li key={cluster.id}>
                    <Link to={`/register?cluster=${cluster.id}`}>
                      {t('calls.clusterOption', { name: cluster.name, count: cluster.size })}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="subtle">{t('actions.noClusters')}</p>
            )}
          </section>
          <AttachmentsPanel subject={{ kind: 'action', id: action.id }} canEdit={action.canEdit} />
        </div>
        <div className="detail-side">
          <section className="card" aria-labelledby="action-reminders">
            <h2 id="action-reminders">{t('actions.reminders')}</h2>
            <p className="field-hint">{t('actions.remindersHint')}</p>
            {action.reminders.length > 0 ? (
              <ul>
                {action.reminders.map((reminder) => (
                  <li key={`${reminder.kind}-${reminder.dueDate}`}>
                    {t(`actions.reminderKind.${reminder.kind}`)}
                    {' · '}
                    <time dateTime={reminder.dueAt}>{formatDateTime(reminder.dueAt)}</time>
                    {' · '}
                    <span className={`badge badge-reminder-${reminder.status}`}>
                      {t(`actions.reminderStatus.${reminder.status}`)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="subtle">{t('actions.noReminders')}</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
