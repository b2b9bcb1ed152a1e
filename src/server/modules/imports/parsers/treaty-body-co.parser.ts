/**
 * Treaty body concluding observations (PDF, English / French / Spanish): every numbered
 * paragraph with its section heading and lettered sub-items ("(a)" in English, "a)" in French and
 * Spanish); `isRecommendation` marks those that recommend, urge or call upon, so the importer can
 * choose. Running headers, page numbers and footnotes are removed by pdf-lines.
 */
import { detectLang, joinLines, newRecommendation, parseDateText } from './common.js';
import { type PdfLine, type PdfText, readPdfText } from './pdf-lines.js';
import { parseDeadline, parseParagraphList } from './treaty-body-follow-up.js';
import type { Lang, ParsedFollowUp, ParsedRecommendation, ParsedReview, ParsedSource } from './types.js';
import {
  coTitle,
  coTitleCountry,
  paragraphNumber,
  recommendVerbs,
  subChapterTitle,
  subItemKey,
  subItemLabel,
} from './un-languages.js';
import { forParsing, textLayerWarning } from './un-pdf.js';

const recommendRe: Record<Lang, RegExp> = {
  en: /\b(recommends?|urges?|calls? (?:up)?on the State party|reiterates its (previous )?recommendations?)\b/i,
  fr: /\b(recommande|réitère sa recommandation|exhorte|engage vivement|demande instamment|prie instamment|invite instamment)\b/i,
  es: /\b(recomienda|reitera su recomendación|insta|exhorta)\b/i,
  ...recommendVerbs,
};
/** A State's three-letter code, or a regional organisation's two ("CRPD/C/EU/CO/1": the European Union). */
export const symbolRe =
  /\b(?:(CERD|CRPD|CCPR|CEDAW|CAT|CRC|CMW|CED|SPT)\/C\/([A-Z]{2,3})\/CO\/[\d-]+|E\/C\.12\/([A-Z]{2,3})\/CO\/[\d-]+)/;

interface Draft {
  number: string;
  heading?: string;
  page: number;
  intro: string[];
  subs: { label: string; marker: string; lines: string[] }[];
}

export function reviewOfTreatyBody(pdf: PdfText): ParsedReview {
  const texts = pdf.all.map((l) => l.text.replace(/\s+(?=\/)/g, ''));
  const m = symbolRe.exec(texts.join('\n'));
  const distr = texts.findIndex((t) => /Distr\.?:? ?(General|générale|general)/i.test(t));
  const date =
    distr >= 0
      ? texts
          .slice(distr, distr + 3)
          .map(parseDateText)
          .find(Boolean)
      : undefined;
  // The title ("Concluding observations on … of Brazil") may wrap over two lines of the same size.
  const t = pdf.body.findIndex((l) => Object.values(coTitle).some((re) => re.test(l.text)));
  const titleLines = t < 0 ? [] : [pdf.body[t]!];
  while (
    t >= 0 &&
    pdf.body[t + titleLines.length]?.size === pdf.body[t]!.size &&
    pdf.body[t + titleLines.length]!.gap < 20
  ) {
    titleLines.push(pdf.body[t + titleLines.length]!);
  }
  const title = joinLines(titleLines.map((l) => l.text));
  const country =
    /(?:reports? of|rapports? (?:\S+ )*?d[eu]s?|informes? (?:\S+ )*?de) (?:la |le |l’|el |los )?([\p{Lu}][^*]+?)\**$/u.exec(
      title,
    )?.[1] ?? coTitleCountry(title);
  return {
    symbol: m?.[0],
    body: m ? (m[1] ?? 'CESCR') : undefined,
    country,
    countryCode: m?.[2] ?? m?.[3],
    date,
  };
}

/** A bold, unnumbered line after a wide gap (or at a page top) that leads to a numbered paragraph. */
function headingLength(
  lines: PdfLine[],
  i: number,
  left: number,
  bodySize: number,
  numbered: (text: string) => unknown,
): number {
  const line = lines[i]!;
  if (!line.bold || line.size > bodySize + 0.5 || numbered(line.text) || line.gap < bodySize * 1.9) return 0;
  if (Math.abs(line.x - left) > 3) return 0;
  let n = 1;
  while (lines[i + n] && lines[i + n]!.bold && !numbered(lines[i + n]!.text) && lines[i + n]!.gap <= bodySize * 1.5)
    n++;
  const next = lines[i + n];
  const last = lines[i + n - 1]!.text;
  return next && numbered(next.text) && !/[.;,:؛،。；，：]$/.test(last) && n <= 3 ? n : 0;
}

