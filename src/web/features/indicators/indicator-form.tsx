import { type FormEvent, useState } from 'react';
import type { EntityRef } from '../../../shared/schemas/entities';
import {
  type IndicatorDetail,
  type IndicatorFrequency,
  type IndicatorType,
  indicatorFieldsSchema,
  indicatorFrequencies,
  indicatorTypes,
  updateIndicatorSchema,
} from '../../../shared/schemas/indicators';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { CheckboxField, Field, SelectField } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { EntityChoice } from '../assignments/entity-picker';
import { type DimensionDraft, DimensionsEditor, dimensionOfDraft, draftOfDimension } from './dimensions-editor';
import { type LinkedRecommendation, RecommendationLinks, type SdgChoice, SdgPicker } from './indicator-links';
import { parseNumber } from './numbers';

/** What the form holds: text as typed, chosen records with their names. */
export interface IndicatorFormState {
  code: string;
  title: string;
  description: string;
  type: IndicatorType;
  unit: string;
  baselineValue: string;
  baselineYear: string;
  targetValue: string;
  targetYear: string;
  frequency: IndicatorFrequency;
  owner: EntityRef | null;
  dimensions: DimensionDraft[];
  byPlace: boolean;
  sdg: SdgChoice[];
  recommendations: LinkedRecommendation[];
  /** Linked recommendations outside the editor's view, kept as they are. */
  hiddenRecommendationIds: string[];
}

export const emptyIndicatorForm: IndicatorFormState = {
  code: '',
  title: '',
  description: '',
  type: 'outcome',
  unit: '',
  baselineValue: '',
  baselineYear: '',
  targetValue: '',
  targetYear: '',
  frequency: 'annual',
  owner: null,
  dimensions: [],
  byPlace: false,
  sdg: [],
  recommendations: [],
  hiddenRecommendationIds: [],
};

const text = (value: number | null) => (value === null ? '' : String(value));

export function formStateOf(indicator: IndicatorDetail, locale: string): IndicatorFormState {
  const visible = new Set(indicator.recommendations.map((item) => item.id));
  return {
    code: indicator.code,
    title: indicator.title,
    description: indicator.description ?? '',
    type: indicator.type,
    unit: indicator.unit,
    baselineValue: text(indicator.baselineValue),
    baselineYear: text(indicator.baselineYear),
    targetValue: text(indicator.targetValue),
    targetYear: text(indicator.targetYear),
    frequency: indicator.frequency,
    owner: indicator.owner,
    dimensions: indicator.dimensions.map(draftOfDimension),
    byPlace: indicator.byPlace,
    sdg: indicator.sdgCodes.map((code) => ({
      code,
      title: (() => {
        const title = indicator.sdg.find((term) => term.code === code)?.title ?? {};
        return title[locale] ?? title.en ?? '';
      })(),
    })),
    recommendations: indicator.recommendations.map((item) => ({
      id: item.id,
      name: item.symbol ?? item.text.slice(0, 60),
      text: item.text,
    })),
    hiddenRecommendationIds: indicator.recommendationIds.filter((id) => !visible.has(id)),
  };
}

const numberFields = ['baselineValue', 'baselineYear', 'targetValue', 'targetYear'] as const;

/**
 * The one form of an indicator, new or edited: checked with the schema the route uses, then
 * sent; the server's problems (a code taken, an owner that is not a duty bearer, a dimension
 * value still used by observations) come back next to their fields.
 */
