/**
 * UPR Working Group report (PDF, e.g. A/HRC/59/15): the numbered recommendations of section II
 * "Conclusions and/or recommendations", grouped under paragraphs that say whether the State
 * supports them, will examine them (pending) or noted them.
 */

import { importInvalid } from '../../../lib/tabular/file-errors';
import { detectLang, joinLines, newRecommendation } from './common.js';
import { type PdfLine, readPdfText } from './pdf-lines.js';
import type { ParsedRecommendation, ParsedSource, Position } from './types.js';
import { refuseUnparsedUprLanguage } from './un-pdf.js';
import { splitUprParagraphs } from './upr-paragraph.js';
import { uprReviewOf } from './upr-pdf-meta.js';

const sectionRe =
  /Conclusions and\/or recommendations|Conclusions et\/ou recommandations|Conclusiones y\/o recomendaciones/i;
const groupRe = /^(\d{2,3})\.\s+(.*)$/;
const recRe = /^(\d{2,3})\.(\d{1,3})\.?\s/;

/** What the paragraph introducing a group of recommendations says about them. */
export function positionOfGroup(intro: string): Position | undefined {
  if (/will be examined|examinera|examinará|will examine/i.test(intro)) return 'pending';
  if (
    /did not (enjoy|receive) the support|noted|pris note|tomó nota|no contaron con el apoyo|n’ont pas recueilli/i.test(
      intro,
    )
  )
    return 'noted';
  if (
    /enjoy(ed)? the support|(are|were|will be) supported|accepted|recueilli l’adhésion|contaron con el apoyo|cuentan con el apoyo/i.test(
      intro,
    )
  )
    return 'supported';
  return undefined;
}

export async function parseUprWgReport(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  const pdf = await readPdfText(data, fileName);
  refuseUnparsedUprLanguage(pdf, fileName);
  const review = uprReviewOf(pdf);
  const start = pdf.body.findIndex((l) => l.size > pdf.bodySize && sectionRe.test(l.text));
  if (start < 0) {
    throw importInvalid(
      [{ file: fileName, message: 'issues.sectionNotFound' }],
      `${fileName}: no "Conclusions and/or recommendations" section`,
    );
  }
  const lang = detectLang(pdf.body.map((l) => l.text).join(' '));
  const warnings: ParsedSource['warnings'] = [];
  const recommendations: ParsedRecommendation[] = [];
  let position: Position | undefined;
  let current: { lines: string[]; page: number } | undefined;
  let groupNumber: string | undefined;

  const flush = () => {
    if (!current) return;
    for (const part of splitUprParagraphs(joinLines(current.lines))) {
      recommendations.push(
        newRecommendation({
          ...part,
          lang,
          position,
          documentSymbol: review.symbol,
          body: 'UPR',
          country: review.country,
          date: review.date,
          session: review.session,
          cycle: review.cycle,
          location: { file: fileName, paragraph: part.number, page: current.page },
        }),
      );
    }
    current = undefined;
  };

  const groupIntro: string[] = [];
  for (const line of pdf.body.slice(start + 1) as PdfLine[]) {
    if (line.size > pdf.bodySize) break; // the next section (Annex)
    const rec = recRe.exec(line.text);
    const group = groupRe.exec(line.text);
    if (rec && rec[1] === groupNumber) {
      flush();
      if (groupIntro.length) {
        position = positionOfGroup(joinLines(groupIntro));
        if (!position)
          warnings.push({
            location: { file: fileName, paragraph: groupNumber },
            message: 'issues.unknownGroupPosition',
          });
        groupIntro.length = 0;
      }
      current = { lines: [line.text], page: line.page };
    } else if (group && !rec) {
      flush();
      groupNumber = group[1];
      groupIntro.length = 0;
      groupIntro.push(group[2]!);
    } else if (current) current.lines.push(line.text);
    else groupIntro.push(line.text);
  }
  flush();
  return { format: 'upr-wg-report-pdf', review, recommendations, duplicates: [], warnings };
}
