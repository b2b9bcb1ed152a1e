import { copyFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../shared/schemas/reports';
import { openZip } from '../../lib/tabular/zip';
import { coordinator, createReport, entity, recs, setUpReportState, test } from './reports.fixture';
import { docxToPdf } from './reports.pdf';
import {
  longestHorizontalRule,
  type PdfPage,
  pageWords,
  pdfFontNames,
  pdfPages,
  pdfReadingText,
  renderPage,
  withPdf,
} from './reports.pdf-proof';

// Issue 17: the exported report looks like a UN document. Each PDF is read the way a person
// reads it: page by page as laid out (pdftotext), and as images (pdftoppm) where the text
// cannot tell (the matrix's width). REPORT_PROOF_DIR=/some/dir keeps the PDFs to look at.

setUpReportState();

const keep = process.env.REPORT_PROOF_DIR;

async function exported(report: ReportDetail, name: string): Promise<{ pdf: Buffer; docx: Buffer }> {
  const docx = await coordinator.request('GET', `/api/reports/${report.id}/export.docx`);
  expect(docx.statusCode).toBe(200);
  const pdf = await docxToPdf(docx.rawPayload);
  if (keep)
    await withPdf(pdf, async (file) => {
      await copyFile(file, `${keep}/${name}.pdf`);
    });
  return { pdf, docx: docx.rawPayload };
}

/** Adds an evidence file to the ministry's update on the first recommendation. */
async function attachEvidence(): Promise<void> {
  const update = await test.handle.db
    .selectFrom('progress_updates')
    .select('id')
    .where('recommendation_id', '=', recs[0]?.id ?? '')
    .where('entity_id', '=', entity.ministry)
    .executeTakeFirstOrThrow();
  await test.handle.db
    .insertInto('attachments')
    .values({
      progress_update_id: update.id,
      filename: 'Social Assistance Act amendment (Official Gazette 2023-41).pdf',
      content_type: 'application/pdf',
      size_bytes: 1000,
      sha256: 'a'.repeat(64),
      storage_key: 'proof/evidence.pdf',
    })
    .execute();
}

/** Reading text with bidi controls (poppler marks RTL runs with them) and line breaks flattened. */
function flat(text: string): string {
  return text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

const uuidLike = /\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|progress update [0-9a-f]{6,}/i;

/** The page's running head and footer: a page number alone on the last line. */
function pageNumberOf(page: PdfPage): number | null {
  const last = flat(page.lines.at(-1) ?? '').trim();
  return /^\d+$/.test(last) ? Number(last) : null;
}

describe('the exported report, as a person sees it', () => {
  it('English: masthead, contents, page numbers, ranges, footnotes by name, no empty heading, the matrix across the page', async () => {
    await attachEvidence();
    const report = await createReport({ type: 'upr_national', title: 'National report of Slovenia' });
    const { pdf, docx } = await exported(report, 'en');

    // The DOCX: two sources on one recommendation read as one passage, their marks apart.
    const xml = openZip(docx, 'report.docx').text('word/document.xml') ?? '';
    expect(xml.match(new RegExp(`\\[${recs[0]?.number.replace('.', '\\.')}\\]`, 'g'))).toHaveLength(1);
    expect(xml).toMatch(
      /w:footnoteReference w:id="1"\/><\/w:r><w:r><w:rPr>[\s\S]*?<w:t[^>]*>,<\/w:t><\/w:r><w:r>[\s\S]*?w:footnoteReference w:id="2"/,
    );

    await withPdf(pdf, async (file, dir) => {
      const pages = await pdfPages(file);
      const all = pages.flatMap((page) => page.lines).join('\n');
      const reading = flat(await pdfReadingText(file));

      // The masthead, and no word count on it.
      const cover = pages[0]?.lines.join('\n') ?? '';
      expect(cover).toContain('United Nations');
      expect(cover).toContain('Distr.: General');
      expect(cover).toContain('Original: English');
      expect(cover).toContain('Slovenia');
      expect(cover).not.toMatch(/words/i);

      // Every page after the first carries its number, in order, and the running head.
      for (const page of pages.slice(1)) {
        expect(pageNumberOf(page), `page ${page.number}: ${page.lines.slice(-2).join(' | ')}`).toBe(page.number);
        expect(page.lines[0]).toContain('National report of Slovenia');
      }

      // Contents with page numbers; chapters and sections as the model has them.
      expect(pages[1]?.lines[1]).toBe('Contents');
      expect(all).toMatch(/I\.\s+Implementation of recommendations from the previous review\s*\.+\s*\d+/);
      expect(reading).toMatch(/Recommendations? 115\.\d+/);

      // Footnotes name the entity, the period and the evidence; never an internal id.
      expect(reading).toContain(
        'Ministry of Labour, Family and Social Affairs, progress report, 1 January – 31 December 2023.',
      );
      expect(reading).toContain('Evidence: Social Assistance Act amendment (Official Gazette 2023-41).pdf.');
      expect(all).not.toMatch(uuidLike);

      // No heading without text under it: on its page, a chapter heading is followed by a
      // paragraph or a section heading, a section heading by its line of recommendations.
      let headings = 0;
      for (const page of pages.filter((item) => item.width < item.height).slice(2)) {
        const body = page.lines.slice(1, -1);
        body.forEach((line, index) => {
          const next = body[index + 1] ?? '';
          if (/^[IVX]+\.\s+\S/.test(line)) {
            headings++;
            expect(next, `after "${line}" on page ${page.number}`).toMatch(/^(\d+\.|[A-Z]\.)\s+\S/);
          } else if (/^[A-Z]\.\s+\S/.test(line)) {
            headings++;
            expect(next, `after "${line}" on page ${page.number}`).toMatch(/^Recommendations? \d/);
          }
        });
      }
      expect(headings).toBeGreaterThanOrEqual(4);
      expect(all).not.toMatch(/New developments since the previous review|Challenges and constraints/);

      // The matrix on a landscape page, its rules across ≥ 90% of the text width.
      const landscape = pages.find(
        (page) => page.width > page.height && page.lines.some((l) => l.includes('Recommendations covered')),
      );
      expect(landscape, 'a landscape page with the matrix').toBeDefined();
      const image = await renderPage(file, dir, landscape?.number ?? 0, 72);
      const margin = (1134 / 20) * (72 / 72);
      const textWidthPx = image.width - 2 * margin;
      expect(longestHorizontalRule(image) / textWidthPx).toBeGreaterThanOrEqual(0.9);
    });
  }, 240_000);

  it('Arabic: right to left, in a font that holds the script', async () => {
    const report = await createReport({ type: 'upr_national', title: 'التقرير الوطني لسلوفينيا', language: 'ar' });
    const { pdf, docx } = await exported(report, 'ar');
    // An English name in an Arabic footnote keeps its own order: isolated (FSI … PDI).
    const notes = openZip(docx, 'report.docx').text('word/footnotes.xml') ?? '';
    expect(notes).toContain('\u2068Ministry of Labour, Family and Social Affairs\u2069');
    await withPdf(pdf, async (file) => {
      const pages = await pdfPages(file);
      const reading = flat(await pdfReadingText(file));
      expect(reading).toContain('المتحدة');
      expect(reading).toContain('المحتويات');
      for (const page of pages.slice(1)) expect(pageNumberOf(page), `page ${page.number}`).toBe(page.number);
      const fonts = await pdfFontNames(file);
      expect(
        fonts.some((name) => /Naskh|Arab|Amiri|DejaVu/i.test(name)),
        fonts.join(', '),
      ).toBe(true);
      // Right to left: the contents heading stands at the right margin, not the left.
      const words = await pageWords(file, 2);
      // pdftotext -bbox gives each word's glyphs in visual order, so a right-to-left word reads reversed.
      const contentsWord = 'المحتويات';
      const heading = words.find((word) => [...word.text].reverse().join('') === contentsWord);
      expect(heading).toBeDefined();
      const width = pages[1]?.width ?? 595;
      expect(heading?.xMax ?? 0).toBeGreaterThan(width - 80);
      expect(heading?.xMin ?? 0).toBeGreaterThan(width / 2);
    });
  }, 240_000);
});
