import { type FormEvent, useState } from 'react';
import { directionOf, type Locale, languageName } from '../../../shared/i18n/locales';
import { type Term, updateTermSchema } from '../../../shared/schemas/taxonomies';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { trimLabels } from './label-fields';

/**
 * A term's label in one language, typed in its row of the "untranslated in …" list: one box in
 * that language's script and direction, saved at the term's version with the other languages kept.
 */
export function TranslateTerm(props: { term: Term; language: Locale; onSaved: (saved: Term) => void }) {
  const { t, locale } = useT();
  const { term, language } = props;
  const [text, setText] = useState(term.label[language] ?? '');
  const form = useSubmit(updateTermSchema, (input) => api.patch<Term>(`/api/terms/${term.id}`, input));
  const name = languageName(language, locale);

  async function submit(event: FormEvent) {
    if (!text.trim()) return;
    const saved = await form.submit(
      { label: trimLabels({ ...term.label, [language]: text }), version: term.version },
      event,
    );
    if (saved) props.onSaved(saved);
  }

  return (
    <form onSubmit={submit} noValidate className="translate-term">
      <ErrorMessage error={form.error} />
      <input
        type="text"
        lang={language}
        dir={directionOf(language)}
        aria-label={t('taxonomies.translateLabel', { code: term.code, language: name })}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button-small" disabled={form.busy || !text.trim()}>
        {t('common.save')}
      </button>
    </form>
  );
}
