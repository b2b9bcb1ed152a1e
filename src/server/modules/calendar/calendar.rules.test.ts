import { describe, expect, it } from 'vitest';
import { offsetFor } from './calendar.reminders.service';
import { addDays, addMonths, computeEvents, daysBetween, type ReviewFacts } from './calendar.rules';

const upr = (id: string, cycle: number, reviewDate: string | null): ReviewFacts => ({
  id,
  bodyCode: 'UPR',
  mechanism: 'upr',
  countryIso2: 'SI',
  cycle,
  reviewDate,
  followUpDue: null,
  followUpMonths: null,
});
const tb = (id: string, reviewDate: string | null, followUp: Partial<ReviewFacts> = {}): ReviewFacts => ({
  id,
  bodyCode: 'CRC',
  mechanism: 'treaty_body',
  countryIso2: 'SI',
  cycle: null,
  reviewDate,
  followUpDue: null,
  followUpMonths: null,
  ...followUp,
});
const cycles = [
  { cycle: 4, starts: '2022-11-01', ends: '2027-01-31' },
  { cycle: 5, starts: '2027-11-01', ends: '2032-01-31' },
];
const byKey = (events: ReturnType<typeof computeEvents>) => new Map(events.map((event) => [event.key, event]));

describe('calendar dates', () => {
  it('adds months, keeping the day or the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-05', 34)).toBe('2027-09-05');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });
});

describe('computed events', () => {
  it('derives the UPR review, mid-term report, next review and national report', () => {
    const events = byKey(computeEvents([upr('r4', 4, '2024-11-05')], cycles));
    expect(events.get('upr_review:r4')).toMatchObject({ kind: 'upr_review', startsOn: '2024-11-05', estimated: false });
    // Adoption about 4 months after the review, mid-term report 30 months after that.
    expect(events.get('upr_mid_term_report:r4')).toMatchObject({ startsOn: '2027-09-05', estimated: true });
    // Next review 54 months later (2029-05-05), inside cycle 5; report 84 days before it.
    expect(events.get('upr_next_review:r4')).toMatchObject({ startsOn: '2029-05-05', estimated: true });
    expect(events.get('upr_national_report:r4')).toMatchObject({
      startsOn: '2029-02-10',
      estimated: true,
      submitted: false,
    });
  });

  it('takes the next review from the register when it is there, and counts that report submitted', () => {
    const events = byKey(computeEvents([upr('r3', 3, '2019-11-05'), upr('r4', 4, '2024-11-05')], cycles));
    expect(events.has('upr_next_review:r3')).toBe(false);
    expect(events.get('upr_national_report:r3')).toMatchObject({ startsOn: '2024-08-13', submitted: true });
    expect(events.get('upr_national_report:r4')?.submitted).toBe(false);
  });

  it('moves an estimated next review into the next cycle when the cycle dates say so', () => {
    const events = byKey(
      computeEvents([upr('early', 4, '2022-11-10')], [{ cycle: 5, starts: '2027-11-01', ends: '2032-01-31' }]),
    );
    expect(events.get('upr_next_review:early')?.startsOn).toBe('2027-11-01');
  });

  it('derives the follow-up reply from the due date or the months, and the periodic report', () => {
    const events = byKey(
      computeEvents(
        [
          tb('a', '2023-05-26', { followUpDue: '2025-06-01', followUpMonths: 24 }),
          tb('b', '2018-01-10', { followUpMonths: 12, bodyCode: 'CAT' }),
          tb('c', null, { followUpDue: '2026-01-01', bodyCode: 'CCPR' }),
        ],
        [],
      ),
    );
    expect(events.get('tb_follow_up_reply:a')).toMatchObject({ startsOn: '2025-06-01', estimated: false });
    expect(events.get('tb_follow_up_reply:b')).toMatchObject({ startsOn: '2019-01-10', estimated: false });
    expect(events.get('tb_follow_up_reply:c')?.startsOn).toBe('2026-01-01');
    expect(events.get('tb_periodic_report:a')).toMatchObject({ startsOn: '2027-05-26', estimated: true });
    expect(events.has('tb_periodic_report:c')).toBe(false);
  });

  it('marks a periodic report submitted once the same committee has reviewed the State again', () => {
    const events = byKey(computeEvents([tb('old', '2016-01-01'), tb('new', '2023-05-26')], []));
    expect(events.get('tb_periodic_report:old')?.submitted).toBe(true);
    expect(events.get('tb_periodic_report:new')?.submitted).toBe(false);
  });

  it('computes nothing for reviews without dates or for other mechanisms', () => {
    const sp = { ...tb('sp', '2024-01-01'), mechanism: 'special_procedure', bodyCode: 'SR-HEALTH' };
    expect(computeEvents([upr('x', 4, null), sp], cycles)).toEqual([]);
  });
});

describe('reminder windows', () => {
  it('picks the smallest reminder day at or beyond the days left', () => {
    expect(offsetFor(30, [30, 7])).toBe(30);
    expect(offsetFor(20, [30, 7])).toBe(30);
    expect(offsetFor(7, [30, 7])).toBe(7);
    expect(offsetFor(0, [30, 7])).toBe(7);
    expect(offsetFor(31, [30, 7])).toBeNull();
  });
});
