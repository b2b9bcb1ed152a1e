import type { Locale } from '../../../shared/i18n/locales';

// Calendar days as ISO text (YYYY-MM-DD), computed in UTC so that no time zone shifts a day.

export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function todayIso(): string {
  const now = new Date();
  return isoOf(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function dateOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  const date = dateOf(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return isoOf(date);
}

/** "2025-03" → the first day of that month; anything else → this month's first day. */
export function monthStart(month: string | undefined): string {
  if (month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return `${month}-01`;
  return `${todayIso().slice(0, 7)}-01`;
}

export function shiftMonth(start: string, months: number): string {
  const date = dateOf(start);
  return isoOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** The first day of the week where the reader lives (Monday unless the locale says otherwise). */
export function firstDayOfWeek(locale: Locale): number {
  const info = (new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number } }).getWeekInfo?.();
  // Intl numbers days 1 (Monday) to 7 (Sunday); Date.getUTCDay() 0 (Sunday) to 6.
  return info ? info.firstDay % 7 : 1;
}

/** The weeks the month grid shows: whole weeks from the one holding the 1st to the one holding the last day. */
export function monthWeeks(start: string, locale: Locale): string[][] {
  const first = dateOf(start);
  const lead = (first.getUTCDay() - firstDayOfWeek(locale) + 7) % 7;
  const gridStart = addDays(start, -lead);
  const last = addDays(shiftMonth(start, 1), -1);
  const weeks: string[][] = [];
  for (let day = gridStart; day <= last || weeks.length === 0; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
    if (day > last) break;
  }
  return weeks;
}

/** The weekday names in the reader's language, in the order of the grid's columns. */
export function weekdayNames(locale: Locale, style: 'long' | 'short'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  const first = firstDayOfWeek(locale);
  // 2024-01-07 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => format.format(dateOf(addDays('2024-01-07', (first + i) % 7))));
}
