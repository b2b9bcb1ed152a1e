import { coLanguages } from './treaty-body-co.lang.js';

/**
 * The follow-up paragraph of treaty body concluding observations: which paragraphs the
 * Committee wants news on, and by when ("within one year", "dans un délai de deux ans",
 * "en un plazo de dos años"). The phrases of each language are in treaty-body-co.lang.ts.
 */

/** "within one year" → { text: 'within one year', months: 12 }. */
export function parseDeadline(text: string): { text: string; months: number } | undefined {
  for (const { deadline } of Object.values(coLanguages)) {
    const m = deadline?.pattern.exec(text);
    if (!deadline || !m) continue;
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : deadline.numbers[m[1]!.toLowerCase()];
    if (!n) continue;
    return { text: m[0], months: deadline.years.test(m[2]!) ? n * 12 : n };
  }
  return undefined;
}

/** A paragraph that asks for follow-up information (its heading or its text say so). */
export function isFollowUpRequest(text: string): boolean {
  return Object.values(coLanguages).some((language) => language.followUpContext?.test(text));
}

const letter = String.raw`\(?([a-z])\)`;
const to = String.raw`\s*(?:[-–]|\s(?:to|à|a)\s)\s*`; // "(a)–(d)", "b) à d)", "b) a d)"
const letterRange = new RegExp(`${letter}(?:${to}${letter})?`, 'g');

/**
 * "the recommendations contained in paragraphs 17 (a) (right to health …), 19 (c) (…) and 36 (a)–(d)
 * (…)" → ['17 (a)', '19 (c)', '36 (a)', '36 (b)', '36 (c)', '36 (d)']. The list starts only after
 * "recommendations … paragraphs" (in any of the languages of coLanguages): a treaty's own article
 * ("in accordance with article 35, paragraph 2, of the Convention") names no paragraph of the
 * document and is blanked out first. Descriptions in parentheses are dropped; a number without
 * letters stands for the whole paragraph.
 */
export function parseParagraphList(text: string): string[] {
  let plain = text;
  for (const language of Object.values(coLanguages))
    if (language.articleReference) plain = plain.replace(language.articleReference, (m) => ' '.repeat(m.length));
  const starts = Object.values(coLanguages)
    .map((language) => language.paragraphList?.exec(plain))
    .filter((m): m is RegExpExecArray => !!m)
    .sort((a, b) => a.index - b.index);
  const start = starts[0];
  if (!start) return [];
  let rest = plain.slice(start.index + start[0].length);
  rest = rest.replace(/\((?![a-z]\))(?:[^()]|\([^()]*\))*\)/g, ' ');
  rest = rest.split(/[.;](?:\s|$)/)[0] ?? rest;
  const out: string[] = [];
  const re = new RegExp(String.raw`(\d{1,3})((?:\s*(?:,|and|et|y|e)?\s*\(?[a-z]\)(?:${to}\(?[a-z]\))?)*)`, 'g');
  for (const m of rest.matchAll(re)) {
    const letters: string[] = [];
    for (const l of (m[2] ?? '').matchAll(letterRange)) {
      const from = l[1]!.charCodeAt(0);
      const last = (l[2] ?? l[1]!).charCodeAt(0);
      for (let c = from; c <= last; c++) letters.push(String.fromCharCode(c));
    }
    if (!letters.length) out.push(m[1]!);
    for (const l of letters) out.push(`${m[1]} (${l})`);
  }
  return out;
}
