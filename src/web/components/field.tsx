import { type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  /**
   * What people type runs in its own direction (an English title on an Arabic page): "auto". A
   * control for codes or numbers says dir="ltr" after the spread.
   */
  dir: 'auto';
}

/** A labelled form control with its hint and its problem, both tied to it by aria-describedby. */
export function Field(props: {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.children({
        id,
        name: props.name,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy,
        dir: 'auto',
      })}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** One checkbox with its label, a hint under the label, and its problem. */
export function CheckboxField(props: {
  name: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}) {
  return (
    <div className="choice-list">
      <label>
        <input
          type="checkbox"
          name={props.name}
          checked={props.checked}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <span>
          {props.label}
          <span className="block subtle">{props.hint}</span>
        </span>
      </label>
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled choice among `options` (value and label each), with its hint and its problem. */
export function SelectField<T extends string>(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: T;
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
}) {
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
