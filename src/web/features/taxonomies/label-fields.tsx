import { directionOf, type Locale, languageName, locales } from '../../../shared/i18n/locales';
import { Field } from '../../components/field';
import { useT } from '../../i18n/i18n-provider';

export type Labels = Partial<Record<Locale, string>>;

/** One text box per UN language, each marked with its language and direction. */
export function LabelFields(props: {
  legend: string;
  value: Labels;
  errors: Record<string, string>;
  errorPrefix: string;
  onChange: (value: Labels) => void;
}) {
  const { t, locale } = useT();
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="form-grid">
        {locales.map((code) => (
          <Field
            key={code}
            name={`${props.errorPrefix}.${code}`}
            label={t('taxonomies.labelIn', { language: languageName(code, locale) })}
            error={props.errors[`${props.errorPrefix}.${code}`]}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                lang={code}
                dir={directionOf(code)}
                required={code === 'en'}
                value={props.value[code] ?? ''}
                onChange={(event) => props.onChange({ ...props.value, [code]: event.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

/** Empty boxes are not sent: a missing language falls back to English when shown. */
export function trimLabels(value: Labels): Labels {
  return Object.fromEntries(
    Object.entries(value)
      .map(([code, text]) => [code, (text ?? '').trim()])
      .filter(([, text]) => text),
  ) as Labels;
}
