/** Metadata shared by the two UPR PDFs (Working Group report and its addendum). */
import { parseDateText, uprCycleOfWgSession } from './common.js';
import type { PdfText } from './pdf-lines.js';
import type { ParsedReview } from './types.js';

export function uprReviewOf(pdf: PdfText): ParsedReview {
  const all = pdf.all.map((l) => l.text);
  const joined = all.join('\n');
  const symbol = /\bA\/HRC\/\d+\/\d+(?:\/Add\.\d+)?\b/.exec(joined)?.[0];
  // The documents of the review are cited as A/HRC/WG.6/{session}/{ISO3}/1-3.
  const wg = /A\/HRC\/WG\.6\/(\d+)\/([A-Z]{3})\/\d/.exec(joined);
  const session = wg ? Number(wg[1]) : undefined;
  const distrIndex = all.findIndex((t) => /Distr\.?:? ?(General|générale|general)/i.test(t));
  const date =
    distrIndex >= 0
      ? all
          .slice(distrIndex, distrIndex + 3)
          .map(parseDateText)
          .find(Boolean)
      : undefined;
  // The State's name is the large title line right after "Report of the Working Group …".
  const titleIndex = pdf.all.findIndex(
    (l) => /Universal Periodic|périodique universel|Examen Periódico/i.test(l.text) && l.size > pdf.bodySize,
  );
  const titleSize = pdf.all[titleIndex]?.size;
  const country = pdf.all
    .slice(titleIndex + 1, titleIndex + 4)
    .find((l) => l.size === titleSize && !/Review|Examen|\*$/.test(l.text) && /^\p{Lu}/u.test(l.text))
    ?.text.replace(/\*+$/, '');
  return {
    symbol: symbol?.replace(/\/Add\.\d+$/, ''),
    body: 'UPR',
    country,
    countryCode: wg?.[2],
    date,
    session,
    cycle: session ? uprCycleOfWgSession(session) : undefined,
  };
}
