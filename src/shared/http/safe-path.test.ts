import { describe, expect, it } from 'vitest';
import { safeLocalPath, safeNext } from './safe-path';

describe('safeLocalPath', () => {
  it.each([
    '/',
    '/register',
    '/register?q=water&page=2',
    '/recommendations/42#progress',
    '/entities/a%20b',
    '/register?q=clean water',
    '/register?q=%E2%80%9Cwater%E2%80%9D',
    '/apis-of-the-state',
  ])('lets the page %s through unchanged', (path) => {
    expect(safeLocalPath(path)).toBe(path);
  });

  it.each([
    ['another origin', '//evil.example'],
    ['another origin, backslash', '/\\evil.example'],
    ['backslash first', '\\\\evil.example'],
    ['backslash later', '/register\\..\\..\\evil'],
    ['the API', '/api/session'],
    ['the API, upper case', '/API/session'],
    ['the API root', '/api'],
    ['the API with a query', '/api?x=1'],
    ['a scheme', 'javascript:alert(1)'],
    ['a scheme after a slash', '/javascript:alert(1)'.slice(1)],
    ['an absolute URL', 'https://evil.example/'],
    ['no slash', 'register'],
    ['empty', ''],
    ['a tab the browser drops', '/\t/evil.example'],
    ['a newline the browser drops', '/\n/evil.example'],
    ['encoded slash', '/%2Fevil.example'],
    ['encoded backslash', '/%5Cevil.example'],
    ['encoded twice', '/%252F%252Fevil.example'],
    ['encoded API', '/%61pi/session'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded scheme', '%6Aavascript:alert(1)'],
    ['broken escape', '/%E0%A4%A'],
    ['too long', `/${'a'.repeat(500)}`],
  ])('refuses %s (%j)', (_why, path) => {
    expect(safeLocalPath(path)).toBeNull();
    expect(safeNext(path)).toBe('/');
  });

  it('refuses what is not a string', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext(['/register'])).toBe('/');
  });
});
