import { useEffect, useState } from 'react';
import { type ActionNotification, actionNotificationSchema } from '../../../shared/schemas/actions';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** Whether a focal point wants the reminders of their entity's actions' due dates by e-mail. */
export function ActionNotificationSettings() {
  const { t } = useT();
  const current = useApi<ActionNotification>('/api/me/notifications/actions');
  const [actionsByEmail, setActionsByEmail] = useState(true);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(actionNotificationSchema, (input) =>
    api.put<ActionNotification>('/api/me/notifications/actions', input),
  );
  useEffect(() => {
    if (current.data) setActionsByEmail(current.data.actionsByEmail);
  }, [current.data]);

  async function submit(event: React.FormEvent) {
    setSaved(false);
    if (await form.submit({ actionsByEmail }, event)) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="action-notifications-title">
      <h2 id="action-notifications-title">{t('actions.notifications.title')}</h2>
      <ErrorMessage error={current.error ?? form.error} />
      <SuccessMessage>{saved ? t('notifications.saved') : null}</SuccessMessage>
      <form onSubmit={submit} noValidate aria-busy={form.busy || current.loading}>
        <fieldset className="choice-list">
          <legend>{t('notifications.byEmail')}</legend>
          <label>
            <input
              type="checkbox"
              name="actionsByEmail"
              checked={actionsByEmail}
              onChange={(event) => setActionsByEmail(event.target.checked)}
            />
            <span>
              {t('actions.notifications.label')}
              <span className="block subtle">{t('actions.notifications.hint')}</span>
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
