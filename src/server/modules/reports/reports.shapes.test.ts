import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeAction, makeEntity, makeRecommendations, makeReview, makeUser } from '../../../../tests/factories';
import { createReportSchema, type ReportDetail } from '../../../shared/schemas/reports';
import { openZip } from '../../lib/tabular/zip';
import { docxToPdf } from './reports.pdf';
import {
  longestHorizontalRule,
  type PdfPage,
  pageWords,
  pdfPages,
  pdfReadingText,
  renderPage,
  withPdf,
} from './reports.pdf-proof';

// Issue 17, the shapes of the other reports (docs/domain.md, "Reports the State writes"): the
// mid-term report as the implementation matrix, the treaty body replies paragraph by paragraph,
// the follow-up reply on the named paragraphs only, the reply to a communication; the symbol on
// the cover and in the running heads; the LRGs as a chapter. A small world of its own: a UPR
// review of 40 recommendations, a CRC list of issues of four paragraphs (one named for
// follow-up), a Special Rapporteur's communication of two.

let test: TestApp;
let coordinator: Client;
const world = {} as {
  ministry: string;
  city: string;
  upr: { id: string; body_code: string };
  crc: { id: string; body_code: string };
  sp: { id: string; body_code: string };
  uprRecs: { id: string; number: string | null }[];
  crcRecs: { id: string; number: string | null }[];
};

async function validated(recommendationId: string, entityId: string, narrative: string) {
  await test.handle.db
    .insertInto('progress_updates')
    .values({
      recommendation_id: recommendationId,
      entity_id: entityId,
      narrative,
      narrative_format: 'html',
      status: 'validated',
      period_start: '2024-01-01',
      period_end: '2024-12-31',
    })
    .execute();
}

async function create(body: Record<string, unknown>, status = 201) {
  const response = await coordinator.request('POST', '/api/reports', { language: 'en', ...body });
  expect(response.statusCode, response.body).toBe(status);
  return response;
}

async function pdfOf(report: ReportDetail): Promise<Buffer> {
  const docx = await coordinator.request('GET', `/api/reports/${report.id}/export.docx`);
  expect(docx.statusCode).toBe(200);
  const pdf = await docxToPdf(docx.rawPayload);
  // REPORT_PROOF_DIR=/some/dir keeps the PDFs to look at, as in reports.layout.test.ts.
  if (process.env.REPORT_PROOF_DIR)
    await writeFile(`${process.env.REPORT_PROOF_DIR}/${report.type}-${report.language}.pdf`, pdf);
  return pdf;
}

