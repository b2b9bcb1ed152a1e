import { useId, useState } from 'react';
import { isLocale, localeNames, locales } from '../../shared/i18n/locales';
import type { SessionUser } from '../../shared/schemas/identity';
import { api } from '../api/client';
import { useT } from '../i18n/i18n-provider';
import { useSession } from '../session/session-provider';

/** Each language in its own name. A signed-in user's choice is saved on the server, else in this browser. */
export function LanguagePicker() {
  const { t, locale, setLocale } = useT();
  const { user, setUser } = useSession();
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function choose(value: string) {
    if (!isLocale(value) || value === locale) return;
    setBusy(true);
    try {
      await setLocale(value);
      if (user) {
        const updated = await api.patch<SessionUser>('/api/me', { locale: value, version: user.version });
        setUser(updated);
      }
    } catch {
      // The page already shows the new language; saving it for next time can fail quietly.
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={locale} disabled={busy} onChange={(event) => choose(event.target.value)}>
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
