import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { numberRanges } from '../../../shared/reports/ranges';
import { htmlToText } from '../../../shared/reports/report-text';
import type { ReportSourceView, ReportType } from '../../../shared/schemas/reports';
import { bodyParagraphs } from './reports.docx-html';
import { chapterLabel, numbering, sectionLabel } from './reports.docx-numbering';
import {
  bookmarked,
  type ContentsEntry,
  contents,
  fullWidthTable,
  type Masthead,
  masthead,
  page,
  periodText,
  runningHeads,
  textWidth,
  type Writer,
} from './reports.docx-parts';
import { documentStyles, margins } from './reports.docx-styles';
import type { ReportModel } from './reports.model';
import { escapeText, marker } from './reports.outline';

/** What the export needs besides the model: words in the report's language, the masthead. */
export interface ExportContext {
  t: Translate;
  bodyName: string;
  /** When the document says it was produced; fixed in tests and benches. */
  date: Date;
  /** The State reporting (from the reviews), named in the report's language. */
  state?: string | null;
  /** The symbols of the reviews reported on ("A/HRC/28/15"). */
  reviewSymbols?: string[];
  /** Evidence file names per progress update, named in its footnote. */
  evidence?: Map<string, string[]>;
  /** Per recommendation: full text, recommending States, responsible entities, actions, indicators. */
  details?: Map<string, MatrixDetail>;
}

export interface MatrixDetail {
  text: string;
  states: string[];
  entities: string[];
  actions: string[];
  indicators: string[];
}

type Block = Paragraph | Table;
/** A run of pages in one orientation: the matrix needs landscape pages, the text portrait ones. */
type Segment = { landscape: boolean; children: Block[] };
type Chapter =
  | { kind: 'text'; heading: string; section: ReportModel['sections'][number] }
  | { kind: 'implementation'; sections: ReportModel['sections'] };

/** The chapter that holds the sections on recommendations, named as each report type names it. */
const implementationHeading: Record<ReportType, string> = {
  upr_national: 'reports.export.implementation',
  upr_mid_term: 'reports.export.implementation',
  tb_periodic: 'reports.export.repliesToIssues',
  loi_reply: 'reports.export.repliesToIssues',
  tb_follow_up: 'reports.export.followUpInformation',
  communication_reply: 'reports.export.replyToCommunication',
};

/**
 * Chapters as a UPR national report has them (A/HRC/WG.6/34/SVN/1): sections without
 * recommendations are chapters of their own (introduction, new developments, challenges); the
 * sections on recommendations in a row form the chapter on implementation (or the replies), one
 * section each. Nothing is printed that has no text under it, except a matrix row: the
 * matrix lists every recommendation with its position and status, written on or not.
 */
function chaptersOf(model: ReportModel, matrix: boolean): Chapter[] {
  const written = (section: ReportModel['sections'][number]) =>
    htmlToText(section.body).trim() !== '' || section.recommendations.some((rec) => !rec.present);
  const chapters: Chapter[] = [];
  for (const section of model.sections) {
    const onRecommendations = section.recommendations.length > 0;
    if (!written(section) && !(matrix && onRecommendations)) continue;
    if (!onRecommendations) {
      chapters.push({ kind: 'text', heading: section.heading, section });
      continue;
    }
    const last = chapters.at(-1);
    if (last?.kind === 'implementation') last.sections.push(section);
    else chapters.push({ kind: 'implementation', sections: [section] });
  }
  return chapters;
}

/**
 * The report as a Word document set as a UN document: the masthead, a contents list, chapters
 * and lettered sections with paragraphs numbered through the whole report, each thematic
 * section opened by the recommendations it answers ("Recommendations 1–5, 14–16"), sources as
 * footnotes naming the entity, the period and the evidence; the implementation matrix in a
 * landscape section filling its width; the local and regional governments' contributions.
 */
