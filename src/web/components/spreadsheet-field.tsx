import { useId } from 'react';
import { useT } from '../i18n/i18n-provider';

/**
 * The CSV or XLSX file of an import (entities, observations), with the "required" message when
 * the form is sent without one. Choosing another file drops the previous preview (`onChange`).
 */
export function SpreadsheetField(props: { label: string; missing: boolean; onChange: (file: File | null) => void }) {
  const { t } = useT();
  const id = useId();
  return (
    <div className={`field${props.missing ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx"
        aria-invalid={props.missing || undefined}
        aria-describedby={props.missing ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.files?.[0] ?? null)}
      />
      {props.missing ? (
        <p className="field-error" id={`${id}-error`}>
          {t('issues.required')}
        </p>
      ) : null}
    </div>
  );
}
