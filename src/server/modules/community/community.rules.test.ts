import { describe, expect, it } from 'vitest';
import { handleBase, instantToZoned, mentionedHandles, renderPost, zonedToInstant } from './community.rules';

describe('renderPost', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'],
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;'],
    ['<svg onload=alert(1)>', '&lt;svg onload=alert(1)&gt;'],
  ])('shows typed markup %s as text', (input, shown) => {
    const out = renderPost(input);
    expect(out).toContain(shown);
    expect(out).not.toMatch(/<(script|img|svg|iframe)\b/i);
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](java\tscript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD4=)',
    '[click](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
  ])('makes no link of %s', (input) => {
    expect(renderPost(input)).not.toMatch(/href="(?!https?:|mailto:)/i);
  });

  it('keeps the Markdown subset and marks links as user content', () => {
    const out = renderPost(
      '**Bold** and *italic*, `code`\n\n- one\n- two\n\n> quoted\n\n[Guide](https://www.ohchr.org/en/publications) and https://example.org',
    );
    expect(out).toContain('<strong>Bold</strong>');
    expect(out).toContain('<em>italic</em>');
    expect(out).toContain('<code>code</code>');
    expect(out).toContain('<li>one</li>');
    expect(out).toContain('<blockquote>');
    expect(out).toContain(
      '<a href="https://www.ohchr.org/en/publications" rel="ugc nofollow noopener noreferrer">Guide</a>',
    );
    expect(out).toContain('<a href="https://example.org" rel="ugc nofollow noopener noreferrer">');
  });

  it('leaves out what the subset does not have (images, headings, tables)', () => {
    const out = renderPost('# Title\n\n![x](https://example.org/a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(out).not.toMatch(/<(h1|img|table)\b/);
  });
});

describe('mentions and handles', () => {
  it('finds @handles, not e-mail addresses, once each, without a trailing dot', () => {
    expect(mentionedHandles('Thanks @amina.diallo. Ask @Jorge_P and @amina.diallo; write to a@b.org')).toEqual([
      'amina.diallo',
      'jorge_p',
    ]);
  });
  it('makes a handle from a name, or from the e-mail for a name in another script', () => {
    expect(handleBase('José Pérez-López', 'x@y.org')).toBe('jose.perez.lopez');
    expect(handleBase('أمينة', 'amina.k@nhri.org')).toBe('amina.k');
  });
});

describe('zoned times', () => {
  it('turns a wall-clock time into the right instant on both sides of a DST change', () => {
    expect(zonedToInstant('2026-03-28T10:00', 'Europe/Zurich')?.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(zonedToInstant('2026-03-29T10:00', 'Europe/Zurich')?.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(zonedToInstant('2026-11-01T10:00', 'America/New_York')?.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(zonedToInstant('2026-10-31T10:00', 'America/New_York')?.toISOString()).toBe('2026-10-31T14:00:00.000Z');
    expect(zonedToInstant('2026-06-01T10:00', 'Asia/Kathmandu')?.toISOString()).toBe('2026-06-01T04:15:00.000Z');
  });
  it('refuses the hour skipped and takes the first of the hour repeated', () => {
    expect(zonedToInstant('2026-03-29T02:30', 'Europe/Zurich')).toBeNull();
    expect(zonedToInstant('2026-10-25T02:30', 'Europe/Zurich')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
  it('reads an instant back in its zone', () => {
    expect(instantToZoned(new Date('2026-03-29T08:00:00Z'), 'Europe/Zurich')).toBe('2026-03-29T10:00');
  });
});