export function buildReportDocument(model: ReportModel, context: ExportContext): Document {
  const { t } = context;
  const language = model.language as Locale;
  // Left to right is `undefined`, not false: docx writes out every flag it is given, and
  // <w:bidi w:val="false"/>, <w:rtl w:val="false"/>, <w:b w:val="false"/> on each paragraph and run
  // were a third of the XML to build and pack (decision 031).
  const rtl: true | undefined = language === 'ar' ? true : undefined;
  const writer: Writer = {
    rtl,
    language,
    t,
    run: (value, { bold, italics, ...options } = {}) =>
      new TextRun({
        text: value,
        rightToLeft: rtl,
        bold: bold || undefined,
        italics: italics || undefined,
        ...options,
        ...(options.size ? { sizeComplexScript: options.size } : {}),
      }),
  };
  const para = (children: TextRun[], options: { keepNext?: boolean; spacing?: number; indent?: number } = {}) =>
    new Paragraph({
      children,
      bidirectional: rtl,
      keepNext: options.keepNext,
      spacing: { after: options.spacing },
      indent: options.indent ? { start: options.indent } : undefined,
    });

  const footnotes: Record<number, { children: Paragraph[] }> = {};
  const isolated = (name: string) => (rtl ? `\u2068${name}\u2069` : name);
  let nextFootnote = 1;
  const footnoteOf = (source: ReportSourceView) => {
    const id = nextFootnote++;
    const period = periodText(source.periodStart, source.periodEnd, language);
    // Names keep their own direction inside an Arabic note: "Ministry of Justice; report.pdf" in
    // a right-to-left sentence would otherwise have its words and punctuation reordered.
    const entity = isolated(source.entityName);
    let note = period
      ? t('reports.export.footnote', { entity, period })
      : t('reports.export.footnoteUndated', { entity });
    const files = (context.evidence?.get(source.updateId) ?? []).map(isolated);
    if (files.length > 0) note += ` ${t('reports.export.footnoteEvidence', { files: files.join('; ') })}`;
    footnotes[id] = {
      children: [
        new Paragraph({
          bidirectional: rtl,
          alignment: AlignmentType.START,
          indent: { start: 1134, hanging: 284 },
          children: [writer.run(` ${note}`, { size: 16 })],
        }),
      ],
    };
    return id;
  };
  let listInstance = 0;
  let bookmarkCount = 0;
  const entries: ContentsEntry[] = [];
  const heading = (level: 1 | 2, label: string, text: string) => {
    const bookmark = `_Toc${++bookmarkCount}`;
    entries.push({ level, text: label ? `${label} ${text}` : text, bookmark });
    return new Paragraph({
      heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      bidirectional: rtl,
      keepNext: true,
      indent: label ? { start: 1134, hanging: 1134 } : undefined,
      children: [bookmarked(bookmark, writer.run(label ? `${label}\t${text}` : text))],
    });
  };

  const { type, grouping } = model.report;
  // The shapes (docs/domain.md): a section per recommendation is a reply per paragraph (treaty
  // bodies, Special Procedures) or, in a mid-term report, a row of the implementation matrix.
  const perParagraph = grouping === 'recommendation';
  const asMatrix = perParagraph && type === 'upr_mid_term';
  const allNumbers = model.recommendations.map((rec) => rec.number ?? '').filter(Boolean);
  const common = numberRanges(allNumbers).paragraph;
  const showStates = [...(context.details?.values() ?? [])].some((detail) => detail.states.length > 0);
  const segments: Segment[] = [];
  const add = (landscape: boolean, ...blocks: Block[]) => {
    const last = segments.at(-1);
    if (last && last.landscape === landscape) last.children.push(...blocks);
    else segments.push({ landscape, children: blocks });
  };
  const chapters = chaptersOf(model, asMatrix);
  chapters.forEach((chapter, chapterIndex) => {
    const label = chapterLabel(chapterIndex, language);
    if (chapter.kind === 'text') {
      add(false, heading(1, label, chapter.heading), ...sectionBody(chapter.section));
      return;
    }
    const chapterHeading = heading(1, label, t(implementationHeading[type]));
    if (asMatrix) {
      add(true, chapterHeading, implementationMatrix(chapter.sections));
      return;
    }
    add(false, chapterHeading);
    const symbols = context.reviewSymbols ?? [];
    if (common && symbols.length === 1 && !perParagraph)
      add(
        false,
        ...bodyParagraphs(
          `<p>${escapeText(t('reports.export.numberedAs', { paragraph: common, symbol: symbols[0] ?? '' }))}</p>`,
          bodyContext(),
        ),
      );
    chapter.sections.forEach((section, index) => {
      if (perParagraph) {
        // The paragraph answered, quoted in full, then the reply.
        add(false, heading(2, '', section.heading), ...quoted(section));
      } else {
        add(false, heading(2, sectionLabel(index, language), section.heading));
        const numbers = section.recommendations.map((rec) => rec.number ?? '').filter(Boolean);
        if (numbers.length > 0) add(false, rangesLine(numbers));
      }
      for (const rec of section.recommendations.filter((item) => !item.present))
        add(
          false,
          para([writer.run(t('reports.missingRecommendation', { number: rec.number ?? '?' }), { italics: true })]),
        );
      add(false, ...sectionBody(section));
    });
  });

  function bodyContext() {
    return { rtl, nextListInstance: () => ++listInstance, footnotesFor: () => [] as number[] };
  }

  function rangesLine(numbers: string[]) {
    const ranges = numberRanges(numbers, { keepPrefix: !common }).text;
    return para(
      [writer.run(t('reports.export.recommendationsLine', { count: numbers.length, ranges }), { bold: true })],
      {
        keepNext: true,
        spacing: 120,
        indent: 1134,
      },
    );
  }

  /** The paragraph a reply answers, in full and set apart (indented, italic), never numbered. */
  function quoted(section: ReportModel['sections'][number]): Paragraph[] {
    return section.recommendations.flatMap((rec) =>
      (context.details?.get(rec.id)?.text || rec.excerpt)
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => para([writer.run(line, { italics: true })], { keepNext: true, indent: 1134 })),
    );
  }

  function sectionBody(section: ReportModel['sections'][number], numbered = true) {
    // A source's footnote hangs where its marker still stands in the text, else at the end.
    const numberOf = new Map(section.recommendations.map((rec) => [rec.id, rec.number]));
    const byMarker = new Map<string, ReportSourceView[]>();
    for (const source of section.sources) {
      const key = marker(source.recommendationIds.map((id) => numberOf.get(id)).filter((n): n is string => Boolean(n)));
      byMarker.set(key, [...(byMarker.get(key) ?? []), source]);
    }
    const placed = new Set<string>();
    return bodyParagraphs(
      section.body,
      {
        rtl,
        numbered,
        nextListInstance: () => ++listInstance,
        footnotesFor: (found) => {
          const sources = (byMarker.get(found) ?? []).filter((source) => !placed.has(source.updateId));
          for (const source of sources) placed.add(source.updateId);
          return sources.map(footnoteOf);
        },
      },
      () => section.sources.filter((source) => !placed.has(source.updateId)).map(footnoteOf),
    );
  }

  /**
   * The voluntary mid-term report as OHCHR's matrices set it: one row per recommendation with
   * the recommending States, the position, the status, the responsible entities, the actions and
   * indicators, and the narrative written for it (its sources as footnotes), across the
   * landscape page, the header row repeated on each page.
   */
  function implementationMatrix(sections: ReportModel['sections']): Table {
    const header = [
      t('reports.export.colText'),
      ...(showStates ? [t('reports.export.colStates')] : []),
      t('reports.export.colPosition'),
      t('reports.export.colStatus'),
      t('reports.export.colEntities'),
      t('reports.export.colActions'),
      t('reports.export.colNarrative'),
    ];
    const shares = showStates ? [22, 10, 8, 11, 12, 14, 23] : [24, 9, 11, 13, 16, 27];
    const rows = sections.flatMap((section) =>
      section.recommendations.map((rec, index) => {
        const detail = context.details?.get(rec.id);
        const text = `${rec.number ?? ''} ${detail?.text || rec.excerpt}`.trim();
        return [
          rec.present ? text : `${text} (${t('reports.export.removed')})`,
          ...(showStates ? [detail?.states.join(', ') ?? ''] : []),
          rec.position ? t(`register.position.${rec.position}`) : '',
          rec.status ?? '',
          detail?.entities.join('\n') ?? '',
          [...(detail?.actions ?? []), ...(detail?.indicators ?? [])].join('\n'),
          index === 0 ? sectionBody(section, false) : '',
        ];
      }),
    );
    return fullWidthTable(header, rows, shares, textWidth.landscape, writer);
  }

  // The annexes: the matrix of the recommendations covered (landscape) for a report written by
  // theme or cluster, then the local and regional governments, unless they are a chapter.
  const annexes: Segment[] = [];
  if (!perParagraph) {
    const header = [
      t('reports.export.colNumber'),
      t('reports.export.colText'),
      ...(showStates ? [t('reports.export.colStates')] : []),
      t('reports.export.colPosition'),
      t('reports.export.colEntities'),
      t('reports.export.colStatus'),
    ];
    const shares = showStates ? [7, 42, 14, 9, 16, 12] : [7, 50, 10, 18, 15];
    // The matrix in the register's order (115.1, 115.2 … 115.133), whatever the sections' order.
    const byNumber = new Intl.Collator('en', { numeric: true }).compare;
    const ordered = [...model.recommendations].sort((a, b) => byNumber(a.number ?? '', b.number ?? ''));
    const rows = ordered.map((rec) => {
      const detail = context.details?.get(rec.id);
      const text = detail?.text || rec.excerpt;
      return [
        rec.number ?? '',
        rec.present ? text : `${text} (${t('reports.export.removed')})`,
        ...(showStates ? [detail?.states.join(', ') ?? ''] : []),
        rec.position ? t(`register.position.${rec.position}`) : '',
        detail?.entities.join('\n') ?? '',
        rec.status ?? '',
      ];
    });
    annexes.push({
      landscape: true,
      children: [
        heading(1, '', t('reports.export.tableHeading')),
        fullWidthTable(header, rows, shares, textWidth.landscape, writer),
      ],
    });
  }

  const lrgEntries = model.annex.filter((entry) => entry.included);
  if (lrgEntries.length > 0) {
    if (model.report.lrg_placement === 'section')
      add(
        false,
        heading(1, chapterLabel(chapters.length, language), t('reports.export.lrgChapter')),
        ...lrgBlocks(true),
      );
    else
      annexes.push({
        landscape: false,
        children: [
          heading(1, '', t(perParagraph ? 'reports.export.annexLrgOnly' : 'reports.export.annexHeading')),
          ...lrgBlocks(false),
        ],
      });
  }

  /** Each local or regional government under its own heading, with the recommendations it concerns. */
  function lrgBlocks(numbered: boolean): Block[] {
    return lrgEntries.flatMap((entry, index) => {
      const blocks: Block[] = [heading(2, sectionLabel(index, language), entry.entityName)];
      const numbers = [...new Set(entry.items.flatMap((item) => item.recommendationNumbers))];
      if (numbers.length > 0) blocks.push(rangesLine(numbers));
      for (const item of entry.items) {
        const period = periodText(item.periodStart, item.periodEnd, language);
        const label = t('reports.export.annexItem', {
          numbers: item.recommendationNumbers.join(', ') || '—',
          period: period ?? t('reports.export.noPeriod'),
        });
        blocks.push(para([writer.run(label, { italics: true })], { keepNext: true }));
        blocks.push(...bodyParagraphs(item.text, { ...bodyContext(), numbered }));
      }
      return blocks;
    });
  }

  const { counts } = model;
  const info: Masthead = {
    bodyName: context.bodyName,
    // The symbol once the secretariat gives one; the title stands in for it until then.
    label: model.report.symbol ?? model.report.title,
    date: context.date,
    original: new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language,
    title: model.report.title,
    subtitle: t(`reports.type.${model.report.type}`),
    state: context.state ?? null,
    reviews: context.reviewSymbols ?? [],
  };
  const cover: Block[] = masthead(info, writer);
  // A draft over the limit says so where the secretariat cannot miss it; the counts themselves
  // live in the editor, not on the document sent to Geneva.
  if (counts.mainOver || counts.annexOver)
    cover.push(
      para([
        writer.run(
          t('reports.export.overLimit', {
            over: counts.mainOver ? counts.main - counts.mainLimit : counts.annex - (counts.annexLimit ?? 0),
          }),
          { bold: true, color: 'C00000' },
        ),
      ]),
    );
  const heads = runningHeads(info.label, writer);
  const pageOf = (landscape: boolean) => ({
    size: landscape
      ? { width: page.width, height: page.height, orientation: PageOrientation.LANDSCAPE }
      : { width: page.width, height: page.height },
    margin: margins(),
  });
  const later = {
    headers: { default: heads.headers.default, even: heads.headers.even },
    footers: { default: heads.footers.default, even: heads.footers.even },
  };
  const opening: Block[] = [
    ...cover,
    new Paragraph({ children: [new PageBreak()] }),
    ...contents(entries, writer, textWidth.portrait),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const first = segments[0]?.landscape === false ? segments.shift() : undefined;
  const sections = [
    {
      properties: { page: pageOf(false), titlePage: true },
      headers: heads.headers,
      footers: heads.footers,
      children: [...opening, ...(first?.children ?? [])],
    },
    ...[...segments, ...annexes].map((segment) => ({
      properties: { page: pageOf(segment.landscape) },
      ...later,
      children: segment.children,
    })),
  ];

  return new Document({
    creator: 'Implementa',
    title: model.report.title,
    // Word fills the contents' page numbers (PAGEREF fields) on opening; LibreOffice always does.
    features: { updateFields: true },
    evenAndOddHeaderAndFooters: true,
    numbering,
    footnotes,
    styles: documentStyles(rtl),
    sections,
  });
}

export async function reportDocx(model: ReportModel, context: ExportContext): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(model, context));
}
