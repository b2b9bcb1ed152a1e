import { AppError } from '../../../shared/errors';
import type { CalendarPreferences, CalendarSettings } from '../../../shared/schemas/calendar';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { recordAudit } from '../audit/audit.service';
import { readMailPreference, writeMailPreference } from '../outbox/outbox.service';
import { requireCalendar } from './calendar.service';
import { findSettings, updateSettingsAtVersion } from './calendar.settings.repo';

export async function getSettings(db: Database, actor: Actor): Promise<CalendarSettings> {
  requireCalendar(actor, 'read');
  return findSettings(db);
}

/** The reminder days before each due date, for everyone; the next daily run uses them. */
export async function setSettings(db: Database, actor: Actor, input: CalendarSettings): Promise<CalendarSettings> {
  requireCalendar(actor, 'edit');
  const remindDays = [...input.remindDays].sort((a, b) => b - a);
  return db.transaction().execute(async (trx) => {
    const before = await findSettings(trx);
    if (!(await updateSettingsAtVersion(trx, remindDays, input.version))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'calendar_settings',
      recordId: null,
      before: { remindDays: before.remindDays },
      after: { remindDays },
    });
    return findSettings(trx);
  });
}

export async function getPreferences(db: Database, actor: Actor): Promise<CalendarPreferences> {
  const user = requireCalendar(actor, 'read');
  return { remindersByEmail: await readMailPreference(db, user.id, 'calendar') };
}

/** Whether the person gets the calendar's reminder mails (coordinators get them by default). */
export async function setPreferences(
  db: Database,
  actor: Actor,
  input: CalendarPreferences,
): Promise<CalendarPreferences> {
  const user = requireCalendar(actor, 'read');
  return db.transaction().execute(async (trx) => {
    const before = await readMailPreference(trx, user.id, 'calendar');
    await writeMailPreference(trx, user.id, 'calendar', input.remindersByEmail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'notification_preferences',
      recordId: user.id,
      before: { calendarByEmail: before },
      after: { calendarByEmail: input.remindersByEmail },
    });
    return { remindersByEmail: await readMailPreference(trx, user.id, 'calendar') };
  });
}
