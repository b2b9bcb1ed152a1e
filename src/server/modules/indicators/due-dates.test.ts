import { describe, expect, it } from 'vitest';
import { reminderDueAt } from '../../lib/dates';
import { addMonths, nextDueDate } from './due-dates';

const base = { lastPeriodEnd: null, baselineYear: null, targetYear: null, createdOn: '2025-03-10' };

describe('next due date of an indicator', () => {
  it('is the end of the period after the last one observed', () => {
    expect(nextDueDate({ ...base, frequency: 'annual', lastPeriodEnd: '2023-12-31' })).toBe('2024-12-31');
    expect(nextDueDate({ ...base, frequency: 'semiannual', lastPeriodEnd: '2024-06-30' })).toBe('2024-12-31');
    expect(nextDueDate({ ...base, frequency: 'quarterly', lastPeriodEnd: '2024-12-31' })).toBe('2025-03-31');
    expect(nextDueDate({ ...base, frequency: 'monthly', lastPeriodEnd: '2024-01-31' })).toBe('2024-02-29');
  });

  it('starts after the baseline year, else in the month the indicator was defined', () => {
    expect(nextDueDate({ ...base, frequency: 'annual', baselineYear: 2020 })).toBe('2021-12-31');
    expect(nextDueDate({ ...base, frequency: 'quarterly' })).toBe('2025-05-31');
    expect(nextDueDate({ ...base, frequency: 'monthly' })).toBe('2025-03-31');
  });

  it('is the end of the target year for a one-off indicator, until it has a value', () => {
    expect(nextDueDate({ ...base, frequency: 'once', targetYear: 2027 })).toBe('2027-12-31');
    expect(nextDueDate({ ...base, frequency: 'once', targetYear: 2027, lastPeriodEnd: '2025-01-01' })).toBeNull();
    expect(nextDueDate({ ...base, frequency: 'once' })).toBeNull();
  });

  it('reminds days before at the reminder hour; months are clamped', () => {
    expect(reminderDueAt('2024-12-31', -14).toISOString()).toBe('2024-12-17T08:00:00.000Z');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});
