import type { Insertable } from 'kysely';
import type { Database } from '../db/database';
import type { CalendarEventsTable } from '../db/schema';
import { systemActor } from '../http/context';
import { recordAudit } from '../modules/audit/audit.service';
import { addDays } from '../modules/calendar/calendar.rules';

/**
 * The demo's Special Procedures events, beside those computed from the imported reviews. Invented
 * for the demonstration (marked so in their notes) and dated from the day of the seeding, so that
 * the calendar and its reminders always have something ahead.
 */
export async function seedDemoCalendar(db: Database): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const note = 'Demonstration event.';
  const events: Omit<Insertable<CalendarEventsTable>, 'source'>[] = [
    {
      kind: 'sp_visit',
      title: 'Country visit of the Special Rapporteur on minority issues',
      body_code: 'SR-MINORITY-ISSUES',
      starts_on: addDays(today, 120),
      ends_on: addDays(today, 129),
      status: 'accepted',
      notes: `${note} Invitation accepted; programme with the Government Office for National Minorities to be agreed.`,
    },
    {
      kind: 'sp_visit',
      title: 'Visit requested by the Special Rapporteur on the right to adequate housing',
      body_code: 'SR-ADEQUATE-HOUSING',
      starts_on: addDays(today, 300),
      ends_on: null,
      status: 'requested',
      notes: `${note} Request received; dates to be proposed.`,
    },
    {
      kind: 'sp_communication_reply',
      title: 'Reply to the joint communication on access to health care for Roma communities',
      body_code: 'SR-HEALTH',
      starts_on: addDays(today, 25),
      ends_on: null,
      status: 'due',
      notes: `${note} Replies to communications are expected within 60 days.`,
    },
  ];
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('calendar_events')
      .values(events.map((event) => ({ ...event, source: 'manual' as const })))
      .returning('id')
      .execute();
    const actor = systemActor('demo-seed');
    for (const [index, row] of rows.entries())
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'calendar_event',
        recordId: row.id,
        after: events[index],
      });
  });
}
