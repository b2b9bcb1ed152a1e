import { type FormEvent, useEffect, useState } from 'react';
import {
  type CalendarPreferences,
  type CalendarSettings,
  calendarPreferencesSchema,
  calendarSettingsSchema,
} from '../../../shared/schemas/calendar';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/** "30, 7" → [30, 7]; a part that is not a whole number becomes -1, which the schema refuses. */
function parseDays(text: string): number[] {
  return text
    .split(/[\s,;،、]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : -1));
}

/** The reminder days for everyone (coordinators set them) and whether I get the reminder mails. */
export function ReminderSettings(props: { canEdit: boolean }) {
  const { t } = useT();
  const settings = useApi<CalendarSettings>('/api/calendar/settings');
  const preferences = useApi<CalendarPreferences>('/api/calendar/preferences');
  const [days, setDays] = useState('');
  const [byEmail, setByEmail] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  const saveDays = useSubmit(calendarSettingsSchema, (input) =>
    api.put<CalendarSettings>('/api/calendar/settings', input),
  );
  const savePreference = useSubmit(calendarPreferencesSchema, (input) =>
    api.put<CalendarPreferences>('/api/calendar/preferences', input),
  );
  useEffect(() => {
    if (settings.data) setDays(settings.data.remindDays.join(', '));
  }, [settings.data]);
  useEffect(() => {
    if (preferences.data) setByEmail(preferences.data.remindersByEmail);
  }, [preferences.data]);

  async function submitDays(event: FormEvent) {
    setSaved(null);
    const result = await saveDays.submit({ remindDays: parseDays(days), version: settings.data?.version ?? 1 }, event);
    if (result) {
      settings.setData(() => result);
      setSaved(t('calendar.reminders.saved'));
    }
  }

  async function submitPreference(event: FormEvent) {
    setSaved(null);
    const result = await savePreference.submit({ remindersByEmail: byEmail }, event);
    if (result) setSaved(t('calendar.reminders.saved'));
  }

  const daysError =
    saveDays.fieldErrors.remindDays ??
    Object.entries(saveDays.fieldErrors).find(([path]) => path.startsWith('remindDays.'))?.[1];
  return (
    <section className="card" id="reminders" aria-labelledby="calendar-reminders-title">
      <h2 id="calendar-reminders-title">{t('calendar.reminders.title')}</h2>
      <ErrorMessage error={settings.error ?? saveDays.error ?? savePreference.error} />
      <SuccessMessage>{saved}</SuccessMessage>
      {props.canEdit ? (
        <form onSubmit={submitDays} noValidate aria-busy={saveDays.busy}>
          <Field
            name="remindDays"
            label={t('calendar.reminders.days')}
            hint={t('calendar.reminders.daysHint')}
            error={daysError}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                dir="ltr"
                value={days}
                onChange={(event) => setDays(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" disabled={saveDays.busy || !settings.data}>
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : settings.data ? (
        <p>{t('calendar.reminders.current', { days: settings.data.remindDays.join(', ') })}</p>
      ) : null}
      {props.canEdit ? (
        <form onSubmit={submitPreference} noValidate aria-busy={savePreference.busy}>
          <fieldset className="choice-list">
            <legend>{t('calendar.reminders.mine')}</legend>
            <label>
              <input
                type="checkbox"
                name="remindersByEmail"
                checked={byEmail}
                onChange={(event) => setByEmail(event.target.checked)}
              />
              <span>
                {t('calendar.reminders.byEmail')}
                <span className="block subtle">{t('calendar.reminders.byEmailHint')}</span>
              </span>
            </label>
          </fieldset>
          <div className="form-actions">
            <button type="submit" disabled={savePreference.busy || !preferences.data}>
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
