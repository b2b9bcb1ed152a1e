import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type AnswerItem,
  type AnswerPage as AnswerPageData,
  type SaveAnswersResult,
  saveAnswersSchema,
} from '../../../shared/schemas/calls';
import { api } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { useRecommendationName } from '../register/recommendation-name';
import { AnswerEvidence } from './answer-evidence';
import { AnswerStatusBadge, useFormatDay } from './call-labels';

const pageSize = 20;

type Edits = Record<string, { narrative: string; proposedStatus: string }>;

const editable = (item: AnswerItem) => !item.update || ['draft', 'returned'].includes(item.update.status);

/**
 * An entity's answer to a call: per recommendation assigned to it, what has been done and the
 * status it proposes. Saved as a draft as often as needed, then submitted (and then no longer
 * changed here). The secretariat and the entity's validator read it.
 */
export default function AnswerPage() {
  const { t, formatDateTime, formatNumber } = useT();
  const formatDay = useFormatDay();
  const nameOf = useRecommendationName();
  const { can } = useSession();
  const { callId = '', entityId = '' } = useParams();
  const [page, setPage] = useState(1);
  const answers = useApi<AnswerPageData>(`/api/calls/${callId}/entities/${entityId}/answers`, { page, pageSize });
  const [edits, setEdits] = useState<Edits>({});
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmation, confirm] = useConfirm();
  const form = useSubmit(saveAnswersSchema, (input) =>
    api.put<SaveAnswersResult>(`/api/calls/${callId}/entities/${entityId}/answers`, input),
  );
  const data = answers.data;

  // What the entity saved so far is where editing starts, on each page.
  useEffect(() => {
    if (!data) return;
    setEdits(
      Object.fromEntries(
        data.items.map((item) => [
          item.recommendation.id,
          { narrative: item.update?.narrative ?? '', proposedStatus: item.update?.proposedStatus ?? '' },
        ]),
      ),
    );
  }, [data]);

  if (!data) {
    return (
      <>
        <PageTitle>{t('answer.title')}</PageTitle>
        <ErrorMessage error={answers.error} />
        {answers.loading ? <Loading /> : null}
      </>
    );
  }

  const open = data.canAnswer ? data.items.filter(editable) : [];
  const manager = can('calls:track');

  /** Saves (as drafts) or submits the open answers; `alsoIds` are saved even when still empty (a file is being attached). */
  async function save(submit: boolean, event?: FormEvent, alsoIds: string[] = []) {
    setNotice(null);
    const items = open
      .filter((item) => {
        const edit = edits[item.recommendation.id];
        return (
          submit ||
          item.update ||
          edit?.narrative.trim() ||
          edit?.proposedStatus ||
          alsoIds.includes(item.recommendation.id)
        );
      })
      .map((item) => ({
        recommendationId: item.recommendation.id,
        narrative: edits[item.recommendation.id]?.narrative ?? '',
        proposedStatus: edits[item.recommendation.id]?.proposedStatus ?? '',
        version: item.update?.version ?? null,
      }));
    if (items.length === 0) {
      event?.preventDefault();
      return;
    }
    setSentIds(items.map((item) => item.recommendationId));
    const result = await form.submit({ items, submit }, event);
    if (!result) return;
    setNotice(submit ? t('answer.submitted', { count: result.saved.length }) : t('answer.draftSaved'));
    // The new versions at once, so that the next save starts from them; then the counts afresh.
    const saved = new Map(result.saved.map((entry) => [entry.recommendationId, entry.update]));
    answers.setData((current) =>
      current
        ? {
            ...current,
            status: result.status,
            items: current.items.map((item) => ({ ...item, update: saved.get(item.recommendation.id) ?? item.update })),
          }
        : current,
    );
    answers.reload();
    return result;
  }

  /** Submitting is final here: the person confirms, told how many answers and that they then go to validation. */
  async function confirmSubmit(event: FormEvent) {
    event.preventDefault();
    const ok = await confirm({
      title: t('answer.confirm.title', { count: open.length }),
      body: <p>{t('answer.confirm.body')}</p>,
      confirmLabel: t('answer.submit', { count: open.length }),
    });
    if (ok) await save(true);
  }

  /** The answer's saved id, for its files: saved as a draft first when it never was. */
  async function ensureSaved(item: AnswerItem): Promise<string | null> {
    if (item.update) return item.update.id;
    const result = await save(false, undefined, [item.recommendation.id]);
    return result?.saved.find((entry) => entry.recommendationId === item.recommendation.id)?.update.id ?? null;
  }

  function setEvidence(recommendationId: string, evidence: AnswerItem['evidence']) {
    answers.setData((current) =>
      current
        ? {
            ...current,
            items: current.items.map((item) =>
              item.recommendation.id === recommendationId ? { ...item, evidence } : item,
            ),
          }
        : current,
    );
  }

  const errorFor = (id: string, field: 'narrative' | 'proposedStatus') => {
    const index = sentIds.indexOf(id);
    return index < 0 ? undefined : (form.fieldErrors[`items.${index}.${field}`] ?? form.fieldErrors[`items.${index}`]);
  };
  const statusLabel = (code: string | null) =>
    code ? (data.statusOptions.find((option) => option.code === code)?.label ?? code) : t('common.none');

  return (
    <>
      <PageTitle>{data.call.title}</PageTitle>
      <p>
        {manager ? (
          <Link to={`/calls/${data.call.id}`}>{t('answer.backToCall')}</Link>
        ) : (
          <Link to="/inbox">{t('answer.backToInbox')}</Link>
        )}
      </p>
      <section className="card" aria-labelledby="answer-facts">
        <h2 id="answer-facts">{t('answer.about', { entity: data.entity.name })}</h2>
        <dl className="facts">
          <dt>{t('calls.fields.deadline')}</dt>
          <dd>
            <time dateTime={data.call.deadline}>{formatDay(data.call.deadline)}</time>
          </dd>
          <dt>{t('calls.answerStatusLabel')}</dt>
          <dd>
            <AnswerStatusBadge status={data.status} />
          </dd>
          <dt>{t('calls.submitted')}</dt>
          <dd>{t('calls.submittedOf', { submitted: formatNumber(data.submittedCount), count: data.itemCount })}</dd>
        </dl>
        <h3>{t('calls.fields.message')}</h3>
        <p className="prose">{data.call.message}</p>
        {data.canAnswer ? <p className="subtle">{t('answer.howTo')}</p> : null}
      </section>
      {confirmation}
      <form onSubmit={confirmSubmit} noValidate aria-busy={form.busy}>
        <ErrorMessage error={form.error} />
        <SuccessMessage>{notice}</SuccessMessage>
        {data.items.length === 0 ? <p>{t('answer.nothing')}</p> : null}
        {data.items.map((item) => {
          const id = item.recommendation.id;
          const edit = edits[id] ?? { narrative: '', proposedStatus: '' };
          const canEdit = data.canAnswer && editable(item);
          const headingId = `rec-${id}`;
          return (
            <section key={id} className="card answer-item" aria-labelledby={headingId}>
              <h2 id={headingId} className="recommendation-heading">
                {nameOf(item.recommendation)}{' '}
                {item.update ? (
                  <span className={`badge badge-update-${item.update.status}`}>
                    {t(`answer.updateStatus.${item.update.status}`)}
                  </span>
                ) : null}
              </h2>
              <p className="recommendation-text" lang={item.recommendation.textLang}>
                {item.recommendation.text}
              </p>
              <p className="subtle">{t('answer.currentStatus', { status: statusLabel(item.recommendation.status) })}</p>
              {canEdit ? (
                <div className="form-grid">
                  {data.call.askNarrative ? (
                    <Field
                      name={`narrative-${id}`}
                      label={t('answer.narrative')}
                      hint={t('answer.narrativeHint')}
                      error={errorFor(id, 'narrative')}
                      className="field-wide"
                    >
                      {(control) => (
                        <textarea
                          {...control}
                          rows={5}
                          value={edit.narrative}
                          onChange={(event) => setEdits({ ...edits, [id]: { ...edit, narrative: event.target.value } })}
                        />
                      )}
                    </Field>
                  ) : null}
                  {data.call.askStatus ? (
                    <Field
                      name={`status-${id}`}
                      label={t('answer.proposedStatus')}
                      error={errorFor(id, 'proposedStatus')}
                    >
                      {(control) => (
                        <select
                          {...control}
                          value={edit.proposedStatus}
                          onChange={(event) =>
                            setEdits({ ...edits, [id]: { ...edit, proposedStatus: event.target.value } })
                          }
                        >
                          <option value="">{t('answer.chooseStatus')}</option>
                          {data.statusOptions.map((option) => (
                            <option key={option.code} value={option.code}>
                              {option.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  ) : null}
                </div>
              ) : item.update ? (
                <dl className="facts">
                  {data.call.askNarrative ? (
                    <>
                      <dt>{t('answer.narrative')}</dt>
                      <dd className="prose">{item.update.narrative || t('common.none')}</dd>
                    </>
                  ) : null}
                  {data.call.askStatus ? (
                    <>
                      <dt>{t('answer.proposedStatus')}</dt>
                      <dd>{statusLabel(item.update.proposedStatus)}</dd>
                    </>
                  ) : null}
                  {item.update.submittedAt ? (
                    <>
                      <dt>{t('answer.submittedBy')}</dt>
                      <dd>
                        {t('answer.submittedOn', {
                          name: item.update.submittedBy ?? t('common.none'),
                          date: formatDateTime(item.update.submittedAt),
                        })}
                      </dd>
                    </>
                  ) : null}
                </dl>
              ) : (
                <p className="subtle">{t('answer.notAnswered')}</p>
              )}
              <AnswerEvidence
                item={item}
                canEdit={canEdit}
                limits={data.evidenceLimits}
                headingId={headingId}
                ensureSaved={() => ensureSaved(item)}
                onChange={(evidence) => setEvidence(id, evidence)}
              />
              {item.update && !canEdit ? (
                <p>
                  <Link to={`/progress/${item.update.id}`}>{t('answer.openUpdate')}</Link>
                </p>
              ) : null}
            </section>
          );
        })}
        {open.length > 0 ? (
          <div className="form-actions">
            <button
              type="button"
              className="button-secondary"
              disabled={form.busy || answers.loading}
              onClick={() => save(false)}
            >
              {t('answer.saveDraft')}
            </button>
            <button type="submit" disabled={form.busy || answers.loading}>
              {t('answer.submit', { count: open.length })}
            </button>
          </div>
        ) : null}
      </form>
      {data.total > data.pageSize ? (
        <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
      ) : null}
    </>
  );
}
