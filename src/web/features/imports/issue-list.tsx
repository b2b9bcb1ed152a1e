import type { ErrorIssue } from '../../../shared/errors';
import { useT } from '../../i18n/i18n-provider';
import { issueText } from './import-labels';

/** Each problem in a file with where it is: file, row, column, paragraph, page. */
export function IssueList(props: { issues: readonly ErrorIssue[] }) {
  const i18n = useT();
  const { t } = i18n;
  if (props.issues.length === 0) return null;
  return (
    <ul className="issue-list">
      {props.issues.map((issue, index) => {
        const where = [
          issue.file,
          issue.row !== undefined ? t('imports.location.row', { row: issue.row }) : '',
          issue.column ? t('imports.location.column', { column: issue.column }) : '',
          issue.paragraph ? t('imports.location.paragraph', { paragraph: issue.paragraph }) : '',
          issue.page !== undefined ? t('imports.location.page', { page: issue.page }) : '',
          issue.path ?? '',
        ].filter(Boolean);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list from one answer.
          <li key={index}>
            {where.length > 0 ? <span className="issue-where">{where.join(' · ')}</span> : null}
            <span className="issue-message">{issueText(issue.message, i18n)}</span>
          </li>
        );
      })}
    </ul>
  );
}
