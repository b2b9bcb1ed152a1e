import sanitizeHtml from 'sanitize-html';

/**
 * A practice's body is rich text from the member's editor, or anything a script posts instead (a
 * federated national instance too). Before it is stored it is cut down to a short allow-list:
 * paragraphs, headings h2–h4, lists, strong/em, block quotes and links to http, https or mailto
 * addresses, which always open without the opener. Scripts, styles, frames, SVG, MathML, images,
 * forms and every attribute but a link's href go; the text of harmless unknown tags stays.
 * sanitize-html is pinned at 2.17.5, the last release that runs on Node 20 (decision 018).
 */
// No whitespace anywhere: control characters inside a scheme are how javascript: hides.
const safeHref = /^(https?:\/\/|mailto:)\S*$/i;

export const practiceTags = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote'] as const;

const nonTextTags = [
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
  'xmp',
];

const options: sanitizeHtml.IOptions = {
  allowedTags: [...practiceTags],
  // rel is added by the transform below, after the attribute filter has run.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags,
  transformTags: {
    b: 'strong',
    i: 'em',
    // An editor's h1 is the page's title level: it becomes the highest heading a body may hold.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    // A div or a br from contenteditable is a paragraph break.
    div: 'p',
    // A link to anywhere else keeps its text and loses its target: an <a> without href goes
    // nowhere. (Renaming it to a span would make sanitize-html close a later, valid link with
    // </span>.)
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && safeHref.test(attribs.href.trim())
        ? { tagName, attribs: { href: attribs.href.trim(), rel: 'noopener noreferrer' } }
        : { tagName, attribs: {} },
  },
};

/** The body as safe HTML: the allow-list above, surrounding blank space trimmed. */
export function sanitizePracticeBody(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The words of a body (for the search table and the summary of a list). */
export function practiceBodyText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h2|h3|h4|li|blockquote)>/gi, '</$1> '), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags,
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
