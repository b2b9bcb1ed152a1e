import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
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
import type { ReportSourceView } from '../../../shared/schemas/reports';
import { bodyParagraphs } from './reports.docx-html';
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
  /** Per recommendation: full text, recommending States, responsible entities (the matrix). */
  details?: Map<string, { text: string; states: string[]; entities: string[] }>;
}

const numbering = {
  config: [
    {
      reference: 'paragraphs',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { start: 1134, hanging: 567 } } },
        },
      ],
    },
    {
      reference: 'ordered',
      levels: [
        {
          level: 0,
          format: LevelFormat.LOWER_LETTER,
          text: '(%1)',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { start: 1701, hanging: 567 } } },
        },
      ],
    },
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { start: 1701, hanging: 567 } } },
        },
      ],
    },
  ],
};

// Chapter and section numbering as each language's UN documents write it.
const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const arabicOrdinals = ['أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً', 'ثامناً', 'تاسعاً', 'عاشراً'];
const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const arabicLetters =
  'ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء شين تاء ثاء خاء ذال ضاد ظاء غين'.split(
    ' ',
  );
const chineseStems = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const cyrillic = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ'.split('');
const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

function chapterLabel(index: number, language: Locale): string {
  if (language === 'ar') return `${arabicOrdinals[index] ?? index + 1}-`;
  if (language === 'zh') return `${chineseNumerals[index] ?? index + 1}、`;
  return `${roman[index] ?? index + 1}.`;
}

function sectionLabel(index: number, language: Locale): string {
  const list =
    language === 'ar' ? arabicLetters : language === 'zh' ? chineseStems : language === 'ru' ? cyrillic : latin;
  const letter = list[index] ?? String(index + 1);
  return language === 'ar' ? `${letter}-` : language === 'zh' ? `${letter}、` : `${letter}.`;
}

type Chapter =
  | { kind: 'text'; heading: string; section: ReportModel['sections'][number] }
  | { kind: 'implementation'; sections: ReportModel['sections'] };

/**
 * Chapters as a UPR national report has them (A/HRC/WG.6/34/SVN/1): sections without
 * recommendations are chapters of their own (introduction, new developments, challenges); the
 * thematic sections in a row form the chapter on implementation, one lettered section each.
 * Nothing is printed that has no text under it.
 */
