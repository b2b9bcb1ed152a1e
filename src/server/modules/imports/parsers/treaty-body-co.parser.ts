/**
 * Treaty body concluding observations (PDF, in the six UN languages: see un-languages.ts): every numbered
 * paragraph with its section heading and lettered sub-items ("(a)" in English, "a)" in French and
 * Spanish); `isRecommendation` marks those that recommend, urge or call upon, so the importer can
 * choose. Running headers, page numbers and footnotes are removed by pdf-lines.
 */
import { importInvalid } from '../../../lib/tabular/file-errors';
import { detectLang, fullText, joinLines, newRecommendation, parseDateText } from './common.js';
import { type PdfLine, type PdfText, readPdfText } from './pdf-lines.js';
import { isRecommendationText } from './treaty-body-co.lang.js';
import { type ParagraphStarts, paragraphStarts } from './treaty-body-co.segment.js';
import { isFollowUpRequest, parseDeadline, parseParagraphList } from './treaty-body-follow-up.js';
import type { Lang, ParsedFollowUp, ParsedRecommendation, ParsedReview, ParsedSource } from './types.js';
import { coTitle, coTitleCountry, paragraphNumber, subChapterTitle, subItemKey, subItemLabel } from './un-languages.js';
import { forParsing, textLayerWarning } from './un-pdf.js';

/** A State's three-letter code, or a regional organisation's two ("CRPD/C/EU/CO/1": the European Union). */
export const symbolRe =
  /\b(?:(CERD|CRPD|CCPR|CEDAW|CAT|CRC|CMW|CED|SPT)\/C\/([A-Z]{2,3})\/CO\/[\d-]+|E\/C\.12\/([A-Z]{2,3})\/CO\/[\d-]+)/;

interface Draft {
  number: string;
  heading?: string;
  page: number;
  /** where its number is set: its sub-items are indented from there */
  x: number;
  intro: string[];
  subs: { label: string; lines: string[] }[];
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
  starts: Map<number, number>,
): number {
  const line = lines[i]!;
  if (!line.bold || line.size > bodySize + 0.5 || starts.has(i) || line.gap < bodySize * 1.9) return 0;
  if (Math.abs(line.x - left) > 3) return 0;
  let n = 1;
  while (lines[i + n] && lines[i + n]!.bold && !starts.has(i + n) && lines[i + n]!.gap <= bodySize * 1.5) n++;
  const next = lines[i + n];
  const last = lines[i + n - 1]!.text;
  return next && starts.has(i + n) && !/[.;,:؛،。；，：]$/.test(last) && n <= 3 ? n : 0;
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
  const parsed = segmentTreatyBodyCo(forParsing(raw, lang), fileName); // Arabic: ligatures, stretches and digits repaired
  parsed.warnings.push(...textLayerWarning(raw, lang, fileName));
  return parsed;
}

/**
 * The paragraphs of concluding observations already read as lines (the tests transform real
 * documents' lines here: another indent, another font). Refuses a document in which no paragraph
 * asks anything of the State: importing it would "apply" nothing without a word.
 */