export function IndicatorForm(props: {
  initial: IndicatorFormState;
  indicatorId?: string;
  version?: number;
  submitLabel: string;
  onSaved: (indicator: IndicatorDetail) => void;
}) {
  const { t } = useT();
  const [state, setState] = useState(props.initial);
  const set = (change: Partial<IndicatorFormState>) => setState((current) => ({ ...current, ...change }));
  const create = useSubmit(indicatorFieldsSchema, (input) => api.post<IndicatorDetail>('/api/indicators', input));
  const update = useSubmit(updateIndicatorSchema, (input) =>
    api.put<IndicatorDetail>(`/api/indicators/${props.indicatorId}`, input),
  );
  const form = props.indicatorId ? update : create;
  // An edit's problems are under "fields."; shown next to the same controls as a creation's.
  const errors = Object.fromEntries(
    Object.entries(form.fieldErrors).map(([path, message]) => [path.replace(/^fields\./, ''), message]),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const numbers = Object.fromEntries(numberFields.map((field) => [field, parseNumber(state[field])]));
    const bad = numberFields.filter((field) => Number.isNaN(numbers[field]));
    if (bad.length > 0) {
      form.setFieldErrors(Object.fromEntries(bad.map((field) => [field, t('issues.invalidNumber')])));
      return;
    }
    const fields = {
      code: state.code,
      title: state.title,
      description: state.description,
      type: state.type,
      unit: state.unit,
      ...numbers,
      frequency: state.frequency,
      ownerEntityId: state.owner?.id ?? '',
      dimensions: state.dimensions.map(dimensionOfDraft),
      byPlace: state.byPlace,
      sdgCodes: state.sdg.map((item) => item.code),
      recommendationIds: [...state.recommendations.map((item) => item.id), ...state.hiddenRecommendationIds],
    };
    const saved = props.indicatorId
      ? await update.submit({ version: props.version, fields })
      : await create.submit(fields);
    if (saved) props.onSaved(saved);
  }

  const textField = (name: 'code' | 'title' | 'unit', label: string, max: number, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type="text"
          required
          maxLength={max}
          dir={name === 'code' ? 'ltr' : undefined}
          value={state[name]}
          onChange={(event) => set({ [name]: event.target.value } as Partial<IndicatorFormState>)}
        />
      )}
    </Field>
  );
  const numberField = (name: (typeof numberFields)[number], label: string) => (
    <Field name={name} label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          dir="ltr"
          value={state[name]}
          onChange={(event) => set({ [name]: event.target.value } as Partial<IndicatorFormState>)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy} className="card">
      <ErrorMessage error={form.error} />
      <div className="form-grid">
        {textField('code', t('indicators.fields.code'), 50, t('indicators.codeHint'))}
        {textField('unit', t('indicators.fields.unit'), 100, t('indicators.unitHint'))}
      </div>
      {textField('title', t('indicators.fields.title'), 500)}
      <Field name="description" label={t('indicators.fields.description')} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={state.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        )}
      </Field>
      <div className="form-grid">
        <SelectField
          name="type"
          label={t('indicators.fields.type')}
          hint={t('indicators.typeHint')}
          error={errors.type}
          value={state.type}
          onChange={(type) => set({ type })}
          options={indicatorTypes.map((type) => ({ value: type, label: t(`indicators.type.${type}`) }))}
        />
        <SelectField
          name="frequency"
          label={t('indicators.fields.frequency')}
          hint={t('indicators.frequencyHint')}
          error={errors.frequency}
          value={state.frequency}
          onChange={(frequency) => set({ frequency })}
          options={indicatorFrequencies.map((frequency) => ({
            value: frequency,
            label: t(`indicators.frequency.${frequency}`),
          }))}
        />
      </div>
      <fieldset>
        <legend>{t('indicators.baselineAndTarget')}</legend>
        <div className="form-grid">
          {numberField('baselineValue', t('indicators.fields.baselineValue'))}
          {numberField('baselineYear', t('indicators.fields.baselineYear'))}
          {numberField('targetValue', t('indicators.fields.targetValue'))}
          {numberField('targetYear', t('indicators.fields.targetYear'))}
        </div>
      </fieldset>
      <EntityChoice
        name="ownerEntityId"
        label={t('indicators.fields.owner')}
        hint={t('indicators.ownerHint')}
        error={errors.ownerEntityId}
        chosen={state.owner}
        changeLabel={t('indicators.chooseAnotherEntity')}
        onClear={() => set({ owner: null })}
        onChoose={(owner) => set({ owner })}
      />
      <CheckboxField
        name="byPlace"
        label={t('indicators.fields.byPlace')}
        hint={t('indicators.byPlaceHint')}
        checked={state.byPlace}
        onChange={(byPlace) => set({ byPlace })}
        error={errors.byPlace}
      />
      <DimensionsEditor value={state.dimensions} onChange={(dimensions) => set({ dimensions })} errors={errors} />
      <SdgPicker
        value={state.sdg}
        onChange={(sdg) => set({ sdg })}
        error={errors.sdgCodes ?? Object.entries(errors).find(([path]) => path.startsWith('sdgCodes.'))?.[1]}
      />
      <RecommendationLinks
        value={state.recommendations}
        onChange={(recommendations) => set({ recommendations })}
        error={errors.recommendationIds}
      />
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
