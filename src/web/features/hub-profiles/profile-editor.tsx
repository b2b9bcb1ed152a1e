import { useState } from 'react';
import { type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { type HubProfileView, updateHubProfileSchema } from '../../../shared/schemas/hub-profiles';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import './hub-profiles.css';

type TextField = 'mandate' | 'legalBasis' | 'composition' | 'secretariat' | 'focalPoints';
const textFields: { name: TextField; labelKey: string; rows: number }[] = [
  { name: 'mandate', labelKey: 'hubProfiles.field.mandate', rows: 8 },
  { name: 'legalBasis', labelKey: 'hubProfiles.field.legalBasis', rows: 3 },
  { name: 'composition', labelKey: 'hubProfiles.field.composition', rows: 6 },
  { name: 'secretariat', labelKey: 'hubProfiles.field.secretariat', rows: 4 },
  { name: 'focalPoints', labelKey: 'hubProfiles.field.focalPoints', rows: 4 },
];

/**
 * A member's profile as the Knowledge Gateway lists it, one tab per UN language: a language left
 * empty is not published in it (the public page shows another, marked). Saved at its version;
 * published or unpublished apart from saving.
 */
export function ProfileEditor(props: { profile: HubProfileView; onChange: (profile: HubProfileView) => void }) {
  const { t, locale } = useT();
  const [values, setValues] = useState(props.profile);
  const [tab, setTab] = useState<Locale>(locale);
  const [notice, setNotice] = useState<string | null>(null);
  const url = `/api/hub/members/${props.profile.memberId}/profile`;
  const save = useSubmit(updateHubProfileSchema, (input) => api.put<HubProfileView>(url, input));
  const publish = useSubmit(updateHubProfileSchema.pick({ version: true }), (input) =>
    api.post<HubProfileView>(`${url}/publication`, { published: !props.profile.published, version: input.version }),
  );

  function changed(profile: HubProfileView, message: string) {
    setValues(profile);
    setNotice(message);
    props.onChange(profile);
  }

  async function handleSave(event: React.FormEvent) {
    setNotice(null);
    const { memberId: _m, published: _p, updatedAt: _u, canEdit: _c, ...input } = values;
    const saved = await save.submit({ ...input, website: input.website || null, source: input.source || null }, event);
    if (saved) changed(saved, t('hubProfiles.editor.saved'));
  }

  async function handlePublish() {
    setNotice(null);
    const done = await publish.submit({ version: values.version });
    if (done)
      changed(done, t(done.published ? 'hubProfiles.editor.publishedNotice' : 'hubProfiles.editor.unpublishedNotice'));
  }

  const setText = (field: TextField, text: string) =>
    setValues({ ...values, [field]: { ...values[field], [tab]: text } });
  const written = (code: Locale) => textFields.some((field) => (values[field.name][code] ?? '').trim() !== '');

  return (
    <section className="card" aria-labelledby="profile-editor-title">
      <h2 id="profile-editor-title">{t('hubProfiles.editor.title')}</h2>
      <p>
        {t(props.profile.published ? 'hubProfiles.editor.isPublished' : 'hubProfiles.editor.isDraft')}{' '}
        <button type="button" className="button-secondary" onClick={handlePublish} disabled={publish.busy}>
          {t(props.profile.published ? 'hubProfiles.editor.unpublish' : 'hubProfiles.editor.publish')}
        </button>
      </p>
      <ErrorMessage error={save.error ?? publish.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      {Object.entries(publish.fieldErrors).map(([field, message]) => (
        <p key={field} className="field-error" role="alert">
          {message}
        </p>
      ))}
      <form onSubmit={handleSave} noValidate aria-busy={save.busy}>
        <div role="tablist" aria-label={t('hubProfiles.editor.languages')} className="hub-tabs">
          {locales.map((code) => (
            <button
              key={code}
              type="button"
              role="tab"
              id={`profile-tab-${code}`}
              aria-selected={tab === code}
              aria-controls="profile-panel"
              lang={code}
              onClick={() => setTab(code)}
            >
              {localeNames[code]}
              {written(code) ? ' ✓' : ''}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="profile-panel" aria-labelledby={`profile-tab-${tab}`} className="hub-texts">
          {textFields.map((field) => (
            <Field
              key={field.name}
              name={`${field.name}.${tab}`}
              label={`${t(field.labelKey)} (${localeNames[tab]})`}
              error={save.fieldErrors[`${field.name}.${tab}`] ?? save.fieldErrors[field.name]}
            >
              {(control) => (
                <textarea
                  {...control}
                  lang={tab}
                  rows={field.rows}
                  value={values[field.name][tab] ?? ''}
                  onChange={(event) => setText(field.name, event.target.value)}
                />
              )}
            </Field>
          ))}
        </div>
        <div className="form-grid">
          <Field name="established" label={t('hubProfiles.field.established')} error={save.fieldErrors.established}>
            {(control) => (
              <input
                {...control}
                dir="ltr"
                type="number"
                min={1945}
                max={2100}
                value={values.established ?? ''}
                onChange={(event) =>
                  setValues({ ...values, established: event.target.value === '' ? null : Number(event.target.value) })
                }
              />
            )}
          </Field>
          <Field name="website" label={t('hubProfiles.field.website')} error={save.fieldErrors.website}>
            {(control) => (
              <input
                {...control}
                dir="ltr"
                type="url"
                value={values.website ?? ''}
                onChange={(event) => setValues({ ...values, website: event.target.value })}
              />
            )}
          </Field>
          <Field
            name="source"
            label={t('hubProfiles.field.source')}
            hint={t('hubProfiles.editor.sourceHint')}
            error={save.fieldErrors.source}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={values.source ?? ''}
                onChange={(event) => setValues({ ...values, source: event.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={save.busy}>
            {t('hubProfiles.editor.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
