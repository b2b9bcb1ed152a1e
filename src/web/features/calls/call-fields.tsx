import { defaultRemindAfter, defaultRemindBefore } from '../../../shared/schemas/call-values';
import type { CallDetail } from '../../../shared/schemas/calls';
import { DateInput } from '../../components/date-input';
import { Field } from '../../components/field';
import type { FieldErrors } from '../../components/forms';
import { useT } from '../../i18n/i18n-provider';
import { formatDays, parseDays } from './call-labels';

/** What the coordinator types on a call, as the form holds it (reminder days as text). */
export interface CallFieldValues {
  title: string;
  message: string;
  deadline: string;
  askNarrative: boolean;
  askStatus: boolean;
  remindBefore: string;
  remindAfter: string;
}

export const emptyCallFields: CallFieldValues = {
  title: '',
  message: '',
  deadline: '',
  askNarrative: true,
  askStatus: true,
  remindBefore: formatDays(defaultRemindBefore),
  remindAfter: formatDays(defaultRemindAfter),
};

export function callFieldsOf(call: CallDetail): CallFieldValues {
  return {
    title: call.title,
    message: call.message,
    deadline: call.deadline,
    askNarrative: call.askNarrative,
    askStatus: call.askStatus,
    remindBefore: formatDays(call.remindBefore),
    remindAfter: formatDays(call.remindAfter),
  };
}

/** The payload's fields from the form's values. */
export function callInputOf(values: CallFieldValues) {
  return {
    title: values.title,
    message: values.message,
    deadline: values.deadline,
    askNarrative: values.askNarrative,
    askStatus: values.askStatus,
    remindBefore: parseDays(values.remindBefore),
    remindAfter: parseDays(values.remindAfter),
  };
}

/** The first problem reported on a field or any of its items (remindBefore.1). */
function errorOf(errors: FieldErrors, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1];
}

/** Title, message, deadline, questions and reminders of a call: on the new call form and a draft's edit. */
export function CallFields(props: {
  values: CallFieldValues;
  onChange: (values: CallFieldValues) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const { values, onChange, errors } = props;
  const set = (change: Partial<CallFieldValues>) => onChange({ ...values, ...change });
  return (
    <>
      <Field name="title" label={t('calls.fields.title')} error={errors.title}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={values.title}
            onChange={(event) => set({ title: event.target.value })}
            required
            maxLength={300}
          />
        )}
      </Field>
      <Field
        name="message"
        label={t('calls.fields.message')}
        hint={t('calls.fields.messageHint')}
        error={errors.message}
      >
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={values.message}
            onChange={(event) => set({ message: event.target.value })}
            required
          />
        )}
      </Field>
      <Field
        name="deadline"
        label={t('calls.fields.deadline')}
        hint={t('calls.fields.deadlineHint')}
        error={errors.deadline}
      >
        {(control) => (
          <DateInput
            {...control}
            value={values.deadline}
            onChange={(event) => set({ deadline: event.target.value })}
            required
          />
        )}
      </Field>
      <fieldset className="choice-list">
        <legend>{t('calls.fields.questions')}</legend>
        <label>
          <input
            type="checkbox"
            name="askNarrative"
            checked={values.askNarrative}
            onChange={(event) => set({ askNarrative: event.target.checked })}
          />
          <span>{t('calls.fields.askNarrative')}</span>
        </label>
        <label>
          <input
            type="checkbox"
            name="askStatus"
            checked={values.askStatus}
            onChange={(event) => set({ askStatus: event.target.checked })}
          />
          <span>{t('calls.fields.askStatus')}</span>
        </label>
        {errors.askNarrative ? (
          <p className="field-error" role="alert">
            {errors.askNarrative}
          </p>
        ) : null}
      </fieldset>
      <Field
        name="remindBefore"
        label={t('calls.fields.remindBefore')}
        hint={t('calls.fields.remindBeforeHint')}
        error={errorOf(errors, 'remindBefore')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            dir="ltr"
            value={values.remindBefore}
            onChange={(event) => set({ remindBefore: event.target.value })}
          />
        )}
      </Field>
      <Field
        name="remindAfter"
        label={t('calls.fields.remindAfter')}
        hint={t('calls.fields.remindAfterHint')}
        error={errorOf(errors, 'remindAfter')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            dir="ltr"
            value={values.remindAfter}
            onChange={(event) => set({ remindAfter: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
