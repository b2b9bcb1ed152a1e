import { useEffect, useState } from 'react';
import { type IndicatorNotification, indicatorNotificationSchema } from '../../../shared/schemas/indicators';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** Whether a data owner's focal point wants the reminders of indicators' due dates by e-mail. */
export function IndicatorNotificationSettings() {
  const { t } = useT();
  const current = useApi<IndicatorNotification>('/api/me/notifications/indicators');
  const [indicatorsByEmail, setIndicatorsByEmail] = useState(true);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(indicatorNotificationSchema, (input) =>
    api.put<IndicatorNotification>('/api/me/notifications/indicators', input),
  );
  useEffect(() => {
    if (current.data) setIndicatorsByEmail(current.data.indicatorsByEmail);
  }, [current.data]);

  async function submit(event: React.FormEvent) {
    setSaved(false);
    if (await form.submit({ indicatorsByEmail }, event)) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="indicator-notifications-title">
      <h2 id="indicator-notifications-title">{t('indicators.notifications.title')}</h2>
      <ErrorMessage error={current.error ?? form.error} />
      <SuccessMessage>{saved ? t('notifications.saved') : null}</SuccessMessage>
      <form onSubmit={submit} noValidate aria-busy={form.busy || current.loading}>
        <fieldset className="choice-list">
          <legend>{t('notifications.byEmail')}</legend>
          <label>
            <input
              type="checkbox"
              name="indicatorsByEmail"
              checked={indicatorsByEmail}
              onChange={(event) => setIndicatorsByEmail(event.target.checked)}
            />
            <span>
              {t('indicators.notifications.label')}
              <span className="block subtle">{t('indicators.notifications.hint')}</span>
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
