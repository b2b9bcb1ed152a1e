import type { AppError } from '../../../shared/errors';
import type { PracticeStatus } from '../../../shared/schemas/hub';
import { ErrorMessage } from '../../components/error-message';
import { useT } from '../../i18n/i18n-provider';

/** A practice's working-copy state as a badge. */
export function PracticeStatusBadge(props: { status: PracticeStatus; publishedVersion: number | null }) {
  const { t } = useT();
  return (
    <span className={`badge badge-${props.status}`}>
      {t(`hubPractices.status.${props.status}`)}
      {props.status !== 'published' && props.publishedVersion !== null
        ? ` · ${t('hubPractices.app.liveVersion', { version: props.publishedVersion })}`
        : ''}
    </span>
  );
}

/**
 * An error with the server's own words where it named them (a file too large, with its name and
 * the limit; a field's problem), else the message of its code.
 */
export function PracticeError(props: { error: AppError | null }) {
  const { t, has } = useT();
  const issue = props.error?.issues.find((one) => one.message.startsWith('hubPractices.') && has(one.message));
  if (!props.error) return null;
  if (!issue) return <ErrorMessage error={props.error} />;
  return (
    <div className="alert alert-error" role="alert" data-error-code={props.error.code}>
      {t(issue.message, { ...props.error.params, file: issue.file ?? '' })}
    </div>
  );
}
