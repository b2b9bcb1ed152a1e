/**
 * UPR addendum "Views on conclusions and/or recommendations…" (PDF, e.g. A/HRC/59/15/Add.1):
 * the State's position per recommendation number. The positions are given as lists inside
 * numbered paragraphs ("The Government accepts the following recommendations: 140.7, 140.8, …";
 * "The Government takes note of recommendations 140.1, …"); the comments that follow each list
 * (headed by numbers such as "140.11-14") repeat numbers and are not positions.
 */

import { importInvalid } from '../../../lib/tabular/file-errors';
import { joinLines } from './common.js';
import { readPdfText } from './pdf-lines.js';
import type { ParsedSource, Position } from './types.js';
import { refuseUnparsedUprLanguage } from './un-pdf.js';
import { uprReviewOf } from './upr-pdf-meta.js';

const paragraphRe = /^(\d{1,2})\.\s+/;
const recNumberRe = /\b(\d{2,3})\.(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?\b/g;

/** The position a list paragraph gives, judged by its verb. */
export function positionOfStatement(text: string): Position | undefined {
  if (/\b(partially|in part|en partie|partiellement|parcialmente|en parte)\b/i.test(text)) return 'supported_in_part';
  if (/\b(takes? note|noted|prend note|a pris note|toma nota|tomó nota)\b/i.test(text)) return 'noted';
  if (/\b(accepts?|supports?|accepted|supported|accepte|appuie|soutient|acepta|apoya)\b/i.test(text))
    return 'supported';
  return undefined;
}

/** "140.7, 140.8. 140.9" and ranges "140.11-14" → ['140.7', '140.8', '140.9', '140.11', …]. */
export function recommendationNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(recNumberRe)) {
    const from = Number(m[2]);
    const to = m[3] ? Number(m[3]) : from;
    for (let n = from; n <= to && n - from < 500; n++) out.push(`${m[1]}.${n}`);
  }
  return out;
}

export async function parseUprAddendum(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  const pdf = await readPdfText(data, fileName);
  refuseUnparsedUprLanguage(pdf, fileName);
  const review = uprReviewOf(pdf);
  const addSymbol = /\bA\/HRC\/\d+\/\d+\/Add\.\d+\b/.exec(pdf.all.map((l) => l.text).join('\n'))?.[0];
  const spacing = pdf.bodySize * 1.5; // a gap larger than this ends a block of lines
  const positions: NonNullable<ParsedSource['positions']> = [];
  const seen = new Map<string, Position>();
  const warnings: ParsedSource['warnings'] = [];
  let summary = '';
  const body = pdf.body;
  for (let i = 0; i < body.length; i++) {
    const m = paragraphRe.exec(body[i]!.text);
    if (!m || body[i]!.size > pdf.bodySize) continue;
    const block = [body[i]!.text];
    for (let j = i + 1; j < body.length && body[j]!.gap <= spacing && !paragraphRe.test(body[j]!.text); j++) {
      block.push(body[j]!.text);
    }
    const text = joinLines(block);
    if (/\d+ (?:are )?supported and \d+ noted/.test(text)) summary = text;
    const numbers = recommendationNumbers(text);
    const position = positionOfStatement(text);
    if (!numbers.length || !position) continue;
    for (const number of numbers) {
      const before = seen.get(number);
      if (before && before !== position) {
        warnings.push({
          location: { file: fileName, paragraph: m[1], page: body[i]!.page },
          message: 'issues.conflictingPosition',
          params: { number },
        });
      }
      if (before) continue;
      seen.set(number, position);
      positions.push({ number, position, positionSource: addSymbol });
    }
  }
  if (!positions.length) {
    throw importInvalid(
      [{ file: fileName, message: 'issues.noPositionsFound' }],
      `${fileName}: no list of positions found`,
    );
  }
  const claimed = /(\d+) (?:are )?supported and (\d+) noted/.exec(summary);
  if (claimed) {
    const count = (p: Position) => positions.filter((x) => x.position === p).length;
    if (Number(claimed[1]) !== count('supported') || Number(claimed[2]) !== count('noted')) {
      warnings.push({ location: { file: fileName }, message: 'issues.positionCountMismatch' });
    }
  }
  positions.sort((a, b) => Number(a.number.split('.')[1]) - Number(b.number.split('.')[1]));
  return {
    format: 'upr-addendum-pdf',
    review: { ...review, symbol: addSymbol?.replace(/\/Add\.\d+$/, '') ?? review.symbol },
    recommendations: [],
    positions,
    duplicates: [],
    warnings,
  };
}
