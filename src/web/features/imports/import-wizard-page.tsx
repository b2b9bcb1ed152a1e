import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ImportPreview, type ImportSummary, importOptionsSchema } from '../../../shared/schemas/imports';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { WizardSteps } from '../../components/wizard-steps';
import { useT } from '../../i18n/i18n-provider';
import { ApplyProgress, ImportReport } from './import-report';
import { IssueList } from './issue-list';
import { PreviewStep } from './preview-step';
import { UploadStep } from './upload-step';
import { initialChoices, toOptions, type WizardChoices } from './wizard-options';

type Step = 'upload' | 'preview' | 'applying' | 'done';
const steps: readonly Step[] = ['upload', 'preview', 'applying', 'done'];

/** Upload → preview (with corrections) → apply with progress → report. Nothing is written before apply. */
export default function ImportWizardPage() {
  const { t } = useT();
  const [step, setStep] = useState<Step>('upload');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<WizardChoices>(initialChoices);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  const again = useSubmit(importOptionsSchema, (options) =>
    api.post<ImportPreview>(`/api/imports/${preview?.importId}/preview`, options),
  );
  const apply = useSubmit(importOptionsSchema, (options) =>
    api.post<ImportSummary>(`/api/imports/${preview?.importId}/apply`, options),
  );

  // While the apply request runs, ask every second how far it got.
  const importId = preview?.importId;
  useEffect(() => {
    if (step !== 'applying' || !importId) return;
    const timer = window.setInterval(() => {
      api
        .get<ImportSummary>(`/api/imports/${importId}`)
        .then((current) => {
          if (current.progress) setProgress(current.progress);
        })
        .catch(() => undefined);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [step, importId]);

  useEffect(() => {
    if (step !== 'upload') window.scrollTo({ top: 0 });
  }, [step]);

  async function previewAgain() {
    const next = await again.submit(toOptions(choices));
    if (next) setPreview(next);
  }

  async function runApply() {
    setProgress(null);
    setStep('applying');
    const result = await apply.submit(toOptions(choices));
    if (result) {
      setSummary(result);
      setStep('done');
    } else {
      setStep('preview');
    }
  }

  function restart() {
    setStep('upload');
    setPreview(null);
    setSummary(null);
    setChoices(initialChoices);
  }

  const problem = again.error ?? apply.error;
  // Apply is offered only when it would write something; a spreadsheet whose text column is not
  // chosen yet has no plan at all, and says what to do instead.
  const counts = preview?.counts;
  const applicable = Boolean(counts && counts.create + counts.update > 0);
  const noPlan = Boolean(
    preview?.headers && counts && counts.create + counts.update + counts.unchanged + counts.skip === 0,
  );
  const fieldErrors = { ...again.fieldErrors, ...apply.fieldErrors };

  return (
    <>
      <PageTitle
        actions={
          <Link className="button-secondary button-anchor" to="/imports">
            {t('imports.history')}
          </Link>
        }
      >
        {t('imports.title')}
      </PageTitle>
      <WizardSteps label={t('imports.steps')} steps={steps} current={step} name={(name) => t(`imports.step.${name}`)} />
      {step === 'upload' ? (
        <UploadStep
          onPreview={(next) => {
            setPreview(next);
            setChoices(initialChoices);
            setStep('preview');
          }}
        />
      ) : null}
      {step === 'preview' && preview ? (
        <>
          <ErrorMessage error={problem} />
          {problem ? <IssueList issues={problem.issues.filter((issue) => !issue.path)} /> : null}
          <PreviewStep preview={preview} choices={choices} errors={fieldErrors} onChoices={setChoices} />
          <div className="card wizard-actions">
            {noPlan ? (
              <p className="alert alert-info">{t('imports.chooseTextColumn')}</p>
            ) : !applicable ? (
              <p>{t('imports.nothingToApply')}</p>
            ) : (
              <p>
                {t('imports.applyIntro', {
                  create: preview.counts.create,
                  update: preview.counts.update,
                })}
              </p>
            )}
            <div className="form-actions">
              {applicable ? (
                <button type="button" onClick={runApply} disabled={apply.busy || again.busy}>
                  {t('imports.apply')}
                </button>
              ) : null}
              {preview.states.length > 0 || preview.headers ? (
                <button type="button" className="button-secondary" onClick={previewAgain} disabled={again.busy}>
                  {t('imports.previewAgain')}
                </button>
              ) : null}
              <button type="button" className="button-secondary" onClick={restart}>
                {t('imports.startOver')}
              </button>
            </div>
          </div>
        </>
      ) : null}
      {step === 'applying' ? <ApplyProgress progress={progress} /> : null}
      {step === 'done' && summary && preview ? (
        <ImportReport summary={summary} preview={preview} onRestart={restart} />
      ) : null}
    </>
  );
}
