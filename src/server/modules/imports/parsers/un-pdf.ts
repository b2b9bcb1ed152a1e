/**
 * The language hooks of the PDF parsers: lines repaired for parsing (Arabic, see arabic-text.ts)
 * and the preview warning when a text layer cannot be trusted word for word.
 */
import { importInvalid } from '../../../lib/tabular/file-errors';
import { isArabic, isUnreliable, textLayerQuality } from './arabic-text.js';
import { detectLang } from './common.js';
import type { PdfLine, PdfText } from './pdf-lines.js';
import type { Lang, ParsedSource } from './types.js';
import { lineForParsing } from './un-languages.js';

/** The same lines with their text as the parsers compare it (unchanged outside Arabic). */
export function forParsing(pdf: PdfText, lang: Lang): PdfText {
  if (lang !== 'ar') return pdf;
  const repaired = new Map<PdfLine, PdfLine>();
  for (const line of pdf.all) repaired.set(line, { ...line, text: lineForParsing(line.text, lang) });
  return {
    ...pdf,
    all: pdf.all.map((l) => repaired.get(l)!),
    body: pdf.body.map((l) => repaired.get(l) ?? { ...l, text: lineForParsing(l.text, lang) }),
  };
}

/**
 * "The text layer of this PDF is unreliable": the Arabic body lines measured before repair
 * (share of words with justification repeats or impossible letter sequences). The import still
 * runs (numbers, sub-items and symbols survive), but the texts must be checked against the PDF.
 */
export function textLayerWarning(pdf: PdfText, lang: Lang, file: string): ParsedSource['warnings'] {
  if (lang !== 'ar') return [];
  const quality = textLayerQuality(pdf.body.map((l) => l.text).filter(isArabic));
  if (!isUnreliable(quality)) return [];
  return [
    {
      location: { file },
      message: 'issues.unreliableTextLayer',
      params: { percent: String(Math.round(quality.share * 100)) },
    },
  ];
}

/**
 * UPR reports and addenda in Arabic, Russian or Chinese are recognised (detect.ts) but their
 * recommendation numbering, State lists and position phrases have not been checked on a real
 * document: refuse them with advice (the UN publishes every report in the six languages, under
 * the same symbol) rather than read them wrong or say "section not found".
 */
export function refuseUnparsedUprLanguage(pdf: PdfText, file: string): void {
  const lang = detectLang(pdf.body.map((l) => l.text).join(' '));
  if (lang === 'ar' || lang === 'ru' || lang === 'zh')
    throw importInvalid(
      [{ file, message: 'issues.uprLanguageNotParsed' }],
      `${file}: UPR documents in ${lang} are not parsed yet`,
    );
}
