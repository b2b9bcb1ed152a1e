import { useId } from 'react';
import type { ImportPreview } from '../../../shared/schemas/imports';
import { useT } from '../../i18n/i18n-provider';

/**
 * The dry run's warning that the file concerns another State than the installation's, naming
 * each country, with the box the apply needs ticked (`confirmForeignState`). Nothing when every
 * review is the State's own.
 */
export function ForeignStateNotice(props: {
  foreignState: ImportPreview['foreignState'];
  confirmed: boolean;
  error?: string;
  onConfirm: (confirmed: boolean) => void;
}) {
  const { t, formatNumber } = useT();
  const id = useId();
  const foreign = props.foreignState;
  if (!foreign) return null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('imports.foreignState.title')}</h2>
      <p className="alert alert-warning">{t('imports.foreignState.text', { state: foreign.stateName })}</p>
      <ul>
        {foreign.countries.map((country) => (
          <li key={country.iso2}>
            {t('imports.foreignState.country', { name: country.name, count: formatNumber(country.recommendations) })}
          </li>
        ))}
      </ul>
      <label className="choice-list">
        <input
          type="checkbox"
          name="confirmForeignState"
          checked={props.confirmed}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          onChange={(event) => props.onConfirm(event.currentTarget.checked)}
        />
        <span>{t('imports.foreignState.confirm')}</span>
      </label>
      {props.error ? (
        <p id={`${id}-error`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </section>
  );
}
