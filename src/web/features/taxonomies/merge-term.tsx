import { type FormEvent, useState } from 'react';
import type { Page } from '../../../shared/schemas/common';
import { mergeTermSchema, type Term } from '../../../shared/schemas/taxonomies';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** Taxonomies whose terms recommendations hold by id: a term of these can be merged or removed. */
export function mergeable(taxonomy: string): boolean {
  return taxonomy !== 'sdg' && taxonomy !== 'status';
}

/**
 * Merges a term in use into another of its taxonomy, or removes it from every recommendation
 * (a theme an import made of a line that was no theme), then deletes it. Admins only.
 */
export function MergeTerm(props: {
  term: Term;
  onDone: (result: { into: Term | null; recommendations: number } | null) => void;
}) {
  const { t, locale } = useT();
  const { term } = props;
  const [draft, setDraft] = useDraft({ q: '' });
  const [q, setQ] = useState('');
  const [into, setInto] = useState('');
  const candidates = useApi<Page<Term>>(`/api/taxonomies/${term.taxonomy}/terms`, {
    q: q || undefined,
    page: 1,
    pageSize: 200,
  });
  const form = useSubmit(mergeTermSchema, (input) =>
    api.post<{ recommendations: number }>(`/api/terms/${term.id}/merge`, input),
  );
  const others = (candidates.data?.items ?? []).filter((item) => item.id !== term.id);

  async function submit(event: FormEvent) {
    const target = others.find((item) => String(item.id) === into) ?? null;
    const result = await form.submit({ into: target ? target.id : null, version: term.version }, event);
    if (result) props.onDone({ into: target, recommendations: result.recommendations });
  }

  return (
    <form onSubmit={submit} noValidate className="term-edit">
      <h3>{t('taxonomies.mergeTitle', { code: term.code })}</h3>
      <p>{t('taxonomies.mergeIntro', { count: term.usage })}</p>
      <ErrorMessage error={form.error ?? candidates.error} />
      <div className="filters">
        <Field name="mergeQ" label={t('taxonomies.searchTerms')}>
          {(control) => (
            <input
              {...control}
              type="search"
              value={draft.q}
              onChange={(event) => setDraft({ q: event.target.value })}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                setQ(draft.q.trim());
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={() => setQ(draft.q.trim())}>
            {t('register.search')}
          </button>
        </div>
      </div>
      <Field name="into" label={t('taxonomies.mergeInto')} error={form.fieldErrors.into}>
        {(control) => (
          <select {...control} value={into} onChange={(event) => setInto(event.target.value)}>
            <option value="">{t('taxonomies.removeFromAll')}</option>
            {others.map((item) => (
              <option key={item.id} value={String(item.id)}>
                {`${item.code} — ${pickText(item.label, locale)}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={form.busy}>
          {into
            ? t('taxonomies.mergeConfirm', { code: term.code })
            : t('taxonomies.removeConfirm', { code: term.code })}
        </button>
        <button type="button" className="button-secondary" onClick={() => props.onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