/** Lines of the same large size right under lines[i] (a wrapped chapter title). */
function continuation(lines: PdfLine[], i: number): string[] {
  const out: string[] = [];
  for (let j = i + 1; lines[j] && lines[j]!.size === lines[i]!.size && lines[j]!.gap < lines[i]!.size * 1.6; j++)
    out.push(lines[j]!.text);
  return out;
}

export async function parseTreatyBodyCo(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  const raw = await readPdfText(data, fileName);
  const lang = detectLang(raw.body.map((l) => l.text).join(' '));
  const pdf = forParsing(raw, lang); // Arabic: ligatures, stretches and digits repaired
  const review = reviewOfTreatyBody(pdf);
  const lines = pdf.body;
  const numberOf = (text: string) => paragraphNumber(text, lang);
  const xs = lines.filter((l) => numberOf(l.text)).map((l) => l.x);
  const left = xs.sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0] ?? 0;
  const drafts: Draft[] = [];
  let heading: string | undefined;
  let current: Draft | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.size > pdf.bodySize + 0.5) {
      // A lettered sub-chapter ("A. General principles and obligations (arts. 1–4)") heads the
      // paragraphs until a bold heading comes; a roman chapter ("IV. Follow-up") resets it.
      const letter = line.size < pdf.bodySize + 3 ? subChapterTitle(line.text, lang) : undefined;
      heading = letter ? joinLines([letter, ...continuation(lines, i)]) : undefined;
      continue;
    }
    const h = headingLength(lines, i, left, pdf.bodySize, numberOf);
    if (h) {
      heading = joinLines(lines.slice(i, i + h).map((l) => l.text));
      i += h - 1;
      continue;
    }
    const num = numberOf(line.text);
    const expected = current ? Number(current.number) + 1 : 1;
    if (num && num.number === expected && Math.abs(line.x - left) <= 3) {
      current = { number: String(num.number), heading, page: line.page, intro: [num.rest], subs: [] };
      drafts.push(current);
      continue;
    }
    if (!current) continue;
    const lastSub = current.subs.at(-1);
    const sub = subItemLabel(line.text, lang, current.subs.length);
    if (sub && line.x > left + 10 && sub.index === current.subs.length) {
      current.subs.push({ label: subItemKey(sub.index), marker: sub.marker, lines: [sub.rest] });
    } else if (lastSub) lastSub.lines.push(line.text);
    else current.intro.push(line.text);
  }
  const recommendations = drafts.map((d) => toRecommendation(d, lang, review, fileName));
  return {
    format: 'treaty-body-co',
    review,
    recommendations,
    followUp: followUpOf(recommendations, fileName),
    duplicates: [],
    warnings: [
      ...(drafts.length ? [] : [{ location: { file: fileName }, message: 'issues.noNumberedParagraphs' }]),
      ...textLayerWarning(raw, lang, fileName),
    ],
  };
}

function toRecommendation(d: Draft, lang: Lang, review: ParsedReview, file: string): ParsedRecommendation {
  const intro = joinLines(d.intro);
  const subItems = d.subs.map((s) => ({ label: s.label, text: joinLines(s.lines) }));
  const text = [intro, ...d.subs.map((s, k) => `${s.marker} ${subItems[k]!.text}`)].join(' ');
  return newRecommendation({
    number: d.number,
    text,
    lang,
    heading: d.heading,
    subItems,
    isRecommendation: recommendRe[lang].test(intro),
    documentSymbol: review.symbol,
    body: review.body,
    country: review.country,
    date: review.date,
    location: { file, paragraph: d.number, page: d.page },
  });
}

function followUpOf(recs: ParsedRecommendation[], file: string): ParsedFollowUp | undefined {
  for (const rec of recs) {
    const deadline = parseDeadline(rec.text);
    const paragraphs = parseParagraphList(rec.text);
    if (!deadline || !paragraphs.length) continue;
    if (!/follow-up|suivi|seguimiento|article 9|rule 65|information/i.test(`${rec.heading ?? ''} ${rec.text}`))
      continue;
    return {
      paragraphs,
      deadlineText: deadline.text,
      months: deadline.months,
      location: { file, paragraph: rec.number, page: rec.location.page },
    };
  }
  return undefined;
}
