import { useT } from '../../i18n/i18n-provider';
import { diffSnapshots, formatValue } from './audit-diff';

/**
 * Before and after of one audit event, folded by default: each changed field with its old value
 * struck through and its new value, labelled for screen readers.
 */
export function AuditChanges(props: { before: unknown; after: unknown }) {
  const { t } = useT();
  const changes = diffSnapshots(props.before, props.after);
  if (changes.length === 0) return <span className="subtle">{t('audit.noChanges')}</span>;
  return (
    <details className="audit-changes">
      <summary>{t('audit.changedFields', { count: changes.length })}</summary>
      <dl className="diff">
        {changes.map((change) => (
          <div key={change.field} className="diff-row">
            <dt className="mono">{change.field || t('audit.value')}</dt>
            <dd>
              {change.before !== undefined ? (
                <del className="diff-before">
                  <span className="visually-hidden">{t('audit.before')}: </span>
                  <bdi>{formatValue(change.before)}</bdi>
                </del>
              ) : null}
              {change.after !== undefined ? (
                <ins className="diff-after">
                  <span className="visually-hidden">{t('audit.after')}: </span>
                  <bdi>{formatValue(change.after)}</bdi>
                </ins>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
