/**
 * What the concluding-observations parser needs to know of each UN language, as data: how a
 * sub-item is marked, how the Committee asks something of the State, how a follow-up request names
 * this document's paragraphs and how a treaty's own articles are cited (which are not paragraphs
 * of the document). Arabic, Russian and Chinese take their verbs from un-languages.ts and have no
 * follow-up patterns yet.
 */
import type { Lang } from './types.js';
import { abjad, recommendVerbs } from './un-languages.js';

function arabicMarker(label: string): string {
  const letter = abjad[label.charCodeAt(0) - 97] ?? label;
  return `(${letter === 'ه' ? 'هـ' : letter})`;
}

export interface CoLanguage {
  /** how the stored text marks sub-item `a`: "(a)" in English, "a)" in French and Spanish */
  marker: (label: string) => string;
  /**
   * The Committee (or "It", "Il", "Le") as the subject of a verb that asks something of the
   * State: "the Committee recommends", "It also urges", "the Committee, recalling …, calls upon",
   * "The Committee: Recommends" (the chapeau followed by its first sub-item).
   */
  recommend: RegExp;
  /** "the recommendations contained in paragraphs 12 (a) and 34 (b)": a list of this document's paragraphs starts after it */
  paragraphList?: RegExp;
  /** "article 35, paragraph 2", "paragraph 1 of article 9": a treaty's paragraph, never this document's */
  articleReference?: RegExp;
  /** "within one year": pattern (1: a number or number word, 2: the unit), unit words of years, number words */
  deadline?: { pattern: RegExp; years: RegExp; numbers: Record<string, number> };
  /** a heading or text asking for follow-up information */
  followUpContext?: RegExp;
}

/**
 * Between the subject and the verb: one clause set off by commas ("the Committee, recalling its
 * previous recommendations (CRPD/C/DEU/CO/1, para. 10), urges"), then adverbs and pronouns.
 * Case matters: "It" starts a sentence or follows a comma, so "that it requests" is not a subject.
 */
const clause = String.raw`(?:,(?:[^.;]|\.(?=\s*\d))*?,)?`;
/** "The Committee recalls its general comment No. 3 (2016) and recommends": a first verb, then "and". */
const and = (word: string) => String.raw`(?:\p{L}+\s(?:[^.;:]|\.(?=\s*\d)){0,200}?\s${word}\s+)?`;
const en = {
  subject: String.raw`(?:\bCommittee|(?:^|[.;:,]\s*)[Ii]t)(?!\p{L})\s*:?${clause}\s+`,
  and: and('and'),
  adverbs: String.raw`(?:(?:also|further|furthermore|therefore|again|once again|moreover|\w+ly)\s+)*`,
  verbs: String.raw`(?:recommends|urges|calls\s+(?:up)?on|encourages|requests|invites|reiterates\s+its\s+(?:previous\s+)?recommendations?)(?!\p{L})`,
};
const fr = {
  subject: String.raw`(?:\bComité|(?:^|[.;:,]\s*)[Ii]l)(?!\p{L})\s*:?${clause}\s+`,
  and: and('et'),
  // "Il lui recommande", "le Comité l’engage vivement", "Il recommande également"
  adverbs: String.raw`(?:(?:aussi|également|en outre|donc|de nouveau|à nouveau|vivement|instamment|lui|leur|l[’'])\s*)*`,
  verbs: String.raw`(?:recommande|exhorte|engage|encourage|demande|invite|prie|appelle(?!\s+l[’']attention)|réitère\s+sa\s+recommandation)(?!\p{L})`,
};
const es = {
  subject: String.raw`(?:\bComité|\b[Ll]es?)(?!\p{L})\s*:?${clause}\s+`,
  and: and('y'),
  adverbs: String.raw`(?:(?:también|asimismo|además|por lo tanto|nuevamente|una vez más|encarecidamente|enérgicamente|le|les)\s+)*`,
  verbs: String.raw`(?:recomienda|insta|exhorta|alienta|pide|solicita|invita|reitera\s+su\s+recomendación)(?!\p{L})`,
};
const pattern = (p: { subject: string; and: string; adverbs: string; verbs: string }) =>
  new RegExp(`${p.subject}${p.and}${p.adverbs}${p.verbs}`, 'u');

