import { describe, expect, it } from 'vitest';
import { browserOf } from './browser-of';

describe('browserOf', () => {
  it('names the browser and the system of a user agent', () => {
    // As Chromium sent it in the end-to-end tests.
    expect(
      browserOf(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome · Linux');
    expect(browserOf('curl/8.1.2')).toBe('curl');
  });
});
