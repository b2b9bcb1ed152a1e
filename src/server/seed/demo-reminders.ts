import { sql } from 'kysely';
import type { Deps } from '../deps';
import { syncReminders } from '../modules/actions/actions.reminders.service';
import { rescheduleReminder } from '../modules/indicators/indicator-reminders.service';

type ReminderDeps = Pick<Deps, 'db' | 'jobs'> & {
  settings: Pick<Deps['settings'], 'ACTION_REMINDER_DAYS' | 'INDICATOR_REMINDER_DAYS'>;
};

/**
 * The reminders of the seeded actions and indicators, scheduled as an edit would schedule them.
 * The seed runs before the job queue starts, so this runs once the queue is up, in one
 * transaction. Both schedulers are idempotent: running it again adds nothing.
 */
export async function scheduleDemoReminders(deps: ReminderDeps): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const actions = await trx
      .selectFrom('actions')
      .select(['id', 'status', sql<string | null>`to_char(end_date, 'YYYY-MM-DD')`.as('end_date')])
      .execute();
    for (const action of actions) await syncReminders(trx, deps, action);
    const indicators = await trx.selectFrom('indicators').select('id').execute();
    for (const indicator of indicators) await rescheduleReminder(trx, deps, indicator.id);
  });
}
