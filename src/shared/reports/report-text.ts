/**
 * Text of a report section's HTML, shared by the editor (live count in the browser) and the server
 * (counts in the API and the export), so both always agree. The HTML is the sanitised subset
 * (p, br, strong, em, u, ul, ol, li, a, h3, h4, blockquote): a tokenizer is enough, no DOM.
 *
 * Word count, the way the UN's editors count (as Word does):
 * - tags are removed; each block (paragraph, list item, heading, line break) separates words;
 * - a word is a run of characters between white space that holds at least one letter or digit,
 *   so "human-rights", "l'État", "2030" and "and/or" are one word each and a lone "–" is none;
 * - Chinese, Japanese and Korean characters count one word each (Word's East Asian rule; the
 *   UN counts Chinese documents by characters), and split the runs around them, so
 *   "第118.7段" is 3 words (第, 118.7, 段);
 * - main text (section headings and bodies) and annexes are counted apart; the generated table
 *   of recommendations and the source footnotes are references, not counted.
 */

const blockTags = new Set(['p', 'br', 'li', 'ul', 'ol', 'h3', 'h4', 'blockquote', 'div']);
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

export interface HtmlToken {
  kind: 'open' | 'close' | 'text';
  /** Tag name (lower case) for open and close tokens. */
  tag: string;
  /** Decoded text for text tokens; raw attributes for open tokens. */
  value: string;
}

/** Splits sanitised HTML into open tags, close tags and decoded text. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g)) {
    if (match[4] !== undefined) tokens.push({ kind: 'text', tag: '', value: decodeEntities(match[4]) });
    else if (match[2] !== undefined)
      tokens.push({ kind: match[1] ? 'close' : 'open', tag: match[2].toLowerCase(), value: match[3] ?? '' });
    else tokens.push({ kind: 'text', tag: '', value: '<' });
  }
  return tokens;
}

/** Plain text of HTML, blocks separated by new lines. */
export function htmlToText(html: string): string {
  let out = '';
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') out += token.value;
    else if (blockTags.has(token.tag)) out += '\n';
  }
  return out
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}

/**
 * The paragraphs of a section as consultation numbers them: each p, li, h3 and h4 (a blockquote's
 * paragraphs count themselves), in order, empty ones left out.
 */
export function paragraphsOf(html: string): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  const flush = () => {
    const text = current?.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = null;
  };
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') current = (current ?? '') + token.value;
    else if (token.tag === 'br') current = `${current ?? ''} `;
    else if (['p', 'li', 'h3', 'h4', 'blockquote', 'ul', 'ol'].includes(token.tag)) flush();
  }
  flush();
  return paragraphs;
}

// Han (with extensions and compatibility), Hiragana, Katakana, Hangul; CJK punctuation is not a word.
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const wordish = /[\p{L}\p{N}]/u;

/** Words of plain text by the rule above (one pass of regular expressions: the export counts whole reports). */
export function countWordsInText(text: string): number {
  let characters = 0;
  const spaced = text.replace(cjk, () => {
    characters++;
    return ' ';
  });
  let words = 0;
  for (const token of spaced.split(/\s+/u)) if (token && wordish.test(token)) words++;
  return words + characters;
}

/** Words of a section's HTML (tags stripped, blocks separating words). */
export function countWords(html: string): number {
  return countWordsInText(htmlToText(html));
}

/**
 * A section's words: its heading and text, or none while it has no text, since the export does
 * not print a section without text (an unanswered paragraph, an empty chapter). The editor, the
 * report's counts and the export read this one rule.
 */
export function sectionWords(heading: string, body: string): number {
  const words = countWords(body);
  return words === 0 ? 0 : countWords(heading) + words;
}

export interface WordCounts {
  main: number;
  annex: number;
  mainLimit: number;
  annexLimit: number | null;
  mainOver: boolean;
  annexOver: boolean;
}

/** Main text and annex counted apart, each against its own limit (an annex without a limit is never over). */
export function wordCounts(
  main: number,
  annex: number,
  limits: { wordLimit: number; annexWordLimit: number | null },
): WordCounts {
  return {
    main,
    annex,
    mainLimit: limits.wordLimit,
    annexLimit: limits.annexWordLimit,
    mainOver: main > limits.wordLimit,
    annexOver: limits.annexWordLimit !== null && annex > limits.annexWordLimit,
  };
}
