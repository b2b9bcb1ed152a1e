/**
 * A progress update's reporting period runs forward: it ends on or after the day it starts. The
 * payload schemas refine with this rule and the form shows it live; it lives apart from the zod
 * schemas so that the form's page does not load zod for it (decision 010).
 */
export function periodReversed(period: { periodStart: string; periodEnd: string }): boolean {
  return period.periodStart !== '' && period.periodEnd !== '' && period.periodEnd < period.periodStart;
}

/** The issue a reversed period raises, on the end date, in the form as from the server. */
export const periodReversedIssue = { path: 'periodEnd', message: 'issues.progress.periodReversed' } as const;
