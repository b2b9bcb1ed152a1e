import { useState } from 'react';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { type SharedPractice, sharedPracticeInputSchema } from '../../../shared/schemas/federation';
import { governmentLevels, hubThemes, type PracticePayload } from '../../../shared/schemas/hub';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

export const emptyPractice: PracticePayload = {
  level: 'national',
  themes: [],
  texts: {},
  contact: null,
  links: [],
  source: null,
};

/**
 * A practice the national instance shares, written with the hub's own shape (practicePayloadSchema):
 * its texts per language (one language edited at a time), level, themes, contact, source and links.
 */
export function PracticeForm(props: { editing: SharedPractice | null; onSaved: (saved: SharedPractice) => void }) {
  const { t, locale } = useT();
  const [values, setValues] = useState<PracticePayload>(props.editing?.practice ?? emptyPractice);
  const [shared, setShared] = useState(props.editing?.shared ?? true);
  const [language, setLanguage] = useState<Locale>(
    (Object.keys(props.editing?.practice.texts ?? {})[0] as Locale | undefined) ?? locale,
  );
  const [linksText, setLinksText] = useState(
    (props.editing?.practice.links ?? []).map((link) => `${link.url} ${link.label}`).join('\n'),
  );
  const form = useSubmit(sharedPracticeInputSchema, (input) =>
    props.editing
      ? api.put<SharedPractice>(`/api/federation/practices/${props.editing.id}`, {
          ...input,
          version: props.editing.version,
        })
      : api.post<SharedPractice>('/api/federation/practices', input),
  );
  const text = values.texts[language] ?? { title: '', summary: '', body: '' };
  const setText = (patch: Partial<typeof text>) => {
    const next = { ...text, ...patch };
    const texts = { ...values.texts };
    if (!next.title && !next.summary && !next.body) delete texts[language];
    else texts[language] = next;
    setValues({ ...values, texts });
  };
  const error = (path: string) => form.fieldErrors[path];

  async function submit(event: React.FormEvent) {
    const links = linksText
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [url = '', ...label] = line.split(/\s+/);
        return { url, label: label.join(' ') || url };
      });
    const saved = await form.submit({ practice: { ...values, links }, shared }, event);
    if (saved) props.onSaved(saved);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy} className="form-grid">
      <ErrorMessage error={form.error} />
      <Field name="language" label={t('federation.practice.language')} hint={t('federation.practice.languageHint')}>
        {(control) => (
          <select {...control} value={language} onChange={(event) => setLanguage(event.target.value as Locale)}>
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {localeNames[code]}
                {values.texts[code] ? ' ✓' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="title"
        label={t('federation.practice.title')}
        error={error(`practice.texts.${language}.title`) ?? error('practice.texts')}
      >
        {(control) => (
          <input
            {...control}
            lang={language}
            value={text.title}
            onChange={(event) => setText({ title: event.target.value })}
          />
        )}
      </Field>
      <Field
        name="summary"
        label={t('federation.practice.summary')}
        error={error(`practice.texts.${language}.summary`)}
      >
        {(control) => (
          <textarea
            {...control}
            lang={language}
            rows={3}
            value={text.summary}
            onChange={(event) => setText({ summary: event.target.value })}
          />
        )}
      </Field>
      <Field
        name="body"
        label={t('federation.practice.body')}
        hint={t('federation.practice.bodyHint')}
        error={error(`practice.texts.${language}.body`)}
      >
        {(control) => (
          <textarea
            {...control}
            lang={language}
            rows={8}
            value={text.body}
            onChange={(event) => setText({ body: event.target.value })}
          />
        )}
      </Field>
      <Field name="level" label={t('federation.practice.level')} error={error('practice.level')}>
        {(control) => (
          <select
            {...control}
            value={values.level}
            onChange={(event) => setValues({ ...values, level: event.target.value as PracticePayload['level'] })}
          >
            {governmentLevels.map((level) => (
              <option key={level} value={level}>
                {t(`federation.levels.${level}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend>{t('federation.practice.themes')}</legend>
        {error('practice.themes') ? <p className="field-error">{error('practice.themes')}</p> : null}
        {hubThemes.map((theme) => (
          <label key={theme} className="checkbox">
            <input
              type="checkbox"
              checked={values.themes.includes(theme)}
              onChange={(event) =>
                setValues({
                  ...values,
                  themes: event.target.checked ? [...values.themes, theme] : values.themes.filter((x) => x !== theme),
                })
              }
            />{' '}
            {t(`hubThemes.${theme}`)}
          </label>
        ))}
      </fieldset>
      <Field name="contact" label={t('federation.practice.contact')} error={error('practice.contact')}>
        {(control) => (
          <input
            {...control}
            value={values.contact ?? ''}
            onChange={(event) => setValues({ ...values, contact: event.target.value || null })}
          />
        )}
      </Field>
      <Field
        name="source"
        label={t('federation.practice.source')}
        hint={t('federation.practice.sourceHint')}
        error={error('practice.source')}
      >
        {(control) => (
          <input
            {...control}
            value={values.source ?? ''}
            onChange={(event) => setValues({ ...values, source: event.target.value || null })}
          />
        )}
      </Field>
      <Field
        name="links"
        label={t('federation.practice.links')}
        hint={t('federation.practice.linksHint')}
        error={Object.entries(form.fieldErrors).find(([path]) => path.startsWith('practice.links'))?.[1]}
      >
        {(control) => (
          <textarea
            {...control}
            dir="ltr"
            rows={3}
            value={linksText}
            onChange={(event) => setLinksText(event.target.value)}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />{' '}
        {t('federation.practice.shared')}
      </label>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('federation.practice.save')}
        </button>
      </div>
    </form>
  );
}
