import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Footer,
  Header,
  LeaderType,
  PageNumber,
  PageReference,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';

// The parts of a UN document around the text (editorial manual of the UN; A/HRC/WG.6/34/SVN/1 as
// the model): the masthead on the first page, running heads with the symbol (or the title) and
// the page number at the outer edge, a contents list, and a table that fills the text width.

/** A4 in twentieths of a point, and the UN's margins (2 cm left and right, 2.5 cm top and bottom). */
export const page = { width: 11_906, height: 16_838, side: 1_134, top: 1_417, bottom: 1_417 };
export const textWidth = { portrait: page.width - 2 * page.side, landscape: page.height - 2 * page.side };

/** Dates as the UN writes them in each language ("6 August 2019"); Latin digits in Arabic too. */
export const dateLocale: Record<Locale, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ru: 'ru-RU',
  ar: 'ar-u-nu-latn',
  zh: 'zh-CN',
};

// One formatter per language: building an Intl.DateTimeFormat costs more than a hundred
// formats, and a report dates every footnote (decision 031).
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
function dateFormat(language: Locale): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale[language], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format;
}

export function longDate(value: Date | string, language: Locale): string {
  const date = typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
  return dateFormat(language).format(date);
}

/** "1 January – 31 December 2023" (the range shortened as the language does). */
export function periodText(start: string | null, end: string | null, language: Locale): string | null {
  if (!(start ?? end)) return null;
  // formatRange is slow, and a report's footnotes share a handful of periods.
  const key = `${language} ${start} ${end}`;
  let text = periods.get(key);
  if (text === undefined) {
    const format = dateFormat(language);
    const day = (value: string) => new Date(`${value}T00:00:00Z`);
    text = start && end ? format.formatRange(day(start), day(end)) : format.format(day((start ?? end) as string));
    if (periods.size > 10_000) periods.clear();
    periods.set(key, text);
  }
  return text;
}
const periods = new Map<string, string>();

export interface Writer {
  /** `true` or `undefined` (never false: docx would write every false flag out). */
  rtl: true | undefined;
  language: Locale;
  t: Translate;
  run: (text: string, options?: { bold?: boolean; italics?: boolean; size?: number; color?: string }) => TextRun;
}

/** Running heads: the symbol or title and the page number, at the outer edge (odd right, even left). */
export function runningHeads(label: string, writer: Writer) {
  const line = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], children: TextRun[]) =>
    new Paragraph({ alignment, bidirectional: writer.rtl, children });
  const pageRun = () => new TextRun({ children: [PageNumber.CURRENT], size: 18, bold: true });
  const head = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Header({
      children: [
        new Paragraph({
          alignment,
          bidirectional: writer.rtl,
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } },
          children: [writer.run(label, { bold: true, size: 17 })],
        }),
      ],
    });
  return {
    headers: { default: head(AlignmentType.END), even: head(AlignmentType.START), first: new Header({ children: [] }) },
    footers: {
      default: new Footer({ children: [line(AlignmentType.END, [pageRun()])] }),
      even: new Footer({ children: [line(AlignmentType.START, [pageRun()])] }),
      first: new Footer({ children: [] }),
    },
  };
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

export interface Masthead {
  bodyName: string;
  /** The symbol or, until the secretariat gives one, the title. */
  label: string;
  date: Date;
  /** The report's language named in itself ("English", "العربية"). */
  original: string;
  title: string;
  subtitle: string;
  state: string | null;
  /** The review(s) reported on, e.g. "A/HRC/28/15". */
  reviews: string[];
}

/**
 * The first page as the UN sets it: "United Nations" and the organ on the left, the symbol on
 * the right; below it, distribution, date and original language; a rule; then the title block.
 */
