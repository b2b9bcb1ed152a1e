import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/*
 * The community's pure rules: how a post becomes safe HTML, who is mentioned in it, how much an
 * account may post, and how an event's wall-clock time in its zone becomes an instant.
 */

/**
 * A post is plain text with a small Markdown subset: paragraphs and line breaks, **bold**,
 * *italics*, `code` and code blocks, lists, quotes and links (written or bare). markdown-it runs
 * with `html: false`, so any markup typed is shown as text; no images, headings or tables. Its
 * output then goes through sanitize-html's allowlist as a second wall: only these tags, only
 * http(s) and mailto links, and every link marked as user content that opens nothing with access
 * to this page (rel=ugc nofollow noopener noreferrer).
 */
const markdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'newline',
  'emphasis',
  'backticks',
  'code',
  'fence',
  'list',
  'blockquote',
  'link',
  'autolink',
  'linkify',
  'escape',
  'entity',
  'text_join',
]);
const safeHref = /^(https?:\/\/|mailto:)\S*$/i;
const allowlist: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href && safeHref.test(attribs.href.trim())
        ? { tagName, attribs: { href: attribs.href.trim(), rel: 'ugc nofollow noopener noreferrer' } }
        : { tagName: 'span', attribs: {} },
  },
};

/** The post as safe HTML (never the raw text, never a tag or attribute outside the allowlist). */
export function renderPost(body: string): string {
  return sanitizeHtml(markdown.render(body), allowlist).trim();
}

/** The post as plain text, for mails and the search (the Markdown marks left as typed). */
export function plainText(body: string, max = 2000): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The handles mentioned in a post: `@handle` at the start or after a space or punctuation (not
 * inside an e-mail address), in lower case, once each; a trailing dot or dash is the sentence's.
 */
export function mentionedHandles(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/(^|[^\p{L}\p{N}_.@-])@([a-zA-Z0-9][a-zA-Z0-9_.-]{1,29})/gu)) {
    const handle = (match[2] ?? '').replace(/[.-]+$/, '').toLowerCase();
    if (handle.length >= 2) found.add(handle);
  }
  return [...found];
}

/** A handle from a person's name (letters a-z kept, others dropped), or from their e-mail. */
export function handleBase(name: string, email: string): string {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 24);
  const fromName = ascii(name);
  if (fromName.length >= 2) return fromName;
  const fromEmail = ascii(email.split('@')[0] ?? '');
  return fromEmail.length >= 2 ? fromEmail : 'member';
}

/**
 * Posting limits against spam: at most `perWindow` posts (threads and replies) per account in
 * `windowMinutes`; moderators are not limited. A new account's posts wait for a moderator until
 * one of them has been approved once (decision 037).
 */
export const postingLimit = { perWindow: 6, windowMinutes: 10 } as const;

/** The offset of a zone from UTC at an instant, in minutes (Geneva in summer: 120). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time ('2026-03-29T10:00') names in a zone, or null when that time does
 * not exist there (the hour skipped when clocks go forward). Of an hour that happens twice (clocks
 * going back), the first.
 */
export function zonedToInstant(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const candidates = [offsetMinutes(wall - 14 * 3_600_000, timeZone), offsetMinutes(wall + 14 * 3_600_000, timeZone)]
    .map((offset) => wall - offset * 60_000)
    .sort((a, b) => a - b);
  for (const instant of candidates) if (instantToZoned(new Date(instant), timeZone) === local) return new Date(instant);
  return null;
}

/** The wall-clock time of an instant in a zone, as a form shows it: '2026-03-29T10:00'. */
export function instantToZoned(instant: Date, timeZone: string): string {
  const wall = new Date(instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000);
  return wall.toISOString().slice(0, 16);
}
