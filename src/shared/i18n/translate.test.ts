import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { MessageValues } from './translate';
import { createTranslator } from './translate';

// Catalogues as the web build ships them: ICU messages parsed (build/i18n-plugin.ts).
const sources: Record<string, string> = {
  plain: 'Register',
  one: 'Recommendation {number} of {symbol}',
  twice: '{count} · {count}',
  plural: '{count, plural, one {# result} other {# results}}',
  quoted: "It''s {name}",
};
const parsed = Object.fromEntries(
  Object.entries(sources).map(([key, text]) => [key, key === 'plain' ? text : parse(text)]),
);

describe('createTranslator', () => {
  const translate = createTranslator('en', parsed);
  it.each<[string, MessageValues | undefined]>([
    ['plain', undefined],
    ['one', { number: '12.3', symbol: 'A/HRC/58/1' }],
    ['one', { number: 0, symbol: '' }],
    ['twice', { count: 1234 }],
    ['plural', { count: 1 }],
    ['plural', { count: 1234 }],
    ['quoted', { name: 'Ana' }],
  ])('%s with %o writes what IntlMessageFormat writes', (key, values) => {
    expect(translate(key, values)).toBe(String(new IntlMessageFormat(sources[key] as string, 'en').format(values)));
  });

  it('a missing value throws as IntlMessageFormat does (the provider shows the raw message)', () => {
    expect(() => translate('one', { number: '1' })).toThrow();
    expect(() => new IntlMessageFormat(sources.one as string, 'en').format({ number: '1' })).toThrow();
  });

  it('a Date argument goes through IntlMessageFormat', () => {
    const date = new Date(Date.UTC(2026, 0, 2));
    expect(translate('one', { number: 1, symbol: date as unknown as string })).toBe(
      String(new IntlMessageFormat(sources.one as string, 'en').format({ number: 1, symbol: date })),
    );
  });

  it('an unknown key shows the key', () => {
    expect(translate('nowhere')).toBe('nowhere');
  });
});
