import { useId } from 'react';
import type { ImportPreview } from '../../../shared/schemas/imports';
import { useT } from '../../i18n/i18n-provider';
import { countryName } from '../register/labels';

/**
 * How each recommending State's name was read, with a box to correct its ISO code. Fuzzy and
 * unmatched names come first: those are the ones to check.
 */
export function StateMatching(props: {
  states: ImportPreview['states'];
  mapping: Record<string, string>;
  errors: Record<string, string>;
  onChange: (name: string, code: string) => void;
}) {
  const { t, locale, formatNumber } = useT();
  const baseId = useId();
  const order = { none: 0, fuzzy: 1, user: 2, alias: 3, exact: 4 } as const;
  const states = [...props.states].sort((a, b) => order[a.how] - order[b.how] || a.name.localeCompare(b.name));
  const toCheck = props.states.filter((state) => state.how === 'none' || state.how === 'fuzzy').length;
  return (
    <section className="card" aria-labelledby="states-title">
      <h2 id="states-title">{t('imports.states')}</h2>
      <p>{toCheck > 0 ? t('imports.statesToCheck', { count: toCheck }) : t('imports.statesAllMatched')}</p>
      <p className="subtle">{t('imports.statesHint')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby="states-title" tabIndex={0}>
        <table aria-labelledby="states-title">
          <thead>
            <tr>
              <th scope="col">{t('imports.stateName')}</th>
              <th scope="col">{t('imports.stateRows')}</th>
              <th scope="col">{t('imports.stateHow')}</th>
              <th scope="col">{t('imports.stateCode')}</th>
              <th scope="col">{t('imports.stateCountry')}</th>
            </tr>
          </thead>
          <tbody>
            {states.map((state, index) => {
              const value = props.mapping[state.name] ?? state.iso2 ?? '';
              const code = value.trim().toUpperCase();
              const inputId = `${baseId}-${index}`;
              const error = props.errors[state.name];
              return (
                <tr key={state.name} className={state.how === 'none' || state.how === 'fuzzy' ? 'row-attention' : ''}>
                  <th scope="row">{state.name}</th>
                  <td>{formatNumber(state.rows)}</td>
                  <td>
                    <span className={`badge badge-how-${state.how}`}>{t(`imports.how.${state.how}`)}</span>
                  </td>
                  <td>
                    <input
                      id={inputId}
                      className="code-input"
                      type="text"
                      dir="ltr"
                      maxLength={2}
                      autoComplete="off"
                      value={value}
                      aria-label={t('imports.stateCodeFor', { name: state.name })}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      onChange={(event) => props.onChange(state.name, event.target.value)}
                    />
                    {error ? (
                      <span className="field-error block" id={`${inputId}-error`}>
                        {error}
                      </span>
                    ) : null}
                  </td>
                  <td>{/^[A-Z]{2}$/.test(code) ? countryName(code, locale) : t('imports.keepAsText')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}
