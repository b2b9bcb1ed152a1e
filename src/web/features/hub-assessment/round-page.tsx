import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { Answer, QuestionnaireView, Round } from '../../../shared/schemas/hub-assessment';
import { answerSchema } from '../../../shared/schemas/hub-assessment';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import './hub-assessment.css';

type Draft = Record<string, { level: number | null; comment: string; evidenceUrl: string }>;

function draftOf(round: Round): Draft {
  return Object.fromEntries(
    round.answers.map((answer) => [
      answer.questionId,
      { level: answer.level, comment: answer.comment ?? '', evidenceUrl: answer.evidenceUrl ?? '' },
    ]),
  );
}

/**
 * One round of the self-assessment, one characteristic per step: the question, what an
 * established and reviewed mechanism has, the five levels, a comment and a link to evidence.
 * Each step is saved when leaving it; the last step reviews and submits.
 */
export default function RoundPage() {
  const { id = '' } = useParams();
  const i18n = useT();
  const { t, locale } = i18n;
  const navigate = useNavigate();
  const round = useApi<Round>(`/api/hub/assessment/rounds/${id}`);
  const version = round.data?.questionnaireVersion;
  const questions = useApi<QuestionnaireView>(
    version ? '/api/hub/assessment/questionnaire' : null,
    version ? { version, locale } : undefined,
  );
  const [draft, setDraft] = useState<Draft>({});
  const [step, setStep] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (round.data) setDraft(draftOf(round.data));
  }, [round.data]);

  if (round.error || questions.error) return <ErrorMessage error={round.error ?? questions.error} />;
  if (!round.data || !questions.data) return <Loading />;
  const current = round.data;
  const list = questions.data.characteristics;
  const steps = list.length + 1;
  const reviewing = step === list.length;
  const characteristic = list[Math.min(step, list.length - 1)];
  const editable = current.editable;

  function answerOf(questionId: string): Answer {
    const entry = draft[questionId];
    return {
      questionId,
      level: entry?.level ?? null,
      comment: entry?.comment.trim() ? entry.comment.trim() : null,
      evidenceUrl: entry?.evidenceUrl.trim() ? entry.evidenceUrl.trim() : null,
    };
  }

  async function save(): Promise<Round | null> {
    if (!editable || !characteristic || reviewing) return current;
    const answer = answerOf(characteristic.id);
    const checked = answerSchema.safeParse(answer);
    if (!checked.success) {
      setFieldError(t('hubAssessment.badEvidence'));
      return null;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const next = await api.put<Round>(`/api/hub/assessment/rounds/${id}/answers`, {
        version: current.version,
        answers: [checked.data],
      });
      round.setData(() => next);
      setSaved(t('hubAssessment.saved'));
      return next;
    } catch (cause) {
      setError(toAppError(cause));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function go(to: number) {
    if (await save()) setStep(Math.max(0, Math.min(steps - 1, to)));
  }

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await api.post<Round>(`/api/hub/assessment/rounds/${id}/submit`, { version: current.version });
      navigate(`/self-assessment/${id}/results`);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  const title = t('hubAssessment.roundTitle', { member: current.member.name, round: current.round });
  const levelLabel = (value: number | null) =>
    value === null ? t('hubAssessment.notAnswered') : (questions.data?.levels[value]?.label ?? String(value));
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {current.demo ? <p className="assess-demo">{t('hubAssessment.demoNote')}</p> : null}
      {!editable ? <p>{t('hubAssessment.readOnly')}</p> : null}
      <p>
        <Link to="/self-assessment">{t('hubAssessment.backToRounds')}</Link>
        {current.status === 'submitted' ? (
          <>
            {' · '}
            <Link to={`/self-assessment/${id}/results`}>{t('hubAssessment.resultsLink')}</Link>
          </>
        ) : null}
      </p>
      <p id="step-label">{t('hubAssessment.step', { step: step + 1, steps })}</p>
      <progress className="assess-progress" max={steps} value={step + 1} aria-labelledby="step-label" />
      <ErrorMessage error={error} />
      <SuccessMessage>{saved}</SuccessMessage>
      {reviewing ? (
        <section className="card" aria-labelledby="review-title">
          <h2 id="review-title">{t('hubAssessment.review')}</h2>
          <ol>
            {list.map((each, index) => (
              <li key={each.id}>
                <button type="button" className="button-link" onClick={() => setStep(index)}>
                  {each.title}
                </button>
                {': '}
                {levelLabel(draft[each.id]?.level ?? null)}
              </li>
            ))}
          </ol>
          {editable ? (
            <>
              <p>{t('hubAssessment.submitHint')}</p>
              <button type="button" onClick={submit} disabled={busy}>
                {t('hubAssessment.submit')}
              </button>
            </>
          ) : null}
        </section>
      ) : characteristic ? (
        <section className="card" aria-labelledby="question-title">
          <h2 id="question-title">{characteristic.title}</h2>
          <p>
            <strong>{characteristic.question}</strong>
          </p>
          <div className="assess-good">
            <strong>{t('hubAssessment.good')}</strong> {characteristic.good}
          </div>
          <fieldset className="assess-levels" disabled={!editable}>
            <legend>{t('hubAssessment.level')}</legend>
            {questions.data.levels.map((level) => (
              <label key={level.value}>
                <input
                  type="radio"
                  name={`level-${characteristic.id}`}
                  value={level.value}
                  checked={draft[characteristic.id]?.level === level.value}
                  onChange={() =>
                    setDraft((before) => ({
                      ...before,
                      [characteristic.id]: {
                        comment: before[characteristic.id]?.comment ?? '',
                        evidenceUrl: before[characteristic.id]?.evidenceUrl ?? '',
                        level: level.value,
                      },
                    }))
                  }
                />
                <span className="assess-level-text">
                  <span>
                    {i18n.formatNumber(level.value)} · {level.label}
                  </span>
                  <small>{level.description}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="comment">{t('hubAssessment.comment')}</label>
            <textarea
              id="comment"
              rows={3}
              maxLength={2000}
              readOnly={!editable}
              value={draft[characteristic.id]?.comment ?? ''}
              onChange={(event) => {
                const comment = event.target.value;
                setDraft((before) => ({
                  ...before,
                  [characteristic.id]: {
                    level: before[characteristic.id]?.level ?? null,
                    evidenceUrl: before[characteristic.id]?.evidenceUrl ?? '',
                    comment,
                  },
                }));
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="evidence">{t('hubAssessment.evidence')}</label>
            <input
              id="evidence"
              type="url"
              inputMode="url"
              placeholder="https://"
              readOnly={!editable}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? 'evidence-error' : undefined}
              value={draft[characteristic.id]?.evidenceUrl ?? ''}
              onChange={(event) => {
                const evidenceUrl = event.target.value;
                setDraft((before) => ({
                  ...before,
                  [characteristic.id]: {
                    level: before[characteristic.id]?.level ?? null,
                    comment: before[characteristic.id]?.comment ?? '',
                    evidenceUrl,
                  },
                }));
              }}
            />
            {fieldError ? (
              <p id="evidence-error" className="field-error">
                {fieldError}
              </p>
            ) : null}
          </div>
          <p className="assess-source">{t('hubAssessment.source', { source: characteristic.source })}</p>
        </section>
      ) : null}
      <div className="assess-nav">
        <button type="button" className="button-secondary" onClick={() => go(step - 1)} disabled={busy || step === 0}>
          {t('hubAssessment.previous')}
        </button>
        {!reviewing ? (
          <button type="button" onClick={() => go(step + 1)} disabled={busy}>
            {editable ? t('hubAssessment.saveNext') : t('hubAssessment.next')}
          </button>
        ) : null}
      </div>
    </>
  );
}
