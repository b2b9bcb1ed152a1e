import { Field } from '../../components/field';
import type { FieldErrors } from '../../components/forms';
import { useT } from '../../i18n/i18n-provider';

/** A new password typed twice; the length rule (NIST: length, not composition) is the hint. */
export function PasswordFields(props: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  return (
    <>
      <Field
        name="password"
        label={t('fields.newPassword')}
        hint={t('fields.passwordHint', { min: 12 })}
        error={props.errors.password}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={props.password}
            onChange={(event) => props.onPassword(event.target.value)}
            required
          />
        )}
      </Field>
      <Field name="confirm" label={t('fields.confirmPassword')} error={props.errors.confirm}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={props.confirm}
            onChange={(event) => props.onConfirm(event.target.value)}
            required
          />
        )}
      </Field>
    </>
  );
}