const flat = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
const uuidLike = /\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/i;
const pageNumberOf = (page: PdfPage) => {
  const last = flat(page.lines.at(-1) ?? '').trim();
  return /^\d+$/.test(last) ? Number(last) : null;
};

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  world.ministry = (await makeEntity(db, { kind: 'ministry', name: 'Ministry of Health' })).id;
  world.city = (await makeEntity(db, { kind: 'lrg', name: 'City of Koper', lrg_level: 1 })).id;
  world.upr = await makeReview(db, { body_code: 'UPR', cycle: 3, symbol: 'A/HRC/43/15' });
  world.uprRecs = await makeRecommendations(
    db,
    { id: world.upr.id, body_code: 'UPR', cycle: 3 },
    Array.from({ length: 40 }, (_, index) => ({
      number: `115.${index + 1}`,
      text_en: `Continue efforts to guarantee the right to adequate housing for all, recommendation ${index + 1}, including for Roma communities and persons with disabilities living in informal settlements.`,
      recommending_states: ['Austria', 'Brazil'],
      position: 'supported' as const,
    })),
  );
  world.crc = await makeReview(db, { body_code: 'CRC', symbol: 'CRC/C/SVN/QPR/5-6' });
  world.crcRecs = await makeRecommendations(db, world.crc, [
    { number: '5', text_en: 'Please provide information on the measures taken to end corporal punishment.' },
    {
      number: '6',
      text_en: 'Please describe the steps taken to:\n(a) Prevent child poverty;\n(b) Support Roma children.',
      follow_up: true,
    },
    { number: '7', text_en: 'Please indicate the budget allocated to child protection.' },
  ]);
  world.sp = await makeReview(db, { body_code: 'SR-ADEQUATE-HOUSING', symbol: 'AL SVN 1/2024' });
  const spRecs = await makeRecommendations(db, world.sp, [
    { number: '1', text_en: 'Please provide any additional information on the allegations.' },
    { number: '2', text_en: 'Please explain the legal basis for the evictions.' },
  ]);
  const [a, b] = world.uprRecs;
  const [c5, c6, c7] = world.crcRecs;
  if (!a || !b || !c5 || !c6 || !c7 || !spRecs[0]) throw new Error('the world should hold recommendations');
  await validated(a.id, world.ministry, '<p>The Housing Act was amended in 2024 to add 500 public rental flats.</p>');
  await validated(a.id, world.city, '<p>Koper opened 40 flats for Roma families in 2024.</p>');
  await validated(b.id, world.ministry, '<p>A national housing survey was carried out.</p>');
  await validated(c5.id, world.ministry, '<p>Corporal punishment was prohibited in all settings in 2019.</p>');
  await validated(c6.id, world.ministry, '<p>The child benefit was raised by 10 per cent in 2024.</p>');
  await validated(spRecs[0].id, world.ministry, '<p>The evictions in question were suspended.</p>');
  await makeAction(db, world.ministry, { title: 'Public rental housing programme', recommendationIds: [a.id] });
  const indicator = await db
    .insertInto('indicators')
    .values({
      code: 'H-1',
      title: 'Public rental flats completed',
      type: 'outcome',
      unit: 'flats',
      frequency: 'annual',
      owner_entity_id: world.ministry,
      dimensions: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('indicator_recommendations')
    .values({ indicator_id: indicator.id, recommendation_id: a.id })
    .execute();
  const user = await makeUser(db, { role: 'coordinator', name: 'Shapes coordinator' });
  coordinator = await signInAs(test.app, user.email);
}, 300_000);
afterAll(() => test.close());