export const coLanguages: Record<Lang, CoLanguage> = {
  en: {
    marker: (label) => `(${label})`,
    recommend: pattern(en),
    paragraphList: /\brecommendations?\b(?:\s+[^\s.;]+){0,6}?\s+paragraphs?\s+(?=\d)/iu,
    articleReference:
      /\b(?:articles?|rules?)\s+\d+\s*(?:\(\d+\))?,?\s+paragraphs?\s+\d+|\bparagraphs?\s+\d+(?:\s*\([a-z]\))?,?\s+of\s+(?:the\s+)?(?:articles?|rules?)\s+\d+/giu,
    deadline: {
      pattern: /within (?:a period of )?([\w-]+) (years?|months?)/i,
      years: /^years?$/i,
      numbers: { one: 1, two: 2, three: 3, four: 4, six: 6, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24 },
    },
    followUpContext: /follow-up|article 9|rule 65|information/i,
  },
  fr: {
    marker: (label) => `${label})`,
    recommend: pattern(fr),
    paragraphList: /\brecommandations?\b(?:\s+[^\s.;]+){0,6}?\s+paragraphes?\s+(?=\d)/iu,
    articleReference:
      /\b(?:articles?|règles?)\s+\d+\s*(?:\(\d+\))?,?\s+paragraphes?\s+\d+|\bparagraphes?\s+\d+(?:\s*[a-z]\))?,?\s+de\s+l[’']article\s+\d+/giu,
    deadline: {
      pattern: /dans un délai d[e’'] ?([\w-]+) (ans?|mois)/i,
      years: /^ans?$/i,
      numbers: { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, douze: 12, 'dix-huit': 18, 'vingt-quatre': 24 },
    },
    followUpContext: /suivi|article 9|article 65|renseignements|informations/i,
  },
  es: {
    marker: (label) => `${label})`,
    recommend: pattern(es),
    paragraphList: /\brecomendaci(?:ón|ones)(?!\p{L})(?:\s+[^\s.;]+){0,6}?\s+(?:párrafos?|apartados?)\s+(?=\d)/iu,
    articleReference:
      /\b(?:artículos?|reglas?)\s+\d+\s*(?:\(\d+\))?,?\s+párrafos?\s+\d+|\bpárrafos?\s+\d+(?:\s*[a-z]\))?,?\s+del\s+artículo\s+\d+/giu,
    deadline: {
      pattern: /(?:en|dentro de) un plazo de ([\w-]+) (años?|meses)/i,
      years: /^años?$/i,
      numbers: { uno: 1, dos: 2, tres: 3, cuatro: 4, seis: 6, doce: 12, dieciocho: 18, veinticuatro: 24 },
    },
    followUpContext: /seguimiento|artículo 9|artículo 65|información/i,
  },
  // Arabic marks sub-items with abjad letters, (أ) (ب) (ج)…; stored labels stay 'a', 'b'…
  ar: { marker: arabicMarker, recommend: recommendVerbs.ar },
  ru: { marker: (label) => `${label})`, recommend: recommendVerbs.ru },
  zh: { marker: (label) => `(${label})`, recommend: recommendVerbs.zh },
};

/** True when the chapeau, or the chapeau with its first sub-item ("The Committee: (a) Recommends"), asks something of the State. */
export function isRecommendationText(lang: Lang, chapeau: string, firstSubItem?: string): boolean {
  const re = coLanguages[lang].recommend;
  if (re.test(chapeau)) return true;
  // "The Committee: (a) Recommends that…": the verb opens the first sub-item, capitalised.
  const first = firstSubItem?.replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  return first !== undefined && re.test(`${chapeau} ${first}`);
}
