import type { IndicatorFrequency } from '../../../shared/schemas/indicators';

/** Months in one reporting period of each frequency; a one-off indicator has none. */
export const frequencyMonths: Record<IndicatorFrequency, number | null> = {
  annual: 12,
  semiannual: 6,
  quarterly: 3,
  monthly: 1,
  once: null,
};

function parts(isoDate: string): [number, number, number] {
  return isoDate.split('-').map(Number) as [number, number, number];
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = parts(isoDate);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))));
}

/** The last day of the month `months` after the one of `isoDate`. */
function endOfMonthAfter(isoDate: string, months: number): string {
  const [year, month] = parts(isoDate);
  return iso(new Date(Date.UTC(year, month - 1 + months + 1, 0)));
}

/**
 * When the next value of an indicator is due: the end of the period that follows the last one
 * observed (any place), so an annual indicator last observed for 2023 is due on 31 December
 * 2024. With nothing observed yet, the first period starts after the baseline year, or in the
 * month the indicator was defined. A one-off indicator is due by the end of its target year
 * until it has a value, then never again.
 */
export function nextDueDate(indicator: {
  frequency: IndicatorFrequency;
  lastPeriodEnd: string | null;
  baselineYear: number | null;
  targetYear: number | null;
  createdOn: string;
}): string | null {
  const months = frequencyMonths[indicator.frequency];
  if (months === null) {
    if (indicator.lastPeriodEnd !== null) return null;
    return indicator.targetYear !== null ? `${indicator.targetYear}-12-31` : null;
  }
  if (indicator.lastPeriodEnd !== null) return endOfMonthAfter(indicator.lastPeriodEnd, months);
  if (indicator.baselineYear !== null) return endOfMonthAfter(`${indicator.baselineYear}-12-31`, months);
  return endOfMonthAfter(indicator.createdOn, months - 1);
}
