import type { CalendarKind } from '../../../shared/schemas/calendar';

/**
 * The due dates the calendar derives from the reviews in the register. Pure functions: the
 * service loads the reviews, these say which events follow, the repository writes them.
 *
 * The rules (also in docs/calendar.md):
 * - UPR review: the Working Group's review of the State is an event on its review date.
 * - UPR mid-term report: voluntary, halfway through the cycle. The Human Rights Council adopts the
 *   outcome at its plenary session some 4 months after the Working Group review; the mid-term
 *   report is counted 30 months (2.5 years) after that adoption, i.e. review date + 34 months.
 *   Estimated.
 * - UPR national report for the next cycle: due 12 weeks (84 days) before the State's next
 *   review (OHCHR's usual deadline). The next review is the State's review of the following
 *   cycle when the register has it; otherwise it is estimated at the review date + 54 months
 *   (the 4.5-year cycle), moved into the following cycle's dates when upr_cycles has them, and
 *   shown as an estimated review event of its own. Estimated either way (OHCHR sets each
 *   session's deadline). When the next review is in the register, the report has been
 *   submitted.
 * - Treaty body follow-up reply: the review's follow_up_due, or the review date plus the
 *   committee's follow_up_months (1-2 years) when only that is known. Not estimated: the
 *   committee sets it.
 * - Treaty body next periodic report: the register does not yet carry the date the concluding
 *   observations give, so it is estimated at the review date + 4 years (periodic reports every
 *   4-5 years); a person corrects it to the date in the concluding observations, and the
 *   correction is kept. When the register holds a later review by the same committee, the
 *   report has been submitted.
 */

export interface ReviewFacts {
  id: string;
  bodyCode: string;
  mechanism: string;
  countryIso2: string | null;
  cycle: number | null;
  /** ISO dates (YYYY-MM-DD) or null. */
  reviewDate: string | null;
  followUpDue: string | null;
  followUpMonths: number | null;
}

export interface UprCycleDates {
  cycle: number;
  starts: string;
  ends: string;
}

export interface ComputedEvent {
  key: string;
  kind: CalendarKind;
  startsOn: string;
  bodyCode: string;
  reviewId: string;
  estimated: boolean;
  /** The register shows the report was submitted (a later review took place). */
  submitted: boolean;
}

export const uprAdoptionMonths = 4;
export const uprMidTermMonthsAfterAdoption = 30;
export const uprCycleMonths = 54;
export const uprNationalReportDaysBefore = 84;
export const treatyBodyPeriodMonths = 48;

/** The same day `months` later (or earlier), the month's last day when it has no such day. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function clamp(isoDate: string, range: UprCycleDates | undefined): string {
  if (!range) return isoDate;
  if (isoDate < range.starts) return range.starts;
  if (isoDate > range.ends) return range.ends;
  return isoDate;
}

/** The State's next UPR review after this one in the register: the next cycle's, else the next date. */
function nextUprReview(review: ReviewFacts, upr: ReviewFacts[]): ReviewFacts | undefined {
  const sameState = upr.filter(
    (other) => other.id !== review.id && other.countryIso2 === review.countryIso2 && other.reviewDate,
  );
  if (review.cycle !== null) {
    const next = sameState.find((other) => other.cycle === (review.cycle as number) + 1);
    if (next) return next;
  }
  return sameState
    .filter((other) => (other.reviewDate as string) > (review.reviewDate as string))
    .filter((other) => review.cycle === null || other.cycle === null || other.cycle > review.cycle)
    .sort((a, b) => (a.reviewDate as string).localeCompare(b.reviewDate as string))[0];
}

function uprEvents(review: ReviewFacts, upr: ReviewFacts[], cycles: Map<number, UprCycleDates>): ComputedEvent[] {
  const date = review.reviewDate;
  if (!date) return [];
  const base = { bodyCode: review.bodyCode, reviewId: review.id };
  const events: ComputedEvent[] = [
    { ...base, key: `upr_review:${review.id}`, kind: 'upr_review', startsOn: date, estimated: false, submitted: false },
    {
      ...base,
      key: `upr_mid_term_report:${review.id}`,
      kind: 'upr_mid_term_report',
      startsOn: addMonths(date, uprAdoptionMonths + uprMidTermMonthsAfterAdoption),
      estimated: true,
      submitted: false,
    },
  ];
  const next = nextUprReview(review, upr);
  let nextDate = next?.reviewDate ?? null;
  if (!nextDate) {
    const following = review.cycle === null ? undefined : cycles.get(review.cycle + 1);
    nextDate = clamp(addMonths(date, uprCycleMonths), following);
    events.push({
      ...base,
      key: `upr_next_review:${review.id}`,
      kind: 'upr_review',
      startsOn: nextDate,
      estimated: true,
      submitted: false,
    });
  }
  events.push({
    ...base,
    key: `upr_national_report:${review.id}`,
    kind: 'upr_national_report',
    startsOn: addDays(nextDate, -uprNationalReportDaysBefore),
    estimated: true,
    submitted: Boolean(next),
  });
  return events;
}

function treatyBodyEvents(review: ReviewFacts, treatyBody: ReviewFacts[]): ComputedEvent[] {
  const base = { bodyCode: review.bodyCode, reviewId: review.id, submitted: false };
  const events: ComputedEvent[] = [];
  const followUp =
    review.followUpDue ??
    (review.reviewDate && review.followUpMonths ? addMonths(review.reviewDate, review.followUpMonths) : null);
  if (followUp)
    events.push({
      ...base,
      key: `tb_follow_up_reply:${review.id}`,
      kind: 'tb_follow_up_reply',
      startsOn: followUp,
      estimated: false,
    });
  if (review.reviewDate) {
    const later = treatyBody.some(
      (other) =>
        other.id !== review.id &&
        other.bodyCode === review.bodyCode &&
        other.countryIso2 === review.countryIso2 &&
        other.reviewDate !== null &&
        other.reviewDate > (review.reviewDate as string),
    );
    events.push({
      ...base,
      key: `tb_periodic_report:${review.id}`,
      kind: 'tb_periodic_report',
      startsOn: addMonths(review.reviewDate, treatyBodyPeriodMonths),
      estimated: true,
      submitted: later,
    });
  }
  return events;
}

/** Every event the register's reviews imply, one per key. */
export function computeEvents(reviews: ReviewFacts[], uprCycles: UprCycleDates[]): ComputedEvent[] {
  const cycles = new Map(uprCycles.map((cycle) => [cycle.cycle, cycle]));
  const upr = reviews.filter((review) => review.mechanism === 'upr');
  const treatyBody = reviews.filter((review) => review.mechanism === 'treaty_body');
  return [
    ...upr.flatMap((review) => uprEvents(review, upr, cycles)),
    ...treatyBody.flatMap((review) => treatyBodyEvents(review, treatyBody)),
  ];
}
