import type { ImportPreview } from '../../../shared/schemas/imports';
import { useT } from '../../i18n/i18n-provider';
import { changeFieldLabel, formatLabel, formatValue } from './import-labels';

type Kept = NonNullable<ImportPreview['rows'][number]['kept']>;

/**
 * The fields a file offered that a stronger source keeps (decision 017): "Position stays noted,
 * kept from the State's views (A_HRC_…Add.1.pdf); this file says pending".
 */
export function KeptNotes(props: { kept: Kept | undefined }) {
  const i18n = useT();
  if (!props.kept?.length) return null;
  return (
    <ul className="plain-list">
      {props.kept.map((kept) => (
        <li key={kept.field}>
          {i18n.t('imports.keptFrom', {
            field: changeFieldLabel(kept.field, i18n),
            value: formatValue(kept.value, i18n, kept.field),
            source: formatLabel(kept.format, i18n),
            // isolated (FSI … PDI): a Latin file name keeps its order inside an Arabic sentence
            file: `\u2068${kept.fileName}\u2069`,
            offered: formatValue(kept.offered, i18n, kept.field),
          })}
        </li>
      ))}
    </ul>
  );
}

/** What an import fills in on a stored review (symbol, State, session, cycle, date). */
export function ReviewChanges(props: { changes: ImportPreview['reviews'][number]['changes'] }) {
  const i18n = useT();
  if (!props.changes.length) return null;
  return (
    <ul className="plain-list">
      {props.changes.map((change) => (
        <li key={change.field}>
          {changeFieldLabel(change.field, i18n)}: {formatValue(change.after, i18n, change.field)}
        </li>
      ))}
    </ul>
  );
}
