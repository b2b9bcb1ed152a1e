import { useId } from 'react';
import { type ImportPreview, type ImportRowAction, importRowActions } from '../../../shared/schemas/imports';
import { useT } from '../../i18n/i18n-provider';
import { locationText } from '../register/labels';
import { changeFieldLabel, formatValue, reasonLabel } from './import-labels';
import { KeptNotes } from './preview-kept';

type Row = ImportPreview['rows'][number];

/** The planned rows by action, each in a section that opens: what is created, changed, skipped and why. */
export function PreviewRows(props: { preview: ImportPreview }) {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="rows-title">
      <h2 id="rows-title">{t('imports.rows')}</h2>
      <p className="subtle">{t('imports.rowsHint')}</p>
      {importRowActions.map((action) => {
        const rows = props.preview.rows.filter((row) => row.action === action);
        const count = props.preview.counts[action];
        if (count === 0) return null;
        return <RowSection key={action} action={action} rows={rows} count={count} />;
      })}
    </section>
  );
}

function RowSection(props: { action: ImportRowAction; rows: Row[]; count: number }) {
  const i18n = useT();
  const { t } = i18n;
  const captionId = useId();
  // Unchanged rows show what a stronger source kept, when there is anything to say.
  const showChanges = props.action === 'update' || (props.action === 'unchanged' && props.rows.some((r) => r.kept));
  return (
    <details className="row-section" open={props.action === 'create' || props.action === 'update'}>
      <summary>{t(`imports.section.${props.action}`, { count: props.count })}</summary>
      {props.rows.length < props.count ? (
        <p className="subtle">{t('imports.firstRows', { shown: props.rows.length, count: props.count })}</p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId} className="visually-hidden">
            {t(`imports.section.${props.action}`, { count: props.count })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.number')}</th>
              <th scope="col">{t('imports.where')}</th>
              <th scope="col">{t('imports.text')}</th>
              {props.action === 'skip' ? <th scope="col">{t('imports.reason')}</th> : null}
              {showChanges ? <th scope="col">{t('imports.changes')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of one preview never move.
              <tr key={index}>
                <td className="nowrap">{row.number ?? '—'}</td>
                <td className="nowrap">{locationText(row.location, t)}</td>
                <td>
                  <p className="clamp">{row.text}</p>
                </td>
                {props.action === 'skip' ? <td>{reasonLabel(row.reason, i18n)}</td> : null}
                {showChanges ? (
                  <td>
                    <dl className="diff">
                      {row.changes.map((change) => (
                        <div key={change.field} className="diff-row">
                          <dt>{changeFieldLabel(change.field, i18n)}</dt>
                          <dd>
                            <del>
                              <span className="visually-hidden">{t('imports.before')} </span>
                              {formatValue(change.before, i18n, change.field)}
                            </del>
                            <ins>
                              <span className="visually-hidden">{t('imports.after')} </span>
                              {formatValue(change.after, i18n, change.field)}
                            </ins>
                          </dd>
                        </div>
                      ))}
                    </dl>
                    <KeptNotes kept={row.kept} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}
