import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import { Field, SelectField } from './field';

/**
 * The filters above a server-paged list: applied on submit (one request, not one per keystroke),
 * cleared back to `empty` with the second button when given.
 */
export function FilterForm<D extends Record<string, string>>(props: {
  draft: D;
  apply: (filters: D) => void;
  setDraft: (draft: D) => void;
  empty?: D;
  children: ReactNode;
}) {
  const { t } = useT();
  const { empty } = props;
  return (
    <search aria-label={t('common.filters')}>
      <form
        className="filters card"
        onSubmit={(event) => {
          event.preventDefault();
          props.apply(props.draft);
        }}
      >
        {props.children}
        <div className="form-actions">
          <button type="submit">{t('common.apply')}</button>
          {empty ? (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                props.setDraft(empty);
                props.apply(empty);
              }}
            >
              {t('common.clear')}
            </button>
          ) : null}
        </div>
      </form>
    </search>
  );
}

export function TextFilter(props: { name: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Field name={props.name} label={props.label}>
      {(control) => (
        <input
          {...control}
          type="search"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A choice among `options`, or all of them (the empty value). */
export function SelectFilter(props: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string | number; label: string }[];
}) {
  const { t } = useT();
  return (
    <SelectField
      name={props.name}
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      options={[
        { value: '', label: t('common.all') },
        ...props.options.map((option) => ({ value: String(option.value), label: option.label })),
      ]}
    />
  );
}
