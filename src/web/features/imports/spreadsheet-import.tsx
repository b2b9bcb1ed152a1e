import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { AppError, ErrorIssue } from '../../../shared/errors';
import { toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { SpreadsheetField } from '../../components/spreadsheet-field';
import { WizardSteps } from '../../components/wizard-steps';
import { IssueList } from './issue-list';

/** What the server answers to a spreadsheet's dry run and to its apply. */
export interface SpreadsheetPlan {
  applied: boolean;
  counts: { create: number; update: number };
  issues: readonly ErrorIssue[];
  rows: readonly unknown[];
}

const steps = ['upload', 'preview', 'done'] as const;
type Step = (typeof steps)[number];

/**
 * A spreadsheet import in three steps (entities, an indicator's observations): upload the CSV or
 * XLSX file, a dry run listing what would be created, updated and left and each problem with its
 * row and column, then apply: the same file again, written in one transaction or not at all.
 * The page gives the texts (its own catalogue keys, so that its catalogue part carries them), any
 * extra field, and how to show the format found, the counts and the rows.
 */
export function SpreadsheetImport<P extends SpreadsheetPlan>(props: {
  text: {
    fileTitle: string;
    file: string;
    preview: string;
    planTitle: string;
    appliedTitle: string;
    appliedNotice: (count: number) => string;
    problems: string;
    fixFirst: string;
    apply: (count: number) => string;
    /** Said when the dry run has nothing to write and no problem. */
    nothingToDo?: string;
  };
  /** The step list's label and names; without it no step list is shown. */
  steps?: { label: string; name: (step: Step) => string };
  intro: ReactNode;
  /** Fields sent with the file; a change of `fieldsKey` drops the preview made without it. */
  fields?: ReactNode;
  fieldsKey?: string;
  send: (step: 'preview' | 'apply', file: File) => Promise<P>;
  /** What the server recognised in the file (its format), above the outcome. */
  detected?: (plan: P) => ReactNode;
  counts: (plan: P) => ReactNode;
  rows: (plan: P) => ReactNode;
}) {
  const { text } = props;
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<P | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const step: Step = plan?.applied ? 'done' : plan ? 'preview' : 'upload';
  const stepHeading = useRef<HTMLHeadingElement>(null);

  // Each new step takes the focus, so that screen reader users hear where they are.
  useEffect(() => {
    if (step !== 'upload') stepHeading.current?.focus();
  }, [step]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fieldsKey stands for the fields sent with the file.
  useEffect(() => setPlan(null), [props.fieldsKey]);

  async function send(which: 'preview' | 'apply', event?: FormEvent) {
    event?.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setPlan(await props.send(which, file));
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  const writes = plan ? plan.counts.create + plan.counts.update : 0;
  const canApply = plan !== null && !plan.applied && plan.issues.length === 0 && writes > 0;
  return (
    <>
      {props.steps ? (
        <WizardSteps label={props.steps.label} steps={steps} current={step} name={props.steps.name} />
      ) : null}
      <section className="card" aria-labelledby="import-file">
        <h2 id="import-file">{text.fileTitle}</h2>
        {props.intro}
        <ErrorMessage error={error} />
        {error ? <IssueList issues={error.issues} /> : null}
        <form onSubmit={(event) => send('preview', event)} noValidate aria-busy={busy}>
          <SpreadsheetField
            label={text.file}
            missing={missing}
            onChange={(chosen) => {
              setFile(chosen);
              setMissing(false);
              setPlan(null);
            }}
          />
          {props.fields}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {text.preview}
            </button>
          </div>
        </form>
      </section>
      {plan ? (
        <section className="card" aria-labelledby="import-plan">
          <h2 id="import-plan" ref={stepHeading} tabIndex={-1}>
            {plan.applied ? text.appliedTitle : text.planTitle}
          </h2>
          {props.detected?.(plan)}
          <SuccessMessage>{plan.applied ? text.appliedNotice(writes) : null}</SuccessMessage>
          {props.counts(plan)}
          {plan.issues.length > 0 ? (
            <>
              <h3>{text.problems}</h3>
              <p>{text.fixFirst}</p>
              <IssueList issues={plan.issues} />
            </>
          ) : null}
          {canApply ? (
            <div className="form-actions">
              <button type="button" disabled={busy} onClick={() => send('apply')}>
                {text.apply(writes)}
              </button>
            </div>
          ) : null}
          {text.nothingToDo && !plan.applied && plan.issues.length === 0 && writes === 0 ? (
            <p>{text.nothingToDo}</p>
          ) : null}
          {plan.rows.length > 0 ? props.rows(plan) : null}
        </section>
      ) : null}
    </>
  );
}
