import { useCallback } from 'react';
import type { Page } from '../../../shared/schemas/common';
import { sdgIndicatorCodeSchema } from '../../../shared/schemas/indicators';
import type { RecommendationRef } from '../../../shared/schemas/register';
import type { Term } from '../../../shared/schemas/taxonomies';
import { api } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { pickText } from '../../components/localized';
import { useT } from '../../i18n/i18n-provider';
import { useRecommendationName } from '../register/recommendation-name';
import { useRecommendationOptions } from '../register/recommendation-options';

const optionsShown = 8;

export interface SdgChoice {
  code: string;
  title: string;
}

/** A linked recommendation as the form shows it: a name and the start of its text. */
export interface LinkedRecommendation {
  id: string;
  name: string;
  text: string;
}

function Chips<T>(props: {
  items: T[];
  label: string;
  none: string;
  keyOf: (item: T) => string;
  nameOf: (item: T) => string;
  onRemove: (item: T) => void;
}) {
  const { t } = useT();
  if (props.items.length === 0) return <p className="subtle">{props.none}</p>;
  return (
    <ul className="chip-list" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={props.keyOf(item)} className="chip">
          <span>{props.nameOf(item)}</span>
          <button
            type="button"
            className="button-link"
            aria-label={t('indicators.removeNamed', { name: props.nameOf(item) })}
            onClick={() => props.onRemove(item)}
          >
            {t('indicators.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * SDG indicator codes, found among the SDG taxonomy's terms by code or words; goals and targets
 * show but cannot be chosen (an indicator measures against an SDG indicator, not a goal).
 */
export function SdgPicker(props: { value: SdgChoice[]; onChange: (value: SdgChoice[]) => void; error?: string }) {
  const { t, locale } = useT();
  const load = useCallback(
    (text: string, signal: AbortSignal) =>
      api.get<Page<Term>>('/api/taxonomies/sdg/terms', { q: text, pageSize: optionsShown }, signal),
    [],
  );
  const chosen = new Set(props.value.map((item) => item.code));
  return (
    <fieldset className="recommendation-picker">
      <legend>{t('indicators.fields.sdgCodes')}</legend>
      <Combobox<Term>
        name="sdgCode"
        label={t('indicators.addSdg')}
        hint={t('indicators.sdgHint')}
        error={props.error}
        load={load}
        keyOf={(term) => String(term.id)}
        render={(term) => (
          <span className="block">
            <strong dir="ltr">{term.code}</strong> {pickText(term.label, locale)}
          </span>
        )}
        unavailable={(term) => {
          if (chosen.has(term.code)) return t('indicators.alreadyChosen');
          return sdgIndicatorCodeSchema.safeParse(term.code).success ? null : t('indicators.notSdgIndicator');
        }}
        onChoose={(term) => props.onChange([...props.value, { code: term.code, title: pickText(term.label, locale) }])}
      />
      <Chips
        items={props.value}
        label={t('indicators.fields.sdgCodes')}
        none={t('indicators.noSdg')}
        keyOf={(item) => item.code}
        nameOf={(item) => (item.title ? `${item.code} ${item.title}` : item.code)}
        onRemove={(item) => props.onChange(props.value.filter((other) => other.code !== item.code))}
      />
    </fieldset>
  );
}

/** Recommendations the indicator measures, found as in the register (words or paragraph number). */
export function RecommendationLinks(props: {
  value: LinkedRecommendation[];
  onChange: (value: LinkedRecommendation[]) => void;
  error?: string;
}) {
  const { t } = useT();
  const nameOf = useRecommendationName();
  const { loadRecommendations: load } = useRecommendationOptions();
  const chosen = new Set(props.value.map((item) => item.id));
  return (
    <fieldset className="recommendation-picker">
      <legend>{t('indicators.fields.recommendations')}</legend>
      <Combobox<RecommendationRef>
        name="recommendation"
        label={t('indicators.addRecommendation')}
        hint={t('indicators.recommendationHint')}
        error={props.error}
        load={load}
        keyOf={(item) => item.id}
        render={(item) => (
          <>
            <strong className="block">{nameOf(item)}</strong>
            <span className="block subtle clamp">{item.text}</span>
          </>
        )}
        unavailable={(item) => (chosen.has(item.id) ? t('indicators.alreadyChosen') : null)}
        onChoose={(item) => props.onChange([...props.value, { id: item.id, name: nameOf(item), text: item.text }])}
      />
      <Chips
        items={props.value}
        label={t('indicators.fields.recommendations')}
        none={t('indicators.noRecommendations')}
        keyOf={(item) => item.id}
        nameOf={(item) => item.name}
        onRemove={(item) => props.onChange(props.value.filter((other) => other.id !== item.id))}
      />
    </fieldset>
  );
}