export function segmentTreatyBodyCo(pdf: PdfText, fileName: string): ParsedSource {
  const review = reviewOfTreatyBody(pdf);
  const lines = pdf.body;
  const lang = detectLang(lines.map((l) => l.text).join(' '));
  const numberOf = (text: string) => paragraphNumber(text, lang);
  const { starts, gaps, strays } = paragraphStarts(lines, numberOf);
  const startXs = [...starts.keys()].map((i) => lines[i]!.x);
  const left = mostCommon(startXs) ?? 0;
  const drafts: Draft[] = [];
  let heading: string | undefined;
  let current: Draft | undefined;
  let inParagraph = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const number = starts.get(i);
    if (number !== undefined) {
      const intro = [numberOf(line.text)!.rest];
      current = { number: String(number), heading, page: line.page, x: line.x, intro, subs: [] };
      drafts.push(current);
      inParagraph = true;
      continue;
    }
    const previous = lines[i - 1];
    // A paragraph set in a larger font (the title font) goes on in it: not a heading.
    const goesOn = inParagraph && previous?.size === line.size && line.gap < line.size * 1.6;
    if (line.size > pdf.bodySize + 0.5 && !goesOn) {
      // A lettered sub-chapter ("A. General principles and obligations (arts. 1–4)") heads the
      // paragraphs until a bold heading comes; a roman chapter ("IV. Follow-up") resets it.
      const letter = line.size < pdf.bodySize + 3 ? subChapterTitle(line.text, lang) : undefined;
      heading = letter ? joinLines([letter, ...continuation(lines, i)]) : undefined;
      inParagraph = false;
      continue;
    }
    const h = headingLength(lines, i, left, pdf.bodySize, starts);
    if (h) {
      heading = joinLines(lines.slice(i, i + h).map((l) => l.text));
      i += h - 1;
      inParagraph = false;
      continue;
    }
    if (!current) continue;
    inParagraph = true;
    const lastSub = current.subs.at(-1);
    const sub = subItemLabel(line.text, lang, current.subs.length);
    if (sub && line.x > current.x + 10 && sub.index === current.subs.length) {
      current.subs.push({ label: subItemKey(sub.index), lines: [sub.rest] });
    } else if (lastSub) lastSub.lines.push(line.text);
    else current.intro.push(line.text);
  }
  const recommendations = drafts.map((d) => toRecommendation(d, lang, review, fileName));
  if (!recommendations.some((r) => r.isRecommendation)) {
    const message = drafts.length ? 'issues.noRecommendationsFound' : 'issues.noNumberedParagraphs';
    throw importInvalid([{ file: fileName, message }], `${fileName}: no recommendation in ${drafts.length} paragraphs`);
  }
  return {
    format: 'treaty-body-co',
    review,
    recommendations,
    followUp: followUpOf(recommendations, fileName),
    duplicates: [],
    warnings: implausible(recommendations, gaps, strays, fileName),
  };
}

/** The x most paragraph numbers are set at. */
function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Longer than any paragraph of the real documents (at most about 5,500): two paragraphs run together. */
export const MAX_PARAGRAPH_CHARS = 10_000;

/** Dry-run warnings for what the numbering or the lengths make doubtful. */
function implausible(
  recs: ParsedRecommendation[],
  gaps: ParagraphStarts['gaps'],
  strays: ParagraphStarts['strays'],
  file: string,
): ParsedSource['warnings'] {
  const warnings: ParsedSource['warnings'] = [];
  for (const rec of recs) {
    const characters = fullText(rec).length;
    if (characters > MAX_PARAGRAPH_CHARS)
      warnings.push({
        location: rec.location,
        message: 'issues.paragraphTooLong',
        params: { number: rec.number ?? '', characters: String(characters) },
      });
  }
  for (const gap of gaps)
    warnings.push({
      location: { file, paragraph: String(gap.next), page: gap.page },
      message: 'issues.paragraphNumberGap',
      params: { after: String(gap.after), next: String(gap.next) },
    });
  for (const stray of strays)
    warnings.push({
      location: { file, page: stray.page },
      message: 'issues.paragraphOutOfSequence',
      params: { number: String(stray.number) },
    });
  return warnings;
}

function toRecommendation(d: Draft, lang: Lang, review: ParsedReview, file: string): ParsedRecommendation {
  // The chapeau alone: fullText() joins it with the sub-items, stored once (see ARCHITECTURE.md).
  const text = joinLines(d.intro);
  const subItems = d.subs.map((s) => ({ label: s.label, text: joinLines(s.lines) }));
  return newRecommendation({
    number: d.number,
    text,
    lang,
    heading: d.heading,
    subItems,
    isRecommendation: isRecommendationText(lang, text, subItems[0]?.text),
    documentSymbol: review.symbol,
    body: review.body,
    country: review.country,
    date: review.date,
    location: { file, paragraph: d.number, page: d.page },
  });
}

function followUpOf(recs: ParsedRecommendation[], file: string): ParsedFollowUp | undefined {
  for (const rec of recs) {
    const text = fullText(rec);
    const deadline = parseDeadline(text);
    const paragraphs = parseParagraphList(text);
    if (!deadline || !paragraphs.length) continue;
    if (!isFollowUpRequest(`${rec.heading ?? ''} ${text}`)) continue;
    return {
      paragraphs,
      deadlineText: deadline.text,
      months: deadline.months,
      location: { file, paragraph: rec.number, page: rec.location.page },
    };
  }
  return undefined;
}
