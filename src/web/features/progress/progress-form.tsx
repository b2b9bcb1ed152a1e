import { type FormEvent, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { periodReversed, periodReversedIssue } from '../../../shared/progress/period';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { fieldErrorsOfAppError } from '../../components/forms';
import { RichTextEditor } from '../../components/rich-text-editor';
import { useT } from '../../i18n/i18n-provider';

export interface ProgressValues {
  narrative: string;
  proposedStatus: string;
  periodStart: string;
  periodEnd: string;
}

/** The entity's account: narrative (rich text), the reporting period, a proposed status. */
export function ProgressForm(props: {
  initial: ProgressValues;
  statusOptions: { code: string; label: string }[];
  submitLabel: string;
  onSave: (values: ProgressValues) => Promise<void>;
  children?: React.ReactNode;
}) {
  const i18n = useT();
  const { t } = i18n;
  const [values, setValues] = useState(props.initial);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrors = error ? fieldErrorsOfAppError(error, i18n) : {};
  // The server's own rule, shown as soon as both days are filled in.
  const local: Record<string, string> = periodReversed(values)
    ? { [periodReversedIssue.path]: t(periodReversedIssue.message) }
    : {};
  const errors = { ...fieldErrors, ...local };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSave(values);
    } catch (cause) {
      setError(cause as AppError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="card">
      <ErrorMessage error={error} />
      <RichTextEditor
        label={t('progress.narrative')}
        hint={t('progress.narrativeHint')}
        value={values.narrative}
        error={errors.narrative}
        onChange={(narrative) => setValues((current) => ({ ...current, narrative }))}
      />
      <div className="field-row">
        <Field name="periodStart" label={t('progress.periodStart')} error={errors.periodStart}>
          {(control) => (
            <DateInput
              {...control}
              required
              value={values.periodStart}
              onChange={(event) => setValues((current) => ({ ...current, periodStart: event.target.value }))}
            />
          )}
        </Field>
        <Field name="periodEnd" label={t('progress.periodEnd')} error={errors.periodEnd}>
          {(control) => (
            <DateInput
              {...control}
              required
              value={values.periodEnd}
              onChange={(event) => setValues((current) => ({ ...current, periodEnd: event.target.value }))}
            />
          )}
        </Field>
      </div>
      <Field name="proposedStatus" label={t('progress.proposedStatus')} error={errors.proposedStatus}>
        {(control) => (
          <select
            {...control}
            value={values.proposedStatus}
            onChange={(event) => setValues((current) => ({ ...current, proposedStatus: event.target.value }))}
          >
            <option value="">{t('progress.noStatus')}</option>
            {props.statusOptions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {props.children}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
