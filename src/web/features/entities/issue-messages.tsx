import type { AppError } from '../../../shared/errors';
import { useT } from '../../i18n/i18n-provider';

/**
 * The server's problems that no field of the form shows (a network without members, a request
 * already closed), translated, under the error itself.
 */
export function IssueMessages(props: { error: AppError | null; fields?: readonly string[] }) {
  const { t, has } = useT();
  const shown = (props.error?.issues ?? []).filter((issue) => !issue.path || !props.fields?.includes(issue.path));
  if (shown.length === 0) return null;
  return (
    <ul className="issue-list">
      {shown.map((issue) => (
        <li key={`${issue.path ?? ''}${issue.message}`}>{has(issue.message) ? t(issue.message) : issue.message}</li>
      ))}
    </ul>
  );
}
