import { useCallback } from 'react';
import type { z } from 'zod';
import type { Page } from '../../../shared/schemas/common';
import type { termRefSchema } from '../../../shared/schemas/register';
import type { Term } from '../../../shared/schemas/taxonomies';
import { api } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { pickText } from '../../components/localized';
import { useT } from '../../i18n/i18n-provider';

export type TermRef = z.infer<typeof termRefSchema>;

const optionsShown = 8;

/** The terms chosen from one taxonomy, as removable chips, and a search over its terms on the server. */
export function TermPicker(props: {
  taxonomy: string;
  legend: string;
  label: string;
  value: TermRef[];
  error?: string | undefined;
  onChange: (next: TermRef[]) => void;
}) {
  const { t, locale } = useT();
  const { taxonomy } = props;
  const load = useCallback(
    (text: string, signal: AbortSignal) =>
      api.get<Page<Term>>(`/api/taxonomies/${taxonomy}/terms`, { q: text, pageSize: optionsShown }, signal),
    [taxonomy],
  );
  const chosen = new Set(props.value.map((term) => term.id));

  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.value.length > 0 ? (
        <ul className="chip-list">
          {props.value.map((term) => (
            <li key={term.id} className="chip">
              <span>{term.label}</span>
              <button
                type="button"
                className="button-link"
                aria-label={t('recommendation.removeTerm', { name: term.label })}
                onClick={() => props.onChange(props.value.filter((item) => item.id !== term.id))}
              >
                {t('recommendation.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">{t('common.none')}</p>
      )}
      <Combobox<Term>
        name={`${taxonomy}-term`}
        label={props.label}
        hint={t('recommendation.termSearchHint')}
        error={props.error}
        load={load}
        keyOf={(term) => String(term.id)}
        render={(term) => pickText(term.label, locale) || term.code}
        unavailable={(term) => (chosen.has(term.id) ? t('recommendation.termAlready') : null)}
        onChoose={(term) =>
          props.onChange([
            ...props.value,
            { id: term.id, taxonomy: term.taxonomy, code: term.code, label: pickText(term.label, locale) || term.code },
          ])
        }
      />
    </fieldset>
  );
}
