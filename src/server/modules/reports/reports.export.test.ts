import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { ReportDetail } from '../../../shared/schemas/reports';
import { openZip } from '../../lib/tabular/zip';
import { loadPdfjs } from '../imports/parsers/pdfjs';
import { coordinator, createReport, recs, setUpReportState } from './reports.fixture';
import { docxToPdf } from './reports.pdf';

setUpReportState();

/** The words of a Word part, tags dropped, runs joined as a reader sees them. */
function wordText(xml: string): string {
  return xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  let text = '';
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}

describe('export', () => {
  it('writes a DOCX with the numbers, the table, source footnotes, the annex and the over-the-limit mark; LibreOffice opens it as PDF', async () => {
    const created = await createReport();
    const patched = await coordinator.request('PATCH', `/api/reports/${created.id}`, {
      title: created.title,
      wordLimit: 20,
      annexWordLimit: null,
      version: created.version,
    });
    const report = patched.json() as ReportDetail;
    expect(report.counts.mainOver).toBe(true);

    const response = await coordinator.request('GET', `/api/reports/${report.id}/export.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="Mid-term-report-of-Slovenia.docx"');
    expect(response.headers['x-word-limit-exceeded']).toBe('true');
    const docx = response.rawPayload;
    const zip = openZip(docx, 'report.docx');
    const document = wordText(zip.text('word/document.xml') ?? '');
    for (const rec of recs) expect(document).toContain(rec.number);
    expect(document).toContain('Annex I: Recommendations covered');
    expect(document).toContain('Annex II: Contributions of local and regional governments');
    expect(document).toContain('Municipality of Ljubljana');
    expect(document).toContain('Ljubljana opened two shelters for homeless people.');
    // The counts stay in the editor; the cover says only that the draft is over the limit.
    expect(document).not.toContain('words (limit');
    expect(document).toContain('OVER THE WORD LIMIT');
    expect(document).toMatch(/Supported|Noted/);
    const footnotes = wordText(zip.text('word/footnotes.xml') ?? '').replace(/\s+/g, ' ');
    expect(footnotes).toContain(
      'Ministry of Labour, Family and Social Affairs, progress report, 1 January – 31 December 2023.',
    );
    expect(footnotes).toContain('Municipality of Ljubljana, progress report');
    // A reader of the State's report has no use for the database's ids.
    expect(footnotes).not.toMatch(/[0-9a-f]{8}\)/);

    const pdf = await coordinator.request('GET', `/api/reports/${report.id}/export.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const rec of recs) expect(text).toContain(rec.number);
    expect(text).toContain('Annex II: Contributions of local and regional governments');
    expect(text).toContain('OVER THE WORD LIMIT');
  }, 180_000);

  it('answers a clear error when LibreOffice is not installed', async () => {
    const error = await docxToPdf(Buffer.from('PK'), { soffice: '/nonexistent/soffice' }).catch((caught) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('PDF_ENGINE_MISSING');
    expect((error as AppError).status).toBe(503);
  });

  it('exports only for the secretariat', async () => {
    const report = await createReport();
    const { clientAs } = await import('./reports.fixture');
    const viewer = await clientAs('viewer');
    expect((await viewer.request('GET', `/api/reports/${report.id}/export.docx`)).statusCode).toBe(404);
  });
});