export function masthead(info: Masthead, writer: Writer): (Paragraph | Table)[] {
  const { t, rtl } = writer;
  const para = (children: TextRun[], spacing = 0) =>
    new Paragraph({ bidirectional: rtl, spacing: { after: spacing }, children });
  const half = Math.round(textWidth.portrait / 2);
  const cell = (children: Paragraph[]) =>
    new TableCell({ width: { size: half, type: WidthType.DXA }, borders: noBorders, children });
  const top = new Table({
    width: { size: textWidth.portrait, type: WidthType.DXA },
    columnWidths: [half, textWidth.portrait - half],
    layout: TableLayoutType.FIXED,
    visuallyRightToLeft: rtl,
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell([
            para([writer.run(t('reports.export.unitedNations'), { size: 20 })], 60),
            para([writer.run(info.bodyName, { bold: true, size: 32 })]),
          ]),
          cell([
            new Paragraph({
              bidirectional: rtl,
              alignment: AlignmentType.END,
              spacing: { after: 240 },
              children: [writer.run(info.label, { bold: true, size: 24 })],
            }),
            para([writer.run(t('reports.export.distribution'), { size: 18 })]),
            para([writer.run(longDate(info.date, writer.language), { size: 18 })], 200),
            para([writer.run(t('reports.export.original', { language: info.original }), { size: 18 })]),
          ]),
        ],
      }),
    ],
  });
  const children: (Paragraph | Table)[] = [
    top,
    new Paragraph({
      bidirectional: rtl,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 } },
      spacing: { after: 480 },
      children: [],
    }),
  ];
  if (info.reviews.length > 0)
    children.push(
      para([writer.run(t('reports.export.reviewsCovered', { symbols: info.reviews.join(', ') }), { bold: true })]),
    );
  children.push(
    new Paragraph({
      bidirectional: rtl,
      spacing: { before: 600, after: 240 },
      indent: { start: 1134 },
      children: [writer.run(info.title, { bold: true, size: 28 })],
    }),
    new Paragraph({
      bidirectional: rtl,
      indent: { start: 1134 },
      spacing: { after: 240 },
      children: [writer.run(info.subtitle, { size: 24 })],
    }),
  );
  if (info.state)
    children.push(
      new Paragraph({
        bidirectional: rtl,
        indent: { start: 1134 },
        children: [writer.run(info.state, { bold: true, size: 28 })],
      }),
    );
  return children;
}

export interface ContentsEntry {
  level: 1 | 2;
  text: string;
  bookmark: string;
}

/** The contents list: each heading with its page, read from a bookmark (a PAGEREF field). */
export function contents(entries: ContentsEntry[], writer: Writer, width: number): Paragraph[] {
  return [
    new Paragraph({
      bidirectional: writer.rtl,
      spacing: { after: 240 },
      children: [writer.run(writer.t('reports.export.contents'), { bold: true, size: 28 })],
    }),
    new Paragraph({
      bidirectional: writer.rtl,
      alignment: AlignmentType.END,
      children: [writer.run(writer.t('reports.export.page'), { italics: true, size: 16 })],
    }),
    ...entries.map(
      (entry) =>
        new Paragraph({
          bidirectional: writer.rtl,
          indent: { start: entry.level === 1 ? 0 : 567 },
          spacing: { after: 60 },
          tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }],
          children: [writer.run(entry.text), new TextRun({ text: '\t' }), new PageReference(entry.bookmark)],
        }),
    ),
  ];
}

/** A heading that the contents list points at. */
export function bookmarked(id: string, run: TextRun): Bookmark {
  return new Bookmark({ id, children: [run] });
}

/** The paragraph style of table cells: 9 pt, no space after, aligned at the start of the line. */
export const tableTextStyle = 'TableText';

/**
 * A table across the whole text width: fixed layout with explicit column widths (in twips,
 * from `shares` of the width), so LibreOffice and Word both give the text its room, and the
 * header row repeated on every page.
 */
export function fullWidthTable(
  header: string[],
  rows: (string | Paragraph[])[][],
  shares: number[],
  width: number,
  writer: Writer,
): Table {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => Math.floor((share / total) * width));
  // A cell holds plain lines, or paragraphs already written (a narrative with its footnotes).
  const cell = (content: string | Paragraph[], index: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      children:
        typeof content !== 'string'
          ? content.length > 0
            ? content
            : [new Paragraph({})]
          : content.split('\n').map(
              // Size, spacing and alignment come from the style: written on each of the
              // matrix's thousands of paragraphs and runs they were DOCX to build and for
              // LibreOffice to read (decision 042).
              (line) =>
                new Paragraph({
                  style: tableTextStyle,
                  bidirectional: writer.rtl,
                  children: [writer.run(line, { bold })],
                }),
            ),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    // The cells' margins once for the table, not on each of its thousands of cells (decision 031).
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    layout: TableLayoutType.FIXED,
    visuallyRightToLeft: writer.rtl,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, index) => cell(text, index, true)),
      }),
      ...rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, index, false)) })),
    ],
  });
}
