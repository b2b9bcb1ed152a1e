/**
 * Arabic text as PDF text layers give it, made readable where that is safe, and measured where it
 * is not. UN Arabic PDFs (made by Word with Simplified Arabic) carry four kinds of damage:
 * - directional marks around Latin runs and numbers ("‪-1‬", "‪CRPD/C/KAZ/1‬");
 * - the lam-alef ligature written back as alef + lam ("األمم" for "الأمم", "اإلعاقة" for "الإعاقة");
 * - the justification stretch (kashida) written as a letter, repeated ("استتتتتخدام", "توصيييييي"),
 *   sometimes with spaces ("است ت ت تتخدام"); a real tatweel (U+0640) is only ever a stretch;
 * - in some fonts a wrong glyph-to-letter map (ة read as ق, ى dropped): no text-only rule can
 *   undo that, so it is measured (textLayerQuality) and the preview warns.
 * Only repairs that cannot change a correctly encoded word are made: real Arabic never has an
 * alef directly before a hamza-alef, three identical letters in a row, or a tatweel that matters.
 */

const letter = '\\u0621-\\u064a';
const bidiMarks = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const presentationForms = /[\ufb50-\ufdff\ufe70-\ufefc]/g;
/** "ت ت ت ت" : a letter repeated with spaces between (pdftotext's rendering of a stretch) */
const spacedRepeat = new RegExp(`([${letter}])(?: \\1){2,}`, 'g');
const repeatRun = new RegExp(`([${letter}])\\1{2,}`, 'g');
/** alef + (alef | hamza-alef | madda-alef) + lam: the split ligature, always the reverse of lam + alef */
const splitLamAlef = /ا([اأإآ])ل/g;
/** "وال سيما": the split ligature of "ولا سيما" ("in particular"), the one standalone "ال" that is sure */
const laSiyyama = /(^|\s)([وف]?)ال (?=سيما)/g;

/** ٠-٩ and ۰-۹ → 0-9 (paragraph numbers and dates are compared as Western digits). */
export function toWesternDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Removes the directional marks that wrap Latin runs and numbers inside Arabic lines. */
export function stripBidiMarks(text: string): string {
  return text.replace(bidiMarks, '');
}

/** True when the text has enough Arabic letters to be Arabic (not a stray word in a Latin line). */
export function isArabic(text: string): boolean {
  const arabic = text.match(/[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefc]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return arabic > 0 && arabic >= latin;
}

/**
 * Repairs what can be repaired without a dictionary: presentation forms to letters, directional
 * marks and tatweel removed, split lam-alef put back in order, justification repeats collapsed.
 * Idempotent, and leaves correctly encoded Arabic unchanged (apart from tatweel).
 */
export function normaliseArabic(text: string): string {
  if (!/[\u0600-\u06ff\ufb50-\ufefc]/.test(text)) return stripBidiMarks(text);
  return stripBidiMarks(text)
    .replace(presentationForms, (c) => c.normalize('NFKC'))
    .replace(/\u0640/g, '')
    .replace(splitLamAlef, 'ال$1')
    .replace(spacedRepeat, '$1')
    .replace(repeatRun, '$1')
    .replace(laSiyyama, '$1$2لا ')
    .replace(/ {2,}/g, ' ');
}

export interface TextLayerQuality {
  /** Arabic words read */
  words: number;
  /** words whose raw text had a justification repeat (three identical letters) */
  repeats: number;
  /** words that cannot be Arabic even after normaliseArabic (see implausible()) */
  implausible: number;
  /** "على" and "إلى" per "في": about 0.9 in real UN Arabic; near 0 when the font drops ى */
  alaIlaPerFi: number;
  /** share of words with a repeat or implausible */
  share: number;
}

/**
 * A word no correct Arabic text has: a lone letter other than the conjunction و (a letter cut
 * off its word), or ة / ى before another letter (both only end words).
 */
function implausible(word: string): boolean {
  if (word.length === 1) return word !== 'و';
  if (word === 'ال') return true; // the article never stands alone: a split ligature or a lost letter
  return /[ةى][\u0621-\u064a]/.test(word);
}

/** Measures an Arabic text layer from its raw lines (before normaliseArabic). */
export function textLayerQuality(rawLines: string[]): TextLayerQuality {
  let words = 0;
  let repeats = 0;
  let bad = 0;
  let fi = 0;
  let alaIla = 0;
  for (const raw of rawLines) {
    // Words of compounds ("أنثى/ذكر") count apart; sub-item labels "(أ)" are not words.
    const rawWords = stripBidiMarks(raw)
      .split(/[\s/]+/)
      .filter((w) => !/^\(?[\u0621-\u064a]\u0640?\)[،؛:.]?$/.test(w));
    const spaced = new RegExp(spacedRepeat.source).test(raw);
    for (const rawWord of rawWords) {
      const word = normaliseArabic(rawWord).replace(/[^\u0621-\u064a]/g, '');
      if (!word) continue;
      words++;
      if (word === 'في') fi++;
      if (word === 'على' || word === 'إلى') alaIla++;
      const repeated = new RegExp(repeatRun.source).test(rawWord.replace(/\u0640/g, ''));
      // A spaced stretch leaves single letters behind: they count once, as a repeat.
      if (repeated || (spaced && word.length === 1 && word !== 'و')) repeats++;
      else if (implausible(word)) bad++;
    }
  }
  return {
    words,
    repeats,
    implausible: bad,
    alaIlaPerFi: fi ? Math.round((alaIla / fi) * 100) / 100 : 1,
    share: words ? Math.round(((repeats + bad) / words) * 1000) / 1000 : 0,
  };
}

/**
 * Thresholds: real UN Arabic (the SDG targets) measures share 0 and alaIlaPerFi ≈ 0.9; the
 * CRPD Kazakhstan layer measures far beyond both (see arabic-text.test.ts).
 */
export function isUnreliable(q: TextLayerQuality): boolean {
  if (q.words < 50) return false;
  return q.share > 0.03 || q.alaIlaPerFi < 0.2;
}
