import { useId, useState } from 'react';
import type { FacetName, FacetValue } from '../../../shared/schemas/register';
import { FallbackText } from '../../components/fallback-lang';
import { useT } from '../../i18n/i18n-provider';
import { mechanismLabel, positionLabel } from './labels';
import type { RegisterQuery } from './register-query';

const shownAtFirst = 8;

/** Facets shown, in order; the review facet is reached from the reviews pages. */
const panelFacets: readonly FacetName[] = [
  'mechanism',
  'body',
  'review',
  'cycle',
  'position',
  'status',
  'theme',
  'affected',
  'sdgGoal',
  'sdgTarget',
  'state',
  'entity',
];

/** Each facet a fieldset of checkboxes with their counts; a change applies at once. */
export function FacetPanel(props: {
  facets: Record<string, FacetValue[]> | undefined;
  query: RegisterQuery;
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
  onClear: () => void;
}) {
  const { t } = useT();
  const anySelected = panelFacets.some((facet) => props.query.filters[facet].length > 0);
  return (
    <form className="facet-panel" aria-label={t('register.facets')} onSubmit={(event) => event.preventDefault()}>
      <h2 className="facet-panel-title">{t('register.facets')}</h2>
      {anySelected ? (
        <button type="button" className="button-secondary button-small" onClick={props.onClear}>
          {t('register.clearFacets')}
        </button>
      ) : null}
      {panelFacets.map((facet) => {
        const values = props.facets?.[facet] ?? [];
        const selected = props.query.filters[facet];
        if (values.length === 0 && selected.length === 0) return null;
        return (
          <FacetGroup
            key={facet}
            facet={facet}
            values={values}
            selected={selected}
            onToggle={(value, on) => props.onToggle(facet, value, on)}
          />
        );
      })}
    </form>
  );
}

function FacetGroup(props: {
  facet: FacetName;
  values: FacetValue[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  const i18n = useT();
  const { t, formatNumber } = i18n;
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  // Selected values stay visible even when the other filters leave them no results.
  const missing = props.selected
    .filter((value) => !props.values.some((item) => item.value === value))
    .map((value) => ({ value, label: value, count: 0 }));
  const all: FacetValue[] = [...props.values, ...missing];
  const shown = expanded
    ? all
    : all.filter((item, index) => index < shownAtFirst || props.selected.includes(item.value));
  const hidden = all.length - shown.length;

  function labelOf(item: FacetValue): string {
    if (props.facet === 'mechanism') return mechanismLabel(item.value, i18n);
    if (props.facet === 'position') return positionLabel(item.value, i18n);
    if (props.facet === 'cycle') return t('register.cycleN', { cycle: item.value });
    return item.label;
  }

  return (
    <fieldset className="facet">
      <legend>{t(`register.facet.${props.facet}`)}</legend>
      <ul id={listId} className="facet-values">
        {shown.map((item) => (
          <li key={item.value}>
            <label>
              <input
                type="checkbox"
                value={item.value}
                checked={props.selected.includes(item.value)}
                onChange={(event) => props.onToggle(item.value, event.target.checked)}
              />
              <FallbackText className="facet-label" text={labelOf(item)} lang={item.lang} />
              <span className="facet-count">{formatNumber(item.count)}</span>
            </label>
          </li>
        ))}
      </ul>
      {all.length > shownAtFirst && (hidden > 0 || expanded) ? (
        <button
          type="button"
          className="button-link facet-more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('register.showFewer') : t('register.showMore', { count: hidden })}
        </button>
      ) : null}
    </fieldset>
  );
}
