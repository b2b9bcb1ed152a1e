import { describe, expect, it } from 'vitest';
import { mailHtml } from './html';

describe('the HTML part of a mail', () => {
  const text =
    'Hello Ana,\n\nTomaž (Commission <b>) asks:\n\n• 115.18 (A/HRC/59/15): Ratify the Convention\n• 115.20 (A/HRC/59/15): Draft a law\n\nOpen the call and answer here:\nhttps://implementa.example/inbox/1/2\n\nSettings: https://implementa.example/settings.';

  it('says what the text says: paragraphs, the list, the link as a button, other links, escaped', () => {
    const html = mailHtml(text, 'en');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Tomaž (Commission &lt;b&gt;) asks:');
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain('115.18 (A/HRC/59/15): Ratify the Convention');
    expect(html).toMatch(/<a href="https:\/\/implementa\.example\/inbox\/1\/2" dir="ltr" style="display:inline-block/);
    // A link inside a sentence, without the full stop that ends the sentence.
    expect(html).toContain('<a href="https://implementa.example/settings" dir="ltr" style="color:#0b5cad;">');
    expect(html).not.toContain('<b>');
  });

  it('reads right to left in Arabic', () => {
    const html = mailHtml('مرحباً\n\nافتح الطلب:\nhttps://implementa.example/inbox', 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('text-align:right');
    // Each paragraph takes its own text's direction: an English recommendation stays left to right.
    expect(html).toContain('<p dir="auto"');
  });
});
