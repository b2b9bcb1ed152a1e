import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers';

describe('parseNumber', () => {
  it('reads empty text as none, and decimals with a point or a comma', () => {
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1 234')).toBe(1234);
  });

  it('refuses text that is not a number rather than guessing', () => {
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('12a')).toBeNaN();
    expect(parseNumber('1,234.5,6')).toBeNaN();
  });
});
