import { useState } from 'react';
import { isAppError } from '../../../shared/errors';
import { isLocale, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import { actionNotificationSchema } from '../../../shared/schemas/actions';
import { notificationPreferencesSchema } from '../../../shared/schemas/calls';
import { type SessionUser, updateMeSchema } from '../../../shared/schemas/identity';
import { indicatorNotificationSchema } from '../../../shared/schemas/indicators';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { EmailPreference } from './email-preference';
import { SessionsCard } from './sessions-card';
import { TotpCard } from './totp-card';

export default function SettingsPage() {
  const { t, setLocale } = useT();
  const { user, setUser, refresh } = useSession();
  const [name, setName] = useState(user?.name ?? '');
  const [language, setLanguage] = useState<Locale>(user?.locale ?? 'en');
  const [saved, setSaved] = useState(false);
  const form = useSubmit(updateMeSchema, async (input) => {
    try {
      return await api.patch<SessionUser>('/api/me', input);
    } catch (error) {
      // Someone (or another tab) saved first: take the fresh version so that the next try succeeds.
      if (isAppError(error) && error.code === 'STALE_VERSION') await refresh().catch(() => undefined);
      throw error;
    }
  });
  if (!user) return null;

  async function handleSubmit(event: React.FormEvent) {
    setSaved(false);
    const updated = await form.submit({ name, locale: language, version: user?.version }, event);
    if (!updated) return;
    await setLocale(updated.locale).catch(() => undefined);
    setUser(updated);
    setSaved(true);
  }

  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title">{t('settings.account')}</h2>
        <dl className="facts">
          <dt>{t('fields.email')}</dt>
          <dd dir="ltr">{user.email}</dd>
          <dt>{t('fields.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          <dt>{t('fields.organisation')}</dt>
          <dd>{user.organisation || t('common.none')}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="preferences-title">
        <h2 id="preferences-title">{t('settings.preferences')}</h2>
        <ErrorMessage error={form.error} />
        <SuccessMessage>{saved ? t('settings.saved') : null}</SuccessMessage>
        <form onSubmit={handleSubmit} noValidate aria-busy={form.busy}>
          <Field name="name" label={t('fields.name')} error={form.fieldErrors.name}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="name"
                value={name}
                onChange={(event) => setName(event.target.value)}
                required
              />
            )}
          </Field>
          <Field
            name="locale"
            label={t('fields.language')}
            hint={t('settings.languageHint')}
            error={form.fieldErrors.locale}
          >
            {(control) => (
              <select
                {...control}
                value={language}
                onChange={(event) => isLocale(event.target.value) && setLanguage(event.target.value)}
              >
                {locales.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {localeNames[code]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={form.busy}>
              {t('common.save')}
            </button>
          </div>
        </form>
      </section>
      <EmailPreference
        endpoint="/api/me/notifications"
        field="callsByEmail"
        schema={notificationPreferencesSchema}
        title={t('notifications.title')}
        label={t('notifications.calls')}
        hint={t('notifications.callsHint')}
      />
      <EmailPreference
        endpoint="/api/me/notifications/actions"
        field="actionsByEmail"
        schema={actionNotificationSchema}
        title={t('actions.notifications.title')}
        label={t('actions.notifications.label')}
        hint={t('actions.notifications.hint')}
      />
      <EmailPreference
        endpoint="/api/me/notifications/indicators"
        field="indicatorsByEmail"
        schema={indicatorNotificationSchema}
        title={t('indicators.notifications.title')}
        label={t('indicators.notifications.label')}
        hint={t('indicators.notifications.hint')}
      />
      <TotpCard />
      <SessionsCard />
    </>
  );
}
