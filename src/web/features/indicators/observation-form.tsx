import { type FormEvent, useState } from 'react';
import type { EntityRef } from '../../../shared/schemas/entities';
import {
  type IndicatorDetail,
  type Observation,
  observationFieldsSchema,
  updateObservationSchema,
} from '../../../shared/schemas/indicators';
import { api } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { EntityPicker } from '../assignments/entity-picker';
import { useDimensionLabel } from './labels';
import { parseNumber } from './numbers';

interface ObservationFormState {
  periodStart: string;
  periodEnd: string;
  value: string;
  lowerBound: string;
  upperBound: string;
  /** null: national. */
  place: EntityRef | null;
  disaggregation: Record<string, string>;
  source: string;
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

function initialState(indicator: IndicatorDetail, observation?: Observation): ObservationFormState {
  if (observation)
    return {
      periodStart: observation.periodStart,
      periodEnd: observation.periodEnd,
      value: text(observation.value),
      lowerBound: text(observation.lowerBound),
      upperBound: text(observation.upperBound),
      place: observation.place,
      disaggregation: observation.disaggregation,
      source: observation.source ?? '',
    };
  const year = new Date().getUTCFullYear() - 1;
  return {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    value: '',
    lowerBound: '',
    upperBound: '',
    // Someone who enters only for their own LRG starts there.
    place: indicator.canEnterNational ? null : (indicator.enterablePlaces[0] ?? null),
    disaggregation: {},
    source: '',
  };
}

const numberFields = ['value', 'lowerBound', 'upperBound'] as const;

/**
 * One observation, added or corrected: a period, a value with its bounds, national or one LRG,
 * a value for any of the indicator's dimensions (none is the total). The server checks the place,
 * the values and overlapping periods again and says which field is wrong.
 */
export function ObservationForm(props: {
  indicator: IndicatorDetail;
  observation?: Observation;
  onSaved: (observation: Observation) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const { indicator, observation } = props;
  const dimensionLabel = useDimensionLabel();
  const [state, setState] = useState(() => initialState(indicator, observation));
  const set = (change: Partial<ObservationFormState>) => setState((current) => ({ ...current, ...change }));
  const base = `/api/indicators/${indicator.id}/observations`;
  const create = useSubmit(observationFieldsSchema, (input) => api.post<Observation>(base, input));
  const update = useSubmit(updateObservationSchema, (input) =>
    api.put<Observation>(`${base}/${observation?.id}`, input),
  );
  const form = observation ? update : create;
  const errors = Object.fromEntries(
    Object.entries(form.fieldErrors).map(([path, message]) => [path.replace(/^fields\./, ''), message]),
  );
  // The secretariat and the data owner enter for any LRG; an LRG's own people for theirs only.
  const anyPlace = indicator.canEnterNational;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const numbers = Object.fromEntries(numberFields.map((field) => [field, parseNumber(state[field])]));
    const bad = numberFields.filter((field) => Number.isNaN(numbers[field]));
    if (bad.length > 0) {
      form.setFieldErrors(Object.fromEntries(bad.map((field) => [field, t('issues.invalidNumber')])));
      return;
    }
    const fields = {
      periodStart: state.periodStart,
      periodEnd: state.periodEnd,
      value: numbers.value ?? undefined,
      lowerBound: numbers.lowerBound,
      upperBound: numbers.upperBound,
      placeId: state.place?.id ?? null,
      disaggregation: Object.fromEntries(Object.entries(state.disaggregation).filter(([, value]) => value)),
      source: state.source,
    };
    const saved = observation
      ? await update.submit({ version: observation.version, fields })
      : await create.submit(fields);
    if (saved) props.onSaved(saved);
  }

  const numberField = (name: (typeof numberFields)[number], label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          dir="ltr"
          required={name === 'value'}
          value={state[name]}
          onChange={(event) => set({ [name]: event.target.value } as Partial<ObservationFormState>)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy} className="card">
      <ErrorMessage error={form.error} />
      <div className="form-grid">
        <Field name="periodStart" label={t('indicators.fields.periodStart')} error={errors.periodStart}>
          {(control) => (
            <DateInput
              {...control}
              required
              value={state.periodStart}
              onChange={(event) => set({ periodStart: event.target.value })}
            />
          )}
        </Field>
        <Field name="periodEnd" label={t('indicators.fields.periodEnd')} error={errors.periodEnd}>
          {(control) => (
            <DateInput
              {...control}
              required
              value={state.periodEnd}
              onChange={(event) => set({ periodEnd: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="form-grid">
        {numberField('value', t('indicators.fields.valueIn', { unit: indicator.unit }))}
        {numberField('lowerBound', t('indicators.fields.lowerBound'), t('indicators.boundsHint'))}
        {numberField('upperBound', t('indicators.fields.upperBound'))}
      </div>
      {indicator.byPlace ? (
        <PlaceChoice
          anyPlace={anyPlace}
          places={indicator.enterablePlaces}
          value={state.place}
          error={errors.placeId}
          onChange={(place) => set({ place })}
        />
      ) : null}
      {indicator.dimensions.length > 0 ? (
        <fieldset>
          <legend>{t('indicators.fields.disaggregation')}</legend>
          <p className="field-hint">{t('indicators.disaggregationHint')}</p>
          <div className="form-grid">
            {indicator.dimensions.map((dimension) => (
              <Field
                key={dimension.key}
                name={`disaggregation-${dimension.key}`}
                label={dimensionLabel(dimension)}
                error={errors[`disaggregation.${dimension.key}`]}
              >
                {(control) => (
                  <select
                    {...control}
                    value={state.disaggregation[dimension.key] ?? ''}
                    onChange={(event) =>
                      set({ disaggregation: { ...state.disaggregation, [dimension.key]: event.target.value } })
                    }
                  >
                    <option value="">{t('indicators.total')}</option>
                    {dimension.values.map((value) => (
                      <option key={value} value={value}>
                        {value}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ) : null}
      <Field name="source" label={t('indicators.fields.source')} error={errors.source}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={500}
            value={state.source}
            onChange={(event) => set({ source: event.target.value })}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {observation ? t('common.save') : t('indicators.addObservation')}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** National or one LRG: any LRG (found by name) for the secretariat and the owner, else one's own. */
function PlaceChoice(props: {
  anyPlace: boolean;
  places: EntityRef[];
  value: EntityRef | null;
  error: string | undefined;
  onChange: (place: EntityRef | null) => void;
}) {
  const { t } = useT();
  if (!props.anyPlace)
    return (
      <Field name="placeId" label={t('indicators.fields.place')} error={props.error}>
        {(control) => (
          <select
            {...control}
            value={props.value?.id ?? ''}
            onChange={(event) => props.onChange(props.places.find((place) => place.id === event.target.value) ?? null)}
          >
            {props.places.map((place) => (
              <option key={place.id} value={place.id}>
                {place.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  return (
    <fieldset>
      <legend>{t('indicators.fields.place')}</legend>
      {props.value ? (
        <div className="chosen-record">
          <p>{props.value.name}</p>
          <button type="button" className="button-link" onClick={() => props.onChange(null)}>
            {t('indicators.makeNational')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('indicators.national')}</p>
          <EntityPicker
            name="placeId"
            lrgOnly
            label={t('indicators.chooseLrg')}
            hint={t('indicators.chooseLrgHint')}
            onChoose={(place) => props.onChange(place)}
          />
        </>
      )}
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
