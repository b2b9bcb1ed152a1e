import sanitizeHtml from 'sanitize-html';

/**
 * Narratives come from the rich-text editor as HTML, and anything can be posted instead. Before
 * storing, they are cut down to the few tags the editor makes; everything else (scripts, event
 * handlers, styles, frames, SVG, images, forms) goes, tags and all, keeping the text of harmless
 * unknown tags. Links keep only http, https and mailto targets and always open without the opener.
 */
// No whitespace anywhere: control characters inside a scheme are how javascript: hides.
const safeHref = /^(https?:\/\/|mailto:)\S*$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'blockquote'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Their content is code or markup, never narrative text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
  ],
  // The editor's b/i (execCommand in some browsers) mean strong/em.
  transformTags: {
    b: 'strong',
    i: 'em',
    // A link to anywhere else becomes a span, which is then dropped with its text kept.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && safeHref.test(attribs.href.trim())
        ? { tagName, attribs: { href: attribs.href.trim(), rel: 'noopener noreferrer' } }
        : { tagName: 'span', attribs: {} },
  },
};

// rel is added by the transform, after the attribute filter has run.
options.allowedAttributes = { a: ['href', 'rel'] };

/** The narrative as safe HTML: the allowlist above, surrounding blank space trimmed. */
export function sanitizeNarrative(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The words a reader sees in the narrative (for "is it empty?" and word counts). */
export function narrativeText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: options.nonTextTags })
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text (answers to calls) as HTML paragraphs, for the same rendering path. */
export function textToHtml(text: string): string {
  const escapeHtml = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br />')}</p>`)
    .join('');
}
