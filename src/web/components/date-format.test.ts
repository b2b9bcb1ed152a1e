import { describe, expect, it } from 'vitest';
import { dateFormat } from './date-format';

describe('dates written in the app’s language', () => {
  it('shows and reads each locale’s order: day first in British English, French and Russian, month first in US English, year first in Chinese', () => {
    expect(dateFormat('en-GB').show('2026-03-07')).toBe('07/03/2026');
    expect(dateFormat('en-GB').read('7/3/2026')).toBe('2026-03-07');
    expect(dateFormat('en-US').read('3/7/2026')).toBe('2026-03-07');
    expect(dateFormat('fr').read('07.03.2026')).toBe('2026-03-07');
    expect(dateFormat('ru').show('2026-03-07')).toBe('07.03.2026');
    expect(dateFormat('zh').read('2026/3/7')).toBe('2026-03-07');
    for (const locale of ['en', 'fr', 'es', 'ru', 'zh', 'ar']) {
      const format = dateFormat(locale);
      expect(format.read(format.show('2026-12-31')), locale).toBe('2026-12-31');
    }
  });

  it('writes Arabic dates day first, and reads Arabic-Indic and Western digits', () => {
    const ar = dateFormat('ar');
    expect(ar.order).toEqual(['day', 'month', 'year']);
    expect(ar.read('٣١/١٢/٢٠٢٥')).toBe('2025-12-31');
    expect(ar.read('31/12/2025')).toBe('2025-12-31');
    // Arabic-Indic or Western digits, as the ICU data of the runtime has it; day first either way.
    expect(ar.show('2025-12-31')).toMatch(/^(٣١|31)\D+(١٢|12)\D+(٢٠٢٥|2025)$/);
  });

  it('reads nothing that is not a date: 31 February, a two-digit year, two numbers, words', () => {
    const en = dateFormat('en-GB');
    for (const text of ['31/02/2026', '01/01/26', '01/2026', 'tomorrow', '']) expect(en.read(text), text).toBeNull();
    // A value that is no ISO date is shown as it is (the form's error names it).
    expect(en.show('2026-13')).toBe('2026-13');
  });
});
