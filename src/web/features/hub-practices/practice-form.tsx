import { useState } from 'react';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { type GovernmentLevel, governmentLevels, type HubTheme, hubThemes } from '../../../shared/schemas/hub';
import { Field, SelectField } from '../../components/field';
import { RichTextEditor } from '../../components/rich-text-editor';
import { useT } from '../../i18n/i18n-provider';

export interface PracticeText {
  title: string;
  summary: string;
  body: string;
}
export interface PracticeFormState {
  memberId: string;
  originalLocale: Locale;
  level: GovernmentLevel;
  themes: HubTheme[];
  texts: Partial<Record<Locale, PracticeText>>;
  contact: string;
  links: { url: string; label: string }[];
  source: string;
}

export const emptyText: PracticeText = { title: '', summary: '', body: '' };

/** The form's state as the API's payload (practicePayloadSchema): languages left empty are not sent. */
export function payloadOf(form: PracticeFormState) {
  const texts = Object.fromEntries(
    Object.entries(form.texts).filter(
      ([locale, text]) => locale === form.originalLocale || (text && (text.title.trim() || text.summary.trim())),
    ),
  );
  return {
    originalLocale: form.originalLocale,
    level: form.level,
    themes: form.themes,
    texts,
    contact: form.contact.trim() || null,
    links: form.links.filter((link) => link.url.trim() || link.label.trim()),
    source: form.source.trim() || null,
  };
}

/**
 * A practice's content: the facets, then the text per language (a tab per language, the original
 * marked), then links, contact and source. The body is the shared small rich-text editor; the
 * server sanitises whatever it sends.
 */
export function PracticeForm(props: {
  form: PracticeFormState;
  onChange: (form: PracticeFormState) => void;
  members?: { id: string; name: string; countryCode: string }[];
  errors: Record<string, string>;
}) {
  const { t } = useT();
  const { form, onChange } = props;
  const [editing, setEditing] = useState<Locale>(form.originalLocale);
  const text = form.texts[editing] ?? emptyText;
  const setText = (change: Partial<PracticeText>) =>
    onChange({ ...form, texts: { ...form.texts, [editing]: { ...text, ...change } } });
  const set = (change: Partial<PracticeFormState>) => onChange({ ...form, ...change });

  return (
    <div className="stack">
      {props.members && props.members.length > 1 ? (
        <SelectField
          name="memberId"
          label={t('hubPractices.public.member')}
          value={form.memberId}
          onChange={(memberId) => set({ memberId })}
          options={props.members.map((member) => ({
            value: member.id,
            label: `${member.name} (${member.countryCode})`,
          }))}
          error={props.errors.memberId}
        />
      ) : null}
      <SelectField
        name="level"
        label={t('hubPractices.facet.level')}
        value={form.level}
        onChange={(level) => set({ level })}
        options={governmentLevels.map((value) => ({ value, label: t(`hubPractices.level.${value}`) }))}
      />
      <fieldset>
        <legend>{t('hubPractices.public.themes')}</legend>
        {props.errors.themes ? <p className="field-error">{props.errors.themes}</p> : null}
        <div className="choice-list">
          {hubThemes.map((theme) => (
            <label key={theme}>
              <input
                type="checkbox"
                checked={form.themes.includes(theme)}
                onChange={(event) =>
                  set({
                    themes: event.target.checked ? [...form.themes, theme] : form.themes.filter((one) => one !== theme),
                  })
                }
              />
              <span>{t(`hubThemes.${theme}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        name="originalLocale"
        label={t('hubPractices.app.originalLocale')}
        hint={t('hubPractices.app.originalHint')}
        value={form.originalLocale}
        onChange={(originalLocale) => set({ originalLocale })}
        options={locales.map((value) => ({ value, label: localeNames[value] }))}
      />
      <fieldset>
        <legend>{t('hubPractices.app.texts')}</legend>
        <nav className="button-row" aria-label={t('hubPractices.app.languageTabs')}>
          {locales.map((locale) => (
            <button
              key={locale}
              type="button"
              lang={locale}
              className={locale === editing ? 'button' : 'button-secondary'}
              aria-pressed={locale === editing}
              onClick={() => setEditing(locale)}
            >
              {localeNames[locale]}
              {locale === form.originalLocale ? ` · ${t('hubPractices.public.original')}` : ''}
              {form.texts[locale]?.title ? ' ✓' : ''}
            </button>
          ))}
        </nav>
        <div lang={editing} key={editing}>
          <Field name="title" label={t('hubPractices.app.title')} error={props.errors[`texts.${editing}.title`]}>
            {(control) => (
              <input
                {...control}
                value={text.title}
                maxLength={300}
                onChange={(event) => setText({ title: event.target.value })}
              />
            )}
          </Field>
          <Field name="summary" label={t('hubPractices.app.summary')} error={props.errors[`texts.${editing}.summary`]}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={text.summary}
                onChange={(event) => setText({ summary: event.target.value })}
              />
            )}
          </Field>
          <RichTextEditor
            label={t('hubPractices.app.body')}
            value={text.body}
            onChange={(body) => setText({ body })}
            error={props.errors[`texts.${editing}.body`]}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('hubPractices.public.links')}</legend>
        {form.links.map((link, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place.
          <div className="button-row" key={index}>
            <Field
              name={`links.${index}.url`}
              label={t('hubPractices.app.linkUrl')}
              error={props.errors[`links.${index}.url`]}
            >
              {(control) => (
                <input
                  {...control}
                  dir="ltr"
                  type="url"
                  value={link.url}
                  onChange={(event) =>
                    set({
                      links: form.links.map((one, at) => (at === index ? { ...one, url: event.target.value } : one)),
                    })
                  }
                />
              )}
            </Field>
            <Field name={`links.${index}.label`} label={t('hubPractices.app.linkLabel')}>
              {(control) => (
                <input
                  {...control}
                  value={link.label}
                  onChange={(event) =>
                    set({
                      links: form.links.map((one, at) => (at === index ? { ...one, label: event.target.value } : one)),
                    })
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="button-secondary"
              onClick={() => set({ links: form.links.filter((_one, at) => at !== index) })}
            >
              {t('hubPractices.app.removeLink')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button-secondary"
          onClick={() => set({ links: [...form.links, { url: 'https://', label: '' }] })}
        >
          {t('hubPractices.app.addLink')}
        </button>
      </fieldset>
      <Field name="contact" label={t('hubPractices.public.contact')}>
        {(control) => (
          <input
            {...control}
            value={form.contact}
            maxLength={300}
            onChange={(event) => set({ contact: event.target.value })}
          />
        )}
      </Field>
      <Field name="source" label={t('hubPractices.public.source')} hint={t('hubPractices.app.sourceHint')}>
        {(control) => (
          <input
            {...control}
            value={form.source}
            maxLength={500}
            onChange={(event) => set({ source: event.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
