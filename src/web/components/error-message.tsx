import type { AppError } from '../../shared/errors';
import { useT } from '../i18n/i18n-provider';

/** The one way to show a failure: the translated message of its code, announced to screen readers. */
export function ErrorMessage(props: { error: AppError | null | undefined }) {
  const { t } = useT();
  if (!props.error) return null;
  const { code, params } = props.error;
  return (
    <div className="alert alert-error" role="alert" data-error-code={code}>
      {t(`errors.${code}`, params)}
    </div>
  );
}

/** A short confirmation after a successful action. */
export function SuccessMessage(props: { children: string | null | undefined }) {
  if (!props.children) return null;
  return (
    <output className="alert alert-success" aria-live="polite">
      {props.children}
    </output>
  );
}
