import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { ProgressDetail, ProgressOptions } from '../../../shared/schemas/progress';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { AttachmentsPanel } from '../files/attachments-panel';
import { useRecommendationName } from '../register/recommendation-name';
import { ProgressForm } from './progress-form';
import { Narrative, ProgressStatusBadge, usePeriod, useStepLabel } from './progress-labels';
import { RecommendationExcerpt } from './recommendation-excerpt';

/** One progress update: what it says, its evidence, its steps with their comments, and the next step. */
export default function ProgressPage() {
  const { t, formatDateTime } = useT();
  const { id = '' } = useParams();
  const update = useApi<ProgressDetail>(`/api/progress-updates/${id}`);
  const data = update.data;
  const subjectQuery = data
    ? data.subject.kind === 'recommendation'
      ? { recommendationId: data.subject.id }
      : { actionId: data.subject.id }
    : undefined;
  const options = useApi<ProgressOptions>(data?.can.edit ? '/api/progress-updates/options' : null, subjectQuery);
  const period = usePeriod();
  const nameOf = useRecommendationName();
  const stepLabel = useStepLabel();
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(step: 'submit' | 'approve' | 'return', event?: FormEvent) {
    event?.preventDefault();
    if (!data) return;
    setError(null);
    setDone(null);
    try {
      const next = await api.post<ProgressDetail>(`/api/progress-updates/${id}/${step}`, {
        version: data.version,
        ...(comment.trim() ? { comment } : {}),
      });
      update.setData(() => next);
      setComment('');
      setDone(t('progress.saved'));
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  if (!data) return update.loading ? <Loading /> : <ErrorMessage error={update.error} />;
  const subjectLink =
    data.subject.kind === 'recommendation' ? `/register/${data.subject.id}` : `/actions/${data.subject.id}`;
  return (
    <>
      <PageTitle>
        {t('progress.title', { subject: data.recommendation ? nameOf(data.recommendation) : data.subject.label })}
      </PageTitle>
      <p>
        {data.recommendation ? null : (
          <>
            <Link to={subjectLink}>{data.subject.label}</Link> ·{' '}
          </>
        )}
        {data.entity.name} · <ProgressStatusBadge status={data.status} />
      </p>
      {data.recommendation ? (
        <section className="card" aria-label={t('progress.bulk.aboutRecommendation')}>
          <RecommendationExcerpt recommendation={data.recommendation} heading="h2" />
        </section>
      ) : null}
      <ErrorMessage error={error} />
      <SuccessMessage>{done}</SuccessMessage>
      {editing && options.data ? (
        <ProgressForm
          initial={{
            narrative: data.narrativeHtml,
            proposedStatus: data.proposedStatus ?? '',
            periodStart: data.periodStart ?? '',
            periodEnd: data.periodEnd ?? '',
          }}
          statusOptions={options.data.statusOptions}
          submitLabel={t('progress.save')}
          onSave={async (values) => {
            const next = await api.put<ProgressDetail>(`/api/progress-updates/${id}`, {
              ...values,
              proposedStatus: values.proposedStatus || null,
              version: data.version,
            });
            update.setData(() => next);
            setEditing(false);
            setDone(t('progress.saved'));
          }}
        />
      ) : (
        <section className="card" aria-labelledby="progress-narrative">
          <h2 id="progress-narrative">{t('progress.narrative')}</h2>
          <dl className="facts">
            <dt>{t('progress.periodLabel')}</dt>
            <dd>{period(data.periodStart, data.periodEnd)}</dd>
            <dt>{t('progress.proposedStatus')}</dt>
            <dd>{data.proposedStatusLabel ?? t('progress.noStatus')}</dd>
          </dl>
          <Narrative html={data.narrativeHtml} />
          {data.can.edit ? (
            <div className="form-actions">
              <button type="button" onClick={() => setEditing(true)}>
                {t('progress.edit')}
              </button>
              <button type="button" onClick={() => act('submit')}>
                {data.entityHasValidator ? t('progress.submitToValidator') : t('progress.submitToCoordinator')}
              </button>
            </div>
          ) : null}
        </section>
      )}
      <AttachmentsPanel subject={{ kind: 'progress_update', id: data.id }} canEdit={data.can.edit} />
      {data.can.approve ? (
        <form className="card" onSubmit={(event) => act('approve', event)} aria-labelledby="progress-decide">
          <h2 id="progress-decide">{t('progress.decide')}</h2>
          <div className="field">
            <label htmlFor="progress-comment">{t('progress.comment')}</label>
            <p className="field-hint" id="progress-comment-hint">
              {t('progress.commentHint')}
            </p>
            <textarea
              id="progress-comment"
              aria-describedby="progress-comment-hint"
              value={comment}
              maxLength={5000}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit">
              {data.status === 'submitted' && data.entityHasValidator ? t('progress.endorse') : t('progress.validate')}
            </button>
            <button type="button" className="button-secondary" onClick={() => act('return')}>
              {t('progress.return')}
            </button>
          </div>
        </form>
      ) : null}
      <section className="card" aria-labelledby="progress-history">
        <h2 id="progress-history">{t('progress.history')}</h2>
        {data.events.length === 0 ? <p className="subtle">{t('progress.noHistory')}</p> : null}
        <ol className="timeline">
          {data.events.map((event, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows, in order.
            <li key={index}>
              <strong>{stepLabel(event.step)}</strong> · {event.actor ?? '—'} ·{' '}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              {event.comment ? <blockquote>{event.comment}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
