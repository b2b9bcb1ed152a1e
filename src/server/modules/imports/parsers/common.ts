/** Helpers shared by the parsers: text clean-up, dates, language (errors: lib/tabular/file-errors.ts). */
import { coLanguages } from './treaty-body-co.lang.js';
import type { Lang, ParsedRecommendation, SourceLocation } from './types.js';

/** Collapses white space (incl. no-break spaces) and trims. */
export function squash(text: string): string {
  // Most cells are already clean; testing is cheaper than replacing every single space by itself.
  return clean.test(text) ? text : text.replace(/[\u00a0\u2007\u202f\t\r\n ]+/g, ' ').trim();
}
/** Nothing for squash() to change: single spaces between words, no other white space. */
const clean = /^(?:[^\s\u00a0\u2007\u202f]+(?: [^\s\u00a0\u2007\u202f]+)*)?$/;

/**
 * Joins wrapped lines of a paragraph. A line ending in a hyphen after a letter is joined without a
 * space: UN documents hyphenate compounds ("anti-discrimination"), not syllables.
 */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{L}[-\u2010]$/u.test(out)) out += line;
    else out += ` ${line}`;
  }
  return squash(out);
}

/** Cheap language guess from function words and scripts; good enough for UN documents. */
export function detectLang(text: string): Lang {
  const sample = text.slice(0, 20000);
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  if (count(/[\u0600-\u06ff]/g) > 50) return 'ar';
  if (count(/[\u0400-\u04ff]/g) > 50) return 'ru';
  if (count(/[\u4e00-\u9fff]/g) > 50) return 'zh';
  const en = count(/\b(the|and|of|that|with)\b/gi);
  const fr = count(/\b(le|les|des|et|du|aux|une)\b/gi);
  const es = count(/\b(el|los|las|del|y|una|por)\b/gi);
  if (fr > en && fr >= es) return 'fr';
  if (es > en && es > fr) return 'es';
  return 'en';
}

const months: Record<string, number> = {};
const monthNames = [
  'january february march april may june july august september october november december',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
];
for (const names of monthNames) {
  for (const [i, n] of names.split(' ').entries()) months[n] = i + 1;
}

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** '19 December 2022', '4 avril 2019', '2 de octubre de 2019', '2022-12-19', '19/12/2022' → ISO. */
export function parseDateText(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return iso(+m[3]!, +m[2]!, +m[1]!);
  m = /(\d{1,2})(?:er)?\s+(?:de\s+)?([a-zéû]+)\s+(?:de\s+)?(\d{4})/u.exec(t);
  if (m && months[m[2]!]) return iso(+m[3]!, months[m[2]!]!, +m[1]!);
  return undefined;
}

/** Excel serial day (1900 system) → ISO date. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);
}

/**
 * The text of a paragraph as a reader sees it and as `text_<lang>` stores it: the chapeau
 * (`rec.text`), then each sub-item on a line of its own with its marker ("(a)" or "a)"). The
 * sub-items are in this text once; `sub_items` holds the same items as structure, which readers
 * show instead of (never beside) the part of the text after the chapeau. See ARCHITECTURE.md.
 */
export function fullText(rec: Pick<ParsedRecommendation, 'text' | 'lang' | 'subItems'>): string {
  if (rec.subItems.length === 0) return rec.text;
  const { marker } = coLanguages[rec.lang];
  return [rec.text, ...rec.subItems.map((item) => `${marker(item.label)} ${item.text}`)].join('\n');
}

/** A recommendation with the empty lists filled in. */
export function newRecommendation(
  fields: Partial<ParsedRecommendation> & { text: string; lang: Lang; location: SourceLocation },
): ParsedRecommendation {
  return {
    subItems: [],
    recommendingStates: [],
    themes: [],
    affectedPersons: [],
    sdgTargets: [],
    issues: [],
    ...fields,
  };
}

/** UPR cycle from the Working Group session number (sessions 1-12: cycle 1, 13-26: 2, 27-40: 3, 41-54: 4). */
export function uprCycleOfWgSession(session: number): number {
  return session <= 12 ? 1 : Math.floor((session - 13) / 14) + 2;
}
