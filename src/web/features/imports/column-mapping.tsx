import type { ImportPreview } from '../../../shared/schemas/imports';
import { mappableFields } from '../../../shared/schemas/imports';
import { DateInput } from '../../components/date-input';
import { Field } from '../../components/field';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import type { WizardChoices } from './wizard-options';

interface SavedMapping {
  id: string;
  name: string;
  mapping: Record<string, string>;
}

/** For a spreadsheet of unknown shape: which column holds which field, and the review it belongs to. */
export function ColumnMapping(props: {
  preview: ImportPreview;
  choices: WizardChoices;
  errors: Record<string, string>;
  onChange: (choices: WizardChoices) => void;
}) {
  const { t } = useT();
  const saved = useApi<SavedMapping[]>('/api/imports/mappings');
  const headers = props.preview.headers ?? [];
  const mapping = props.choices.columnMapping ?? props.preview.suggestedMapping ?? {};
  const setField = (field: string, header: string) =>
    props.onChange({ ...props.choices, columnMapping: { ...mapping, [field]: header } });
  const setReview = (key: keyof WizardChoices['review'], value: string) =>
    props.onChange({ ...props.choices, review: { ...props.choices.review, [key]: value } });

  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('imports.mapping')}</h2>
      <p>{t('imports.mappingIntro')}</p>
      {saved.data && saved.data.length > 0 ? (
        <Field name="savedMapping" label={t('imports.savedMappings')}>
          {(control) => (
            <select
              {...control}
              value=""
              onChange={(event) => {
                const chosen = saved.data?.find((item) => item.id === event.target.value);
                if (chosen) props.onChange({ ...props.choices, columnMapping: { ...chosen.mapping } });
              }}
            >
              <option value="">{t('imports.chooseSavedMapping')}</option>
              {(saved.data ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <fieldset>
        <legend>{t('imports.columns')}</legend>
        <div className="form-grid">
          {mappableFields.map((field) => (
            <Field
              key={field}
              name={`columnMapping.${field}`}
              label={t(`imports.field.${field}`)}
              error={props.errors[`columnMapping.${field}`]}
            >
              {(control) => (
                <select
                  {...control}
                  value={mapping[field] ?? ''}
                  onChange={(event) => setField(field, event.target.value)}
                >
                  <option value="">{t('imports.noColumn')}</option>
                  {headers.map((header) => (
                    <option key={header} value={header}>
                      {header}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('imports.reviewDefaults')}</legend>
        <p className="field-hint">{t('imports.reviewDefaultsHint')}</p>
        <div className="form-grid">
          <Field name="review.bodyCode" label={t('imports.review.bodyCode')} error={props.errors['review.bodyCode']}>
            {(control) => (
              <input
                {...control}
                type="text"
                dir="ltr"
                value={props.choices.review.bodyCode}
                onChange={(event) => setReview('bodyCode', event.target.value)}
              />
            )}
          </Field>
          <Field name="review.symbol" label={t('imports.review.symbol')} error={props.errors['review.symbol']}>
            {(control) => (
              <input
                {...control}
                type="text"
                dir="ltr"
                value={props.choices.review.symbol}
                onChange={(event) => setReview('symbol', event.target.value)}
              />
            )}
          </Field>
          <Field
            name="review.countryIso2"
            label={t('imports.review.countryIso2')}
            error={props.errors['review.countryIso2']}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                dir="ltr"
                maxLength={2}
                value={props.choices.review.countryIso2}
                onChange={(event) => setReview('countryIso2', event.target.value)}
              />
            )}
          </Field>
          <Field name="review.cycle" label={t('imports.review.cycle')} error={props.errors['review.cycle']}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={9}
                value={props.choices.review.cycle}
                onChange={(event) => setReview('cycle', event.target.value)}
              />
            )}
          </Field>
          <Field name="review.date" label={t('imports.review.date')} error={props.errors['review.date']}>
            {(control) => (
              <DateInput
                {...control}
                value={props.choices.review.date}
                onChange={(event) => setReview('date', event.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <Field
        name="saveMappingAs"
        label={t('imports.saveMappingAs')}
        hint={t('imports.saveMappingAsHint')}
        error={props.errors.saveMappingAs}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={100}
            value={props.choices.saveMappingAs}
            onChange={(event) => props.onChange({ ...props.choices, saveMappingAs: event.target.value })}
          />
        )}
      </Field>
    </section>
  );
}
