import { describe, expect, it } from 'vitest';
import { narrativeText, sanitizeNarrative, textToHtml } from './sanitize';

describe('sanitizeNarrative', () => {
  it('keeps what the editor makes', () => {
    const html =
      '<h3>Results</h3><p>A <strong>new</strong> law, <em>adopted</em> and <u>published</u>.<br></p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quoted</blockquote><h4>Next</h4>';
    expect(sanitizeNarrative(html)).toBe(
      '<h3>Results</h3><p>A <strong>new</strong> law, <em>adopted</em> and <u>published</u>.<br /></p>' +
        '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>quoted</blockquote><h4>Next</h4>',
    );
  });

  it('turns b and i into strong and em', () => {
    expect(sanitizeNarrative('<b>bold</b> <i>it</i>')).toBe('<strong>bold</strong> <em>it</em>');
  });

  it('keeps http, https and mailto links, with rel noopener noreferrer', () => {
    expect(sanitizeNarrative('<a href="https://example.org/x?a=1&b=2" target="_blank" onclick="x()">law</a>')).toBe(
      '<a href="https://example.org/x?a=1&amp;b=2" rel="noopener noreferrer">law</a>',
    );
    expect(sanitizeNarrative('<a href="mailto:info@example.org">mail</a>')).toBe(
      '<a href="mailto:info@example.org" rel="noopener noreferrer">mail</a>',
    );
  });

  const vectors: [string, string][] = [
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p>x<script src="https://evil.example/x.js"></script></p>', '<p>x</p>'],
    ['<img src=x onerror="alert(1)">text', 'text'],
    ['<p onclick="alert(1)" onmouseover="alert(2)">hi</p>', '<p>hi</p>'],
    ['<a href="javascript:alert(1)">click</a>', 'click'],
    ['<a href="JaVaScRiPt:alert(1)">click</a>', 'click'],
    ['<a href="jav&#x09;ascript:alert(1)">click</a>', 'click'],
    ['<a href="  javascript:alert(1)">click</a>', 'click'],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>', 'd'],
    ['<a href="vbscript:msgbox(1)">v</a>', 'v'],
    ['<a href="//evil.example/">p</a>', 'p'],
    ['<svg onload="alert(1)"><circle r="1"/></svg><p>after</p>', '<p>after</p>'],
    ['<svg><script>alert(1)</script></svg>', ''],
    ['<style>body{display:none}</style><p style="color:red">s</p>', '<p>s</p>'],
    ['<iframe src="https://evil.example"></iframe><p>f</p>', '<p>f</p>'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
    ['<object data="x.swf"></object><embed src="x.swf">', ''],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['<form action="https://evil.example"><input name="x"><button>go</button></form>', 'go'],
    ['<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', ''],
    ['<details open ontoggle="alert(1)"><summary>s</summary></details>', 's'],
    ['<p>a</p><!-- <script>alert(1)</script> -->', '<p>a</p>'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', ''],
    ['<base href="javascript:alert(1)//">', ''],
    ['"><script>alert(1)</script>', '"&gt;'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', ''],
  ];
  it.each(vectors)('removes the vector %s', (input, expected) => {
    const output = sanitizeNarrative(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg|style=|data:/i);
  });
});

/**
 * sanitize-html is held at 2.17.5, the last release that runs on Node 20 (decision 018). The
 * advisories fixed after it (textarea/xmp and noscript re-parsing, SVG animation of href, meta
 * refresh, nested iframe fallback) need a tag this allowlist drops; these are their payloads, and
 * the output must hold only allowlisted tags, href/rel attributes and escaped text.
 */
describe('advisories fixed after the pinned sanitize-html', () => {
  const allowed = new Set(['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote']);
  const payloads = [
    '<textarea></textarea/><img src=x onerror=alert(1)></textarea>',
    '<svg><textarea><img src=x onerror=alert(1)></textarea></svg>',
    '<xmp></xmp/><img src=x onerror=alert(1)></xmp>',
    '<textarea>&lt;img src=x onerror=alert(1)&gt;</textarea>',
    '<p><noscript></p><img src=x onerror=alert(1)></noscript>',
    '<blockquote><noscript></blockquote><a href="javascript:alert(1)">x</a></noscript>',
    '<svg><a><animate attributeName="href" values="#x;javascript:alert(1)"/><text>go</text></a></svg>',
    '<a href="https://ok.example"><svg:animate attributeName="xlink:href" to="javascript:alert(1)"/>go</a>',
    '<meta http-equiv="refresh" content="0; URL=\'javascript:alert(1)\'">',
    '<option>&lt;script&gt;alert(1)&lt;/script&gt;</option>',
  ];
  it.each(payloads)('leaves only allowlisted markup for %s', (input) => {
    for (const output of [sanitizeNarrative(input), narrativeText(input)]) {
      for (const [, name, attributes] of output.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
        expect(allowed.has(name ?? '')).toBe(true);
        expect(attributes?.replace(/\s*(href="(https?:|mailto:)[^"]*"|rel="noopener noreferrer")/g, '').trim()).toBe(
          '',
        );
      }
      expect(output).not.toMatch(/javascript:/i);
    }
  });

  it('drops deeply nested iframes quickly', () => {
    const started = performance.now();
    expect(sanitizeNarrative(`${'<iframe><p>'.repeat(5000)}x`)).toBe('');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('narrativeText and textToHtml', () => {
  it('finds no words in markup alone', () => {
    expect(narrativeText('<p><br></p><p>&nbsp;</p><script>alert(1)</script>')).toBe('');
    expect(narrativeText('<p>Two <strong>words</strong></p>')).toBe('Two words');
  });

  it('escapes plain text into paragraphs', () => {
    expect(textToHtml('a < b\nc\n\n<script>x</script>')).toBe(
      '<p>a &lt; b<br />c</p><p>&lt;script&gt;x&lt;/script&gt;</p>',
    );
  });
});
