import { describe, expect, it } from 'vitest';
import { practiceBodyText, practiceTags, sanitizePracticeBody } from './practices.sanitize';

describe('sanitizePracticeBody', () => {
  it('keeps the allow-list', () => {
    const html =
      '<h2>Set-up</h2><h3>Mandate</h3><h4>Law</h4><p>A <strong>standing</strong> body, <em>inter-ministerial</em>.</p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quoted</blockquote>';
    expect(sanitizePracticeBody(html)).toBe(html);
  });

  it('maps what editors make to the allow-list', () => {
    expect(sanitizePracticeBody('<h1>T</h1><b>b</b><i>i</i><div>d</div><h6>s</h6>')).toBe(
      '<h2>T</h2><strong>b</strong><em>i</em><p>d</p><h4>s</h4>',
    );
  });

  it('keeps http, https and mailto links with rel noopener', () => {
    expect(sanitizePracticeBody('<a href="https://x.example/?a=1&b=2" target="_blank" onclick="x()">x</a>')).toBe(
      '<a href="https://x.example/?a=1&amp;b=2" rel="noopener noreferrer">x</a>',
    );
    expect(sanitizePracticeBody('<a href="mailto:nmrf@gov.example">m</a>')).toBe(
      '<a href="mailto:nmrf@gov.example" rel="noopener noreferrer">m</a>',
    );
  });

  const vectors: [string, string][] = [
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<img src=x onerror="alert(1)">text', 'text'],
    ['<p onclick="alert(1)">hi</p>', '<p>hi</p>'],
    ['<a href="javascript:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="JaVaScRiPt:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">click</a>', '<a>click</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', '<a>d</a>'],
    ['<a href="//evil.example/">p</a>', '<a>p</a>'],
    [
      '<a href="javascript:x()">bad</a> <a href="https://ok.example">good</a>',
      '<a>bad</a> <a href="https://ok.example" rel="noopener noreferrer">good</a>',
    ],
    ['<svg onload="alert(1)"><circle r="1"/></svg><p>after</p>', '<p>after</p>'],
    ['<style>p{display:none}</style><p style="color:red">s</p>', '<p>s</p>'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['<details open ontoggle="alert(1)"><summary>s</summary></details>', 's'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', ''],
    ['<xmp></xmp/><img src=x onerror=alert(1)></xmp>', ''],
    ['<p><noscript></p><img src=x onerror=alert(1)></noscript>', '<p></p>'],
    ['"><script>alert(1)</script>', '"&gt;'],
  ];
  it.each(vectors)('removes %s', (input, expected) => {
    const output = sanitizePracticeBody(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg|<img|style=|data:/i);
  });

  it('leaves only allowed tags and attributes whatever the input', () => {
    const allowed = new Set<string>(practiceTags);
    const input =
      '<table><tr><td onmouseover=alert(1)>x</td></tr></table><h5 id=a class=b>h</h5>' +
      '<a href="https://ok.example"><svg:animate attributeName="href" to="javascript:alert(1)"/>go</a>';
    for (const [, name, attributes] of sanitizePracticeBody(input).matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
      expect(allowed.has(name ?? '')).toBe(true);
      expect(attributes?.replace(/\s*(href="(https?:|mailto:)[^"]*"|rel="noopener noreferrer")/g, '').trim()).toBe('');
    }
  });
});

describe('practiceBodyText', () => {
  it('gives the words, block ends as spaces, without code', () => {
    expect(practiceBodyText('<h2>Set-up</h2><p>A &amp; B</p><script>alert(1)</script><li>x</li>')).toBe(
      'Set-up A & B x',
    );
  });
});
