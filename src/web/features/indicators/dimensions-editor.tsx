import { builtinDimensions, isBuiltinDimension } from '../../../shared/schemas/indicators';
import { Field } from '../../components/field';
import type { FieldErrors } from '../../components/forms';
import { useT } from '../../i18n/i18n-provider';

/** One dimension as the form holds it: values as typed, one a line. */
export interface DimensionDraft {
  /** A built-in key, or 'custom' while the row is a custom dimension. */
  choice: string;
  customKey: string;
  label: string;
  values: string;
}

export const emptyDimension: DimensionDraft = { choice: 'sex', customKey: '', label: '', values: '' };

export function draftOfDimension(dimension: { key: string; label?: string | undefined; values: string[] }) {
  const builtin = isBuiltinDimension(dimension.key);
  return {
    choice: builtin ? dimension.key : 'custom',
    customKey: builtin ? '' : dimension.key,
    label: dimension.label ?? '',
    values: dimension.values.join('\n'),
  };
}

export function dimensionOfDraft(draft: DimensionDraft) {
  const custom = draft.choice === 'custom';
  return {
    key: custom ? draft.customKey : draft.choice,
    label: custom ? draft.label : undefined,
    values: draft.values
      .split('\n')
      .map((value) => value.trim())
      .filter(Boolean),
  };
}

/**
 * The dimensions an indicator is disaggregated by (sex, age group, disability, or the NMIRF's
 * own) and the values each may take. Place is not here: it is the "by LRG" choice of the form.
 */
export function DimensionsEditor(props: {
  value: DimensionDraft[];
  onChange: (value: DimensionDraft[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useT();
  const { value, errors } = props;
  const change = (index: number, patch: Partial<DimensionDraft>) =>
    props.onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const errorOf = (index: number, field: string) =>
    errors[`dimensions.${index}.${field}`] ?? (field === 'values' ? errors[`dimensions.${index}`] : undefined);

  return (
    <fieldset>
      <legend>{t('indicators.fields.dimensions')}</legend>
      <p className="field-hint">{t('indicators.dimensionsHint')}</p>
      {errors.dimensions ? (
        <p className="field-error" role="alert">
          {errors.dimensions}
        </p>
      ) : null}
      {value.length === 0 ? <p className="subtle">{t('indicators.noDimensions')}</p> : null}
      <ol className="link-list">
        {value.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; order is the identity.
          <li key={index} className="card">
            <div className="form-grid">
              <Field name={`dimension-${index}`} label={t('indicators.dimensionKind')}>
                {(control) => (
                  <select
                    {...control}
                    value={row.choice}
                    onChange={(event) => change(index, { choice: event.target.value })}
                  >
                    {builtinDimensions.map((key) => (
                      <option key={key} value={key}>
                        {t(`indicators.dimension.${key}`)}
                      </option>
                    ))}
                    <option value="custom">{t('indicators.dimensionCustom')}</option>
                  </select>
                )}
              </Field>
              {row.choice === 'custom' ? (
                <>
                  <Field
                    name={`dimension-${index}-label`}
                    label={t('indicators.dimensionLabel')}
                    error={errorOf(index, 'label')}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="text"
                        maxLength={100}
                        value={row.label}
                        onChange={(event) => change(index, { label: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    name={`dimension-${index}-key`}
                    label={t('indicators.dimensionKey')}
                    hint={t('indicators.dimensionKeyHint')}
                    error={errorOf(index, 'key')}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="text"
                        dir="ltr"
                        maxLength={40}
                        value={row.customKey}
                        onChange={(event) => change(index, { customKey: event.target.value })}
                      />
                    )}
                  </Field>
                </>
              ) : null}
            </div>
            <Field
              name={`dimension-${index}-values`}
              label={t('indicators.dimensionValues')}
              hint={t('indicators.dimensionValuesHint')}
              error={errorOf(index, 'values')}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={4}
                  value={row.values}
                  onChange={(event) => change(index, { values: event.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="button-link"
              onClick={() => props.onChange(value.filter((_, i) => i !== index))}
            >
              {t('indicators.removeDimension')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button-secondary"
        disabled={value.length >= 10}
        onClick={() => props.onChange([...value, emptyDimension])}
      >
        {t('indicators.addDimension')}
      </button>
    </fieldset>
  );
}