describe('the shape each report type takes', () => {
  it('a periodic report under the simplified procedure: an introduction, then one section per paragraph of the list of issues, in order', async () => {
    const report = (
      await create({ bodyCode: 'CRC', type: 'tb_periodic', title: 'Fifth and sixth report', reviewIds: [world.crc.id] })
    ).json() as ReportDetail;
    expect(report.grouping).toBe('recommendation');
    expect(report.wordLimit).toBe(21_200);
    expect(report.sections.map((section) => section.heading)).toEqual([
      'Introduction and methodology',
      'Reply to paragraph 5',
      'Reply to paragraph 6',
      'Reply to paragraph 7',
    ]);
    expect(report.sections[1]?.body).toContain('Corporal punishment was prohibited');
    expect(report.sections[3]?.body).toBe('');
  });

  it('a follow-up reply answers only the paragraphs the committee named, and says so when none is named', async () => {
    const report = (
      await create({ bodyCode: 'CRC', type: 'tb_follow_up', title: 'Follow-up', reviewIds: [world.crc.id] })
    ).json() as ReportDetail;
    expect(report.sections.map((section) => section.recommendations.map((rec) => rec.number))).toEqual([['6']]);
    await test.handle.db
      .updateTable('recommendations')
      .set({ follow_up: false })
      .where('review_id', '=', world.crc.id)
      .execute();
    try {
      const none = await create(
        { bodyCode: 'CRC', type: 'tb_follow_up', title: 'Follow-up', reviewIds: [world.crc.id] },
        400,
      );
      expect(none.json().error.issues[0]).toMatchObject({
        path: 'reviewIds',
        message: 'issues.report.noFollowUpParagraphs',
      });
    } finally {
      await test.handle.db
        .updateTable('recommendations')
        .set({ follow_up: true })
        .where('review_id', '=', world.crc.id)
        .where('number', '=', '6')
        .execute();
    }
  });

  it('refuses an outline the type does not take and a symbol that is not one, naming the field', async () => {
    const matrix = await create({ bodyCode: 'UPR', type: 'upr_national', title: 'N', grouping: 'recommendation' }, 400);
    expect(matrix.json().error.issues[0]).toMatchObject({
      path: 'grouping',
      message: 'issues.report.groupingNotForType',
    });
    const symbol = await create({ bodyCode: 'UPR', type: 'upr_national', title: 'N', symbol: 'our report' }, 400);
    expect(symbol.json().error.issues[0]).toMatchObject({ path: 'symbol', message: 'issues.report.symbol' });
    // The form sends what the shared schema made of an empty field (null): the server takes it.
    const parsed = createReportSchema.parse({ bodyCode: 'UPR', type: 'upr_national', title: 'N', symbol: '' });
    expect(parsed.symbol).toBeNull();
    const blank = (await create({ ...parsed, reviewIds: [world.upr.id] })).json() as ReportDetail;
    expect(blank.symbol).toBeNull();
  });

  it('counts the LRGs against the limit when they are a chapter, and moves them back to the annex', async () => {
    const asAnnex = (
      await create({ bodyCode: 'UPR', type: 'upr_mid_term', title: 'M', reviewIds: [world.upr.id] })
    ).json() as ReportDetail;
    expect(asAnnex.lrgPlacement).toBe('annex');
    expect(asAnnex.counts.annex).toBeGreaterThan(0);
    const patch = await coordinator.request('PATCH', `/api/reports/${asAnnex.id}`, {
      title: 'M',
      symbol: 'A/HRC/WG.6/48/SVN/1',
      lrgPlacement: 'section',
      wordLimit: asAnnex.wordLimit,
      annexWordLimit: null,
      version: asAnnex.version,
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const asSection = patch.json() as ReportDetail;
    expect(asSection).toMatchObject({ symbol: 'A/HRC/WG.6/48/SVN/1', lrgPlacement: 'section' });
    expect(asSection.counts).toMatchObject({ annex: 0, main: asAnnex.counts.main + asAnnex.counts.annex });
  });

  it('a reply to a communication answers its questions, one by one', async () => {
    const report = (
      await create({
        bodyCode: 'SR-ADEQUATE-HOUSING',
        type: 'communication_reply',
        title: 'Reply',
        reviewIds: [world.sp.id],
      })
    ).json() as ReportDetail;
    const docx = await coordinator.request('GET', `/api/reports/${report.id}/export.docx`);
    const text = (openZip(docx.rawPayload, 'r.docx').text('word/document.xml') ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('Reply to the communication');
    expect(text).toContain('Please provide any additional information on the allegations.');
    expect(text).toContain('The evictions in question were suspended.');
    // Paragraph 2 has no reply yet: neither its heading nor its question is printed.
    expect(text).not.toContain('Reply to paragraph 2');
    expect(text).not.toContain('Recommendations covered');
  });
});

describe('the other shapes, as a person sees them in the PDF', () => {
  it('the mid-term matrix: symbol on the cover and every page, the matrix across the landscape page with its header on each, the LRGs as a chapter', async () => {
    const report = (
      await create({
        bodyCode: 'UPR',
        type: 'upr_mid_term',
        title: 'Mid-term report of Slovenia',
        reviewIds: [world.upr.id],
        grouping: 'recommendation',
        symbol: 'A/HRC/WG.6/48/SVN/1',
        lrgPlacement: 'section',
      })
    ).json() as ReportDetail;
    const pdf = await pdfOf(report);
    await withPdf(pdf, async (file, dir) => {
      const pages = await pdfPages(file);
      const all = pages.flatMap((page) => page.lines).join('\n');
      const reading = flat(await pdfReadingText(file));
      expect(pages[0]?.lines.slice(0, 3).join(' ')).toContain('A/HRC/WG.6/48/SVN/1');
      for (const page of pages.slice(1)) {
        expect(pageNumberOf(page), `page ${page.number}`).toBe(page.number);
        expect(page.lines[0], `running head of page ${page.number}`).toContain('A/HRC/WG.6/48/SVN/1');
      }
      expect(all).not.toMatch(uuidLike);

      const landscape = pages.filter((page) => page.width > page.height);
      expect(landscape.length, 'the 40 rows run over several landscape pages').toBeGreaterThanOrEqual(2);
      for (const page of landscape) {
        const header = flat(page.lines.slice(0, 6).join(' '));
        expect(header, `header row on page ${page.number}`).toContain('Actions');
        expect(header, `header row on page ${page.number}`).toContain('Narrative');
        const image = await renderPage(file, dir, page.number, 72);
        const textWidthPx = image.width - 2 * (1134 / 20);
        expect(longestHorizontalRule(image) / textWidthPx, `rule on page ${page.number}`).toBeGreaterThanOrEqual(0.9);
      }
      // The narrative, the action and the indicator stand in the row of 115.1; its sources as footnotes.
      expect(reading).toContain('The Housing Act was amended in 2024');
      expect(reading).toContain('Public rental housing programme');
      expect(reading).toContain('H-1 Public rental flats completed');
      expect(reading).toContain('Ministry of Health, progress report, 1 January – 31 December 2024.');
      // The LRGs as a numbered chapter of the report, not an annex.
      expect(all).toMatch(/I+\.\s+Contributions of local and regional governments/);
      expect(all).not.toMatch(/Annex.*local and regional/);
      expect(reading).toContain('Koper opened 40 flats');
      // No chapter heading without text: the empty introduction and closing chapters are gone.
      expect(all).not.toMatch(/Introduction and methodology|New developments|Challenges and constraints/);
    });
  }, 300_000);

  it('the replies to a list of issues: each paragraph quoted, then its numbered reply; none printed without one; no matrix', async () => {
    const report = (
      await create({
        bodyCode: 'CRC',
        type: 'tb_periodic',
        title: 'Fifth and sixth periodic reports',
        reviewIds: [world.crc.id],
        symbol: 'CRC/C/SVN/5-6',
      })
    ).json() as ReportDetail;
    const pdf = await pdfOf(report);
    await withPdf(pdf, async (file) => {
      const pages = await pdfPages(file);
      const all = pages.flatMap((page) => page.lines).join('\n');
      expect(
        pages.every((page) => page.width < page.height),
        'no landscape page',
      ).toBe(true);
      for (const page of pages.slice(1)) expect(pageNumberOf(page), `page ${page.number}`).toBe(page.number);
      const lines = pages.slice(2).flatMap((page) => page.lines.slice(1, -1));
      const at = lines.indexOf('Reply to paragraph 5');
      expect(at, all).toBeGreaterThan(0);
      expect(lines[at + 1]).toContain('Please provide information on the measures taken to end corporal punishment.');
      expect(lines[at + 2]).toMatch(/^\d+\.\s+\[5\]\S*\s+Corporal punishment was prohibited/);
      // Sub-items quoted on lines of their own.
      expect(all).toContain('(a) Prevent child poverty;');
      expect(all).toMatch(/I\.\s+Replies to the list of issues/);
      expect(all).not.toContain('Reply to paragraph 7');
      expect(all).not.toContain('Recommendations covered');
      expect(all).not.toMatch(uuidLike);
    });
  }, 300_000);

  it('Arabic replies to a list of issues run right to left', async () => {
    const report = (
      await create({
        bodyCode: 'CRC',
        type: 'tb_periodic',
        title: 'التقرير الدوري',
        reviewIds: [world.crc.id],
        language: 'ar',
      })
    ).json() as ReportDetail;
    const pdf = await pdfOf(report);
    await withPdf(pdf, async (file) => {
      const pages = await pdfPages(file);
      for (const page of pages.slice(1)) expect(pageNumberOf(page), `page ${page.number}`).toBe(page.number);
      const body = pages.find((page) => page.lines.some((line) => flat(line).includes('Corporal punishment')));
      expect(body).toBeDefined();
      // The chapter heading "الردود على قائمة المسائل" stands at the right margin.
      const words = await pageWords(file, body?.number ?? 0);
      const reversed = (text: string) => [...text].reverse().join('');
      const heading = words.find((word) => word.text === 'المسائل' || reversed(word.text) === 'المسائل');
      expect(heading, words.map((word) => word.text).join(' ')).toBeDefined();
      const width = body?.width ?? 595;
      expect(heading?.xMin ?? 0).toBeGreaterThan(width / 2);
    });
  }, 300_000);
});
