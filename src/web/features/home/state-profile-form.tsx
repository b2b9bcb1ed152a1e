import { useState } from 'react';
import { type AppError, isAppError } from '../../../shared/errors';
import { isLocale, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import {
  type StateProfile,
  systemsOfGovernment,
  type UpdateStateProfileInput,
  updateStateProfileSchema,
} from '../../../shared/schemas/state-profile';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

type Draft = Omit<UpdateStateProfileInput, 'version'>;
type Localized = Partial<Record<Locale, string>>;

const maxLevels = 5;

/**
 * Edits the profile's texts one language at a time (the texts of the other languages are kept
 * as they are), the system of government, and the names of the LRG levels, top level first.
 */
export function StateProfileForm(props: {
  profile: StateProfile;
  onSaved: (profile: StateProfile) => void;
  onStale: (error: AppError) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useT();
  const [textLocale, setTextLocale] = useState<Locale>(locale);
  const [draft, setDraft] = useState<Draft>(() => ({
    nmirfName: { ...props.profile.nmirfName },
    nmirfMandate: { ...props.profile.nmirfMandate },
    systemOfGovernment: props.profile.systemOfGovernment,
    lrgLevelNames: [...props.profile.lrgLevelNames]
      .sort((a, b) => a.level - b.level)
      .map((level) => ({ level: level.level, name: { ...level.name } })),
  }));
  const form = useSubmit(updateStateProfileSchema, async (input) => {
    try {
      return await api.put<StateProfile>('/api/state-profile', input);
    } catch (error) {
      if (isAppError(error) && error.code === 'STALE_VERSION') props.onStale(error);
      throw error;
    }
  });

  const setText = (text: Localized, value: string): Localized => ({ ...text, [textLocale]: value });
  const setLevelName = (index: number, value: string) =>
    setDraft((current) => ({
      ...current,
      lrgLevelNames: current.lrgLevelNames.map((level, i) =>
        i === index ? { ...level, name: setText(level.name, value) } : level,
      ),
    }));
  const renumber = (levels: Draft['lrgLevelNames']) => levels.map((level, i) => ({ ...level, level: i + 1 }));

  async function handleSubmit(event: React.FormEvent) {
    const updated = await form.submit({ ...draft, version: props.profile.version }, event);
    if (updated) props.onSaved(updated);
  }

  const levelError = (index: number) =>
    form.fieldErrors[`lrgLevelNames.${index}.name.${textLocale}`] ?? form.fieldErrors[`lrgLevelNames.${index}`];

  return (
    <form onSubmit={handleSubmit} noValidate aria-busy={form.busy} className="profile-form">
      <ErrorMessage error={form.error} />
      <Field name="textLocale" label={t('stateProfile.textLanguage')} hint={t('stateProfile.textLanguageHint')}>
        {(control) => (
          <select
            {...control}
            value={textLocale}
            onChange={(event) => isLocale(event.target.value) && setTextLocale(event.target.value)}
          >
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {localeNames[code]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="nmirfName"
        label={t('stateProfile.nmirfName')}
        error={form.fieldErrors[`nmirfName.${textLocale}`] ?? form.fieldErrors.nmirfName}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            lang={textLocale}
            value={draft.nmirfName[textLocale] ?? ''}
            onChange={(event) => setDraft({ ...draft, nmirfName: setText(draft.nmirfName, event.target.value) })}
          />
        )}
      </Field>
      <Field
        name="nmirfMandate"
        label={t('stateProfile.mandate')}
        error={form.fieldErrors[`nmirfMandate.${textLocale}`] ?? form.fieldErrors.nmirfMandate}
      >
        {(control) => (
          <textarea
            {...control}
            rows={5}
            lang={textLocale}
            value={draft.nmirfMandate[textLocale] ?? ''}
            onChange={(event) => setDraft({ ...draft, nmirfMandate: setText(draft.nmirfMandate, event.target.value) })}
          />
        )}
      </Field>
      <Field
        name="systemOfGovernment"
        label={t('stateProfile.systemOfGovernment')}
        error={form.fieldErrors.systemOfGovernment}
      >
        {(control) => (
          <select
            {...control}
            value={draft.systemOfGovernment}
            onChange={(event) =>
              setDraft({ ...draft, systemOfGovernment: event.target.value as Draft['systemOfGovernment'] })
            }
          >
            {systemsOfGovernment.map((system) => (
              <option key={system} value={system}>
                {t(`stateProfile.system.${system}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="levels-editor">
        <legend>{t('stateProfile.lrgLevels')}</legend>
        <p className="field-hint">{t('stateProfile.lrgLevelsHint')}</p>
        {form.fieldErrors.lrgLevelNames ? <p className="field-error">{form.fieldErrors.lrgLevelNames}</p> : null}
        {draft.lrgLevelNames.map((level, index) => (
          <div className="level-row" key={level.level}>
            <Field
              name={`level-${level.level}`}
              label={t('stateProfile.levelLabel', { level: level.level })}
              error={levelError(index)}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang={textLocale}
                  value={level.name[textLocale] ?? ''}
                  onChange={(event) => setLevelName(index, event.target.value)}
                />
              )}
            </Field>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={t('stateProfile.removeLevel', { level: level.level })}
              onClick={() =>
                setDraft({ ...draft, lrgLevelNames: renumber(draft.lrgLevelNames.filter((_, i) => i !== index)) })
              }
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        {draft.lrgLevelNames.length < maxLevels ? (
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() =>
              setDraft({
                ...draft,
                lrgLevelNames: renumber([...draft.lrgLevelNames, { level: 0, name: {} }]),
              })
            }
          >
            {t('stateProfile.addLevel')}
          </button>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
