import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeCluster } from '../../../../tests/factories';
import { fixturePath } from '../../../../tests/fixtures';
import type { ReportDetail } from '../../../shared/schemas/reports';
import { coordinator, createReport, setUpReportState, test } from './reports.fixture';
import { escapeText } from './reports.outline';
import { docxToPdf } from './reports.pdf';
import { withPdf } from './reports.pdf-proof';

// Issue 17, part 5: the national report on A/HRC/28/15 built by Implementa, compared with the
// one Slovenia sent, A/HRC/WG.6/34/SVN/1. The NMIRF groups the recommendations as Slovenia did
// (one cluster per section of its report, from the ranges the report prints) and each section
// has a validated update carrying Slovenia's own text; then both PDFs are read the same way:
// chapters, lettered sections with their "Recommendations …" line, paragraph numbers.

setUpReportState();

const run = promisify(execFile);

interface Outline {
  chapters: { label: string; heading: string }[];
  sections: { heading: string; ranges: string; numbers: number[]; paragraphs: string[] }[];
  intro: string[];
  paragraphNumbers: number[];
}

const rangeLine = /^Recommendations? (\d[\d–, ]*)$/;
const paragraphStart = /^(\d+)\.\s{2,}(\S.*)$/;

function expand(ranges: string): number[] {
  return ranges.split(',').flatMap((part) => {
    const [from, to] = part.trim().split('–').map(Number);
    if (from === undefined || Number.isNaN(from)) return [];
    return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
  });
}

/** The outline of a UN report's PDF as laid out (pdftotext -layout), up to its annexes. */
async function outlineOf(pdf: Buffer): Promise<Outline> {
  const text = await withPdf(pdf, async (file) => (await run('pdftotext', ['-layout', file, '-'])).stdout);
  const all = text.split('\n').map((line) => line.trim());
  const end = all.findIndex((line, index) => index > 40 && /^Annex\b/.test(line));
  // The contents list (dot leaders to page numbers) is not the outline.
  // Running heads (the symbol) are not text either.
  const lines = (end > 0 ? all.slice(0, end) : all).filter(
    (line) => line && !/\.{4,}\s*\d+$/.test(line) && !/^A\/HRC\/WG\.6\/34\/SVN\/1$/.test(line),
  );
  const outline: Outline = { chapters: [], sections: [], intro: [], paragraphNumbers: [] };
  let paragraphs: string[] | null = null;
  lines.forEach((line, index) => {
    const next = lines[index + 1] ?? '';
    const heading = /^([A-Z]|[IVX]+)\.\s+(\S.*)$/.exec(line);
    const range = rangeLine.exec(next);
    if (heading && range) {
      paragraphs = [];
      outline.sections.push({
        heading: heading[2] ?? '',
        ranges: range[1] ?? '',
        numbers: expand(range[1] ?? ''),
        paragraphs,
      });
      return;
    }
    if (heading && /^[IVX]+$/.test(heading[1] ?? '') && !/^\d/.test(heading[2] ?? '')) {
      outline.chapters.push({ label: heading[1] ?? '', heading: heading[2] ?? '' });
      paragraphs = outline.chapters.length === 1 ? outline.intro : null;
      return;
    }
    const paragraph = paragraphStart.exec(line);
    if (paragraph) {
      outline.paragraphNumbers.push(Number(paragraph[1]));
      paragraphs?.push(paragraph[2] ?? '');
    } else if (paragraphs && paragraphs.length > 0 && !/^\d+$/.test(line) && !rangeLine.test(line))
      paragraphs[paragraphs.length - 1] += ` ${line}`;
  });
  return outline;
}

