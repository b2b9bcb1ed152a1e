import { useCallback } from 'react';
import type { ActionSummary } from '../../../shared/schemas/actions';
import { useT } from '../../i18n/i18n-provider';

/** An amount in its currency, written the reader's way ("125 000,50 €", "€125,000.50"). */
export function useFormatBudget() {
  const { locale } = useT();
  return useCallback(
    (budget: NonNullable<ActionSummary['budget']>) => {
      try {
        return new Intl.NumberFormat(locale, { style: 'currency', currency: budget.currency }).format(budget.amount);
      } catch {
        // A code the browser does not know still shows, with the number in the reader's way.
        return `${new Intl.NumberFormat(locale).format(budget.amount)} ${budget.currency}`;
      }
    },
    [locale],
  );
}

/** A due date as a calendar day (UTC), whatever the reader's time zone. */
export function useFormatDay() {
  const { formatDate } = useT();
  return useCallback((day: string) => formatDate(day, { dateStyle: 'medium', timeZone: 'UTC' }), [formatDate]);
}