function chaptersOf(model: ReportModel): Chapter[] {
  const written = (section: ReportModel['sections'][number]) =>
    htmlToText(section.body).trim() !== '' || section.recommendations.some((rec) => !rec.present);
  const chapters: Chapter[] = [];
  for (const section of model.sections) {
    if (!written(section)) continue;
    if (section.recommendations.length === 0) {
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

  const allNumbers = model.recommendations.map((rec) => rec.number ?? '').filter(Boolean);
  const common = numberRanges(allNumbers).paragraph;
  const body: (Paragraph | Table)[] = [];
  chaptersOf(model).forEach((chapter, chapterIndex) => {
    const label = chapterLabel(chapterIndex, language);
    if (chapter.kind === 'text') {
      body.push(heading(1, label, chapter.heading));
      body.push(...sectionBody(chapter.section));
      return;
    }
    body.push(heading(1, label, t('reports.export.implementation')));
    const symbols = context.reviewSymbols ?? [];
    if (common && symbols.length === 1)
      body.push(
        ...bodyParagraphs(
          `<p>${escapeText(t('reports.export.numberedAs', { paragraph: common, symbol: symbols[0] ?? '' }))}</p>`,
          bodyContext(),
        ),
      );
    chapter.sections.forEach((section, index) => {
      body.push(heading(2, sectionLabel(index, language), section.heading));
      const numbers = section.recommendations.map((rec) => rec.number ?? '').filter(Boolean);
      if (numbers.length > 0) {
        const ranges = numberRanges(numbers, { keepPrefix: !common }).text;
        body.push(
          para(
            [writer.run(t('reports.export.recommendationsLine', { count: numbers.length, ranges }), { bold: true })],
            {
              keepNext: true,
              spacing: 120,
              indent: 1134,
            },
          ),
        );
      }
      for (const rec of section.recommendations.filter((item) => !item.present))
        body.push(
          para([writer.run(t('reports.missingRecommendation', { number: rec.number ?? '?' }), { italics: true })]),
        );
      body.push(...sectionBody(section));
    });
  });

  function bodyContext() {
    return { rtl, nextListInstance: () => ++listInstance, footnotesFor: () => [] as number[] };
  }

  function sectionBody(section: ReportModel['sections'][number]) {
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

  // The annexes: the matrix (landscape), then the local and regional governments.
  const matrixHeading = heading(1, '', t('reports.export.tableHeading'));
  const showStates = [...(context.details?.values() ?? [])].some((detail) => detail.states.length > 0);
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
  const matrix = fullWidthTable(header, rows, shares, textWidth.landscape, writer);

  const annex = model.annex.filter((entry) => entry.included);
  const lrg: (Paragraph | Table)[] = [];
  if (annex.length > 0) {
    lrg.push(heading(1, '', t('reports.export.annexHeading')));
    annex.forEach((entry, index) => {
      lrg.push(heading(2, sectionLabel(index, language), entry.entityName));
      const numbers = [...new Set(entry.items.flatMap((item) => item.recommendationNumbers))];
      if (numbers.length > 0)
        lrg.push(
          para(
            [
              writer.run(
                t('reports.export.recommendationsLine', {
                  count: numbers.length,
                  ranges: numberRanges(numbers, { keepPrefix: !common }).text,
                }),
                { bold: true },
              ),
            ],
            { keepNext: true, spacing: 120, indent: 1134 },
          ),
        );
      for (const item of entry.items) {
        const period = periodText(item.periodStart, item.periodEnd, language);
        const label = t('reports.export.annexItem', {
          numbers: item.recommendationNumbers.join(', ') || '—',
          period: period ?? t('reports.export.noPeriod'),
        });
        lrg.push(para([writer.run(label, { italics: true })], { keepNext: true }));
        lrg.push(...bodyParagraphs(item.text, { ...bodyContext(), numbered: false }));
      }
    });
  }

  const { counts } = model;
  const info: Masthead = {
    bodyName: context.bodyName,
    label: model.report.title,
    date: context.date,
    original: new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language,
    title: model.report.title,
    subtitle: t(`reports.type.${model.report.type}`),
    state: context.state ?? null,
    reviews: context.reviewSymbols ?? [],
  };
  const cover: (Paragraph | Table)[] = masthead(info, writer);
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
  const portrait = {
    page: { size: { width: page.width, height: page.height }, margin: margins() },
    ...heads,
  };
  const landscape = {
    page: {
      size: { width: page.width, height: page.height, orientation: PageOrientation.LANDSCAPE },
      margin: margins(),
    },
    headers: { default: heads.headers.default, even: heads.headers.even },
    footers: { default: heads.footers.default, even: heads.footers.even },
  };
  const sections = [
    {
      properties: { ...portrait, titlePage: true },
      headers: heads.headers,
      footers: heads.footers,
      children: [
        ...cover,
        new Paragraph({ children: [new PageBreak()] }),
        ...contents(entries, writer, textWidth.portrait),
        new Paragraph({ children: [new PageBreak()] }),
        ...body,
      ],
    },
    {
      properties: { page: landscape.page },
      headers: landscape.headers,
      footers: landscape.footers,
      children: [matrixHeading, matrix],
    },
    ...(lrg.length > 0
      ? [{ properties: { page: portrait.page }, headers: landscape.headers, footers: landscape.footers, children: lrg }]
      : []),
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

function margins() {
  return { top: page.top, bottom: page.bottom, left: page.side, right: page.side, header: 709, footer: 709 };
}

/** Times New Roman 10 pt, justified, as UN documents; headings bold, kept with what follows. */
function documentStyles(rtl?: boolean) {
  const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' };
  return {
    default: {
      document: {
        run: { font, size: 20, sizeComplexScript: rtl ? 22 : 20 },
        paragraph: { spacing: { after: 120, line: 240 }, alignment: AlignmentType.BOTH },
      },
      heading1: {
        run: { font, size: 28, bold: true, color: '000000' },
        paragraph: { spacing: { before: 360, after: 240 }, keepNext: true, alignment: AlignmentType.START },
      },
      heading2: {
        run: { font, size: 24, bold: true, color: '000000' },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, alignment: AlignmentType.START },
      },
      heading3: { run: { font, size: 20, bold: true, color: '000000' }, paragraph: { keepNext: true } },
      heading4: { run: { font, size: 20, italics: true, color: '000000' }, paragraph: { keepNext: true } },
      footnoteText: { run: { font, size: 16 } },
    },
  };
}

export async function reportDocx(model: ReportModel, context: ExportContext): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(model, context));
}