describe("the demo's national report on A/HRC/28/15, beside Slovenia's", () => {
  it('has the same shape: chapters, the same sections with ranges in the same style, paragraphs numbered through', async () => {
    const model = await outlineOf(readFileSync(fixturePath('state-reports/A_HRC_WG.6_34_SVN_1_national-report.pdf')));
    // The model read right: twelve thematic sections (A–L), paragraphs 1…n without a gap.
    expect(model.sections.map((section) => section.heading)).toContain('International obligations');
    expect(model.sections).toHaveLength(12);
    expect(model.sections[0]?.ranges).toBe('1–5, 14–16, 18, 43, 133');
    expect(model.paragraphNumbers.length).toBeGreaterThan(90);
    expect(model.paragraphNumbers).toEqual(model.paragraphNumbers.map((_, index) => index + 1));

    // The NMIRF's clusters: Slovenia's sections; one validated update each, with Slovenia's text.
    const db = test.handle.db;
    const recs = await db.selectFrom('recommendations').select(['id', 'number']).execute();
    const idOf = new Map(recs.map((rec) => [rec.number, rec.id]));
    const [ministry] = await db
      .selectFrom('entities')
      .select('id')
      .where('name', '=', 'Ministry of Labour, Family and Social Affairs')
      .execute();
    const firstClusterOf = new Map<number, string>();
    for (const section of [...model.sections].sort((a, b) => a.heading.localeCompare(b.heading)))
      for (const number of section.numbers)
        if (!firstClusterOf.has(number)) firstClusterOf.set(number, section.heading);
    for (const section of model.sections) {
      const ids = section.numbers.map((number) => idOf.get(`115.${number}`)).filter((id): id is string => !!id);
      await makeCluster(db, ids, section.heading);
      const own = section.numbers.find((number) => firstClusterOf.get(number) === section.heading);
      expect(own, section.heading).toBeDefined();
      await db
        .insertInto('progress_updates')
        .values({
          recommendation_id: idOf.get(`115.${own}`) ?? '',
          entity_id: ministry?.id ?? '',
          narrative: section.paragraphs.map((paragraph) => `<p>${escapeText(paragraph)}</p>`).join(''),
          narrative_format: 'html',
          status: 'validated',
          period_start: '2015-01-01',
          period_end: '2019-06-30',
        })
        .execute();
    }

    const report = await createReport({ type: 'upr_national', grouping: 'cluster', title: 'National report' });
    const intro = report.sections[0] as ReportDetail['sections'][number];
    const saved = await coordinator.request('PUT', `/api/reports/${report.id}/sections/${intro.id}`, {
      heading: intro.heading,
      body: model.intro.map((paragraph) => `<p>${escapeText(paragraph)}</p>`).join(''),
      version: intro.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const docx = await coordinator.request('GET', `/api/reports/${report.id}/export.docx`);
    const pdf = await docxToPdf(docx.rawPayload);
    if (process.env.REPORT_PROOF_DIR) writeFileSync(`${process.env.REPORT_PROOF_DIR}/svn-outline.pdf`, pdf);
    const ours = await outlineOf(pdf);

    // Chapters: the introduction, then the implementation of the previous recommendations.
    expect(model.chapters.slice(0, 2).map((chapter) => chapter.label)).toEqual(['I', 'II']);
    expect(ours.chapters.map((chapter) => chapter.label)).toEqual(['I', 'II']);
    expect(ours.chapters[0]?.heading).toMatch(/^Introduction/);
    expect(model.chapters[1]?.heading).toMatch(/^Implementation of recommendations from the previous/);
    expect(ours.chapters[1]?.heading).toMatch(/^Implementation of recommendations from the previous/);
    // The same sections, each opened by a line of ranges in Slovenia's style, within Slovenia's.
    expect(ours.sections.map((section) => section.heading).sort()).toEqual(
      model.sections.map((section) => section.heading).sort(),
    );
    for (const section of ours.sections) {
      const theirs = model.sections.find((item) => item.heading === section.heading);
      expect(section.ranges).toMatch(/^\d+(–\d+)?(, \d+(–\d+)?)*$/);
      expect(section.numbers.length, section.heading).toBeGreaterThan(0);
      expect(theirs?.numbers, section.heading).toEqual(expect.arrayContaining(section.numbers));
      expect(section.paragraphs.join(' ')).toContain((theirs?.paragraphs[0] ?? '').slice(0, 40));
    }
    // Paragraphs numbered through the whole report, as Slovenia's are.
    expect(ours.paragraphNumbers.length).toBeGreaterThan(model.sections.length);
    expect(ours.paragraphNumbers).toEqual(ours.paragraphNumbers.map((_, index) => index + 1));
  }, 300_000);
});
