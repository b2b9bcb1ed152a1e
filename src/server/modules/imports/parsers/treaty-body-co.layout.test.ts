import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import type { AppError } from '../../../../shared/errors';
import { fullText } from './common.js';
import { type PdfLine, type PdfText, readPdfText } from './pdf-lines.js';
import { MAX_PARAGRAPH_CHARS, segmentTreatyBodyCo } from './treaty-body-co.parser.js';

/**
 * No silent zero: the paragraphs of concluding observations follow their numbering, whatever the
 * layout. The variations are made from the real documents' own lines (pdf-lines' representation),
 * as other UN documents set them: a paragraph at another indent, a paragraph in the title font,
 * lost paragraph numbers, a document cut before its recommendations.
 */
const documents = {
  'CRPD_C_DEU_CO_2-3_en.pdf': 79,
  'CRPD_C_GRC_CO_1_es.pdf': 54,
  'CRPD_C_NOR_CO_1_fr.pdf': 57,
  'CERD_C_BRA_CO_18-20_en.pdf': 70,
} as const;

const read = (file: string) => readPdfText(readFixture(`concluding-observations/${file}`), file);

/**
 * The body lines of paragraph n: from the line that starts with "n." up to the next paragraph, or
 * to a heading before it (another size, or the wide gap above a heading).
 */
function paragraphLines(pdf: PdfText, n: number): [number, number] {
  const from = pdf.body.findIndex((l) => l.text.startsWith(`${n}. `));
  const size = pdf.body[from]?.size;
  const to = pdf.body.findIndex(
    (l, i) => i > from && (l.text.startsWith(`${n + 1}. `) || l.size !== size || l.gap >= pdf.bodySize * 1.9),
  );
  expect(from, `paragraph ${n}`).toBeGreaterThanOrEqual(0);
  return [from, to < 0 ? pdf.body.length : to];
}

/** A copy of the document with the lines of paragraph n changed by `change`. */
function transform(pdf: PdfText, n: number, change: (line: PdfLine, first: boolean) => PdfLine): PdfText {
  const [from, to] = paragraphLines(pdf, n);
  return { ...pdf, body: pdf.body.map((l, i) => (i >= from && i < to ? change({ ...l }, i === from) : l)) };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
/** What a reader of the register sees of each paragraph. */
const summary = (source: ReturnType<typeof segmentTreatyBodyCo>) =>
  source.recommendations.map((r) => [r.number, r.heading, fullText(r), r.isRecommendation]);

describe.each(Object.entries(documents))('%s', async (file, paragraphs) => {
  const pdf = await read(file);
  const original = segmentTreatyBodyCo(pdf, file);

  it(`finds paragraphs 1 to ${paragraphs} in sequence, with no warning`, () => {
    expect(original.recommendations.map((r) => r.number)).toEqual(numbers(paragraphs));
    expect(original.warnings).toEqual([]);
    for (const r of original.recommendations) expect(fullText(r).length).toBeLessThan(MAX_PARAGRAPH_CHARS);
  });

  it('reads paragraph 3 set at another indent as paragraph 3', () => {
    // Further right (a quotation-like indent) and hanging to the left of the margin.
    for (const dx of [36, -28]) {
      const moved = transform(pdf, 3, (l) => ({ ...l, x: l.x + dx }));
      const parsed = segmentTreatyBodyCo(moved, file);
      expect(parsed.recommendations.map((r) => r.number)).toEqual(numbers(paragraphs));
      expect(summary(parsed)).toEqual(summary(original));
    }
  });

  it('reads paragraph 1 set in the title font as paragraph 1', () => {
    const title = pdf.body.find((l) =>
      /Concluding observations|Observations finales|Observaciones finales/i.test(l.text),
    )!;
    expect(title.size).toBeGreaterThan(pdf.bodySize + 0.5);
    const large = transform(pdf, 1, (l) => ({ ...l, size: title.size, bold: true }));
    expect(summary(segmentTreatyBodyCo(large, file))).toEqual(summary(original));
    expect(segmentTreatyBodyCo(large, file).review).toEqual(original.review);
  });

  it('warns where numbers are lost, and never runs on silently', () => {
    // The number of paragraph 3 is lost: paragraph 2 takes its text, and the gap is reported.
    const lost = transform(pdf, 3, (l, first) => (first ? { ...l, text: l.text.replace(/^3\.\s+/, '') } : l));
    const parsed = segmentTreatyBodyCo(lost, file);
    expect(parsed.recommendations.map((r) => r.number)).toEqual(numbers(paragraphs).filter((n) => n !== '3'));
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ message: 'issues.paragraphNumberGap', params: { after: '2', next: '4' } }),
    );
    // Paragraph 10 numbered "5." (the numbering goes backwards): reported twice, where it breaks.
    const back = transform(pdf, 10, (l, first) => (first ? { ...l, text: l.text.replace(/^10\./, '5.') } : l));
    expect(segmentTreatyBodyCo(back, file).warnings).toEqual([
      expect.objectContaining({ message: 'issues.paragraphNumberGap', params: { after: '9', next: '11' } }),
      expect.objectContaining({ message: 'issues.paragraphOutOfSequence', params: { number: '5' } }),
    ]);
    // Numbers 3 to 40 lost: paragraph 2 runs to tens of thousands of characters; both are reported.
    let many = pdf;
    for (let n = 3; n <= 40; n++)
      many = transform(many, n, (l, first) => (first ? { ...l, text: l.text.replace(/^\d+\.\s+/, '') } : l));
    const merged = segmentTreatyBodyCo(many, file);
    expect(merged.recommendations.map((r) => r.number).slice(0, 3)).toEqual(['1', '2', '41']);
    expect(merged.warnings.map((w) => w.message).sort()).toEqual([
      'issues.paragraphNumberGap',
      'issues.paragraphTooLong',
    ]);
    expect(merged.warnings).toContainEqual(
      expect.objectContaining({ message: 'issues.paragraphTooLong', params: expect.objectContaining({ number: '2' }) }),
    );
  });

  it('refuses a document that yields no recommendation, naming the file', () => {
    // Cut after paragraph 5 (introduction, positive aspects, a first concern): nothing is asked.
    const [cut] = paragraphLines(pdf, 6);
    const first = refusal(() => segmentTreatyBodyCo({ ...pdf, body: pdf.body.slice(0, cut) }, file));
    expect(first.code).toBe('IMPORT_INVALID');
    expect(first.issues).toEqual([{ file, message: 'issues.noRecommendationsFound' }]);
    // No numbered paragraph at all (every number lost).
    const bare = { ...pdf, body: pdf.body.map((l) => ({ ...l, text: l.text.replace(/^\d{1,3}\.\s+/, '') })) };
    expect(refusal(() => segmentTreatyBodyCo(bare, file)).issues).toEqual([
      { file, message: 'issues.noNumberedParagraphs' },
    ]);
  });
});
