import { useT } from '../../i18n/i18n-provider';
import { diffSnapshots, formatValue } from './audit-diff';

/** Before and after of one audit event as a table of the changed fields, folded by default. */
export function AuditChanges(props: { before: unknown; after: unknown }) {
  const { t } = useT();
  const changes = diffSnapshots(props.before, props.after);
  if (changes.length === 0) return <span className="subtle">{t('audit.noChanges')}</span>;
  return (
    <details className="audit-changes">
      <summary>{t('audit.changedFields', { count: changes.length })}</summary>
      <table className="diff">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row" className="mono">
                {change.field || t('audit.value')}
              </th>
              <td className="diff-before">
                <bdi>{formatValue(change.before)}</bdi>
              </td>
              <td className="diff-after">
                <bdi>{formatValue(change.after)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
