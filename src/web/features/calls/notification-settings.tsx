import { useEffect, useState } from 'react';
import { type NotificationPreferences, notificationPreferencesSchema } from '../../../shared/schemas/calls';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** What a person wants by e-mail; what lands in their entity's inbox stays there regardless. */
export function NotificationSettings() {
  const { t } = useT();
  const current = useApi<NotificationPreferences>('/api/me/notifications');
  const [callsByEmail, setCallsByEmail] = useState(true);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(notificationPreferencesSchema, (input) =>
    api.put<NotificationPreferences>('/api/me/notifications', input),
  );
  useEffect(() => {
    if (current.data) setCallsByEmail(current.data.callsByEmail);
  }, [current.data]);

  async function submit(event: React.FormEvent) {
    setSaved(false);
    const updated = await form.submit({ callsByEmail }, event);
    if (updated) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notifications.title')}</h2>
      <ErrorMessage error={current.error ?? form.error} />
      <SuccessMessage>{saved ? t('notifications.saved') : null}</SuccessMessage>
      <form onSubmit={submit} noValidate aria-busy={form.busy || current.loading}>
        <fieldset className="choice-list">
          <legend>{t('notifications.byEmail')}</legend>
          <label>
            <input
              type="checkbox"
              name="callsByEmail"
              checked={callsByEmail}
              onChange={(event) => setCallsByEmail(event.target.checked)}
            />
            <span>
              {t('notifications.calls')}
              <span className="block subtle">{t('notifications.callsHint')}</span>
            </span>
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit" disabled={form.busy || current.loading}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
