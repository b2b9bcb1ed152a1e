// Days as the server compares them: ISO dates in UTC, and the hour reminders go out.

/** Today in UTC, as ISO due dates and deadlines are compared (reminders go out on UTC days too). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Reminders go out at this hour (UTC) on their day: morning in Africa and Europe, afternoon in Asia. */
export const reminderHourUtc = 8;

/** When a reminder `days` from an ISO day is due (negative: before it): that day at the reminder hour (UTC). */
export function reminderDueAt(day: string, days: number): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days, reminderHourUtc));
}
