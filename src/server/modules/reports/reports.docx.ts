import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { ReportSourceView } from '../../../shared/schemas/reports';
import { bodyParagraphs } from './reports.docx-html';
import type { ReportModel } from './reports.model';
import { marker } from './reports.outline';

/** What the export needs besides the model: words in the report's language, the body's name. */
export interface ExportContext {
  t: Translate;
  bodyName: string;
  /** When the document says it was produced; fixed in tests and benches. */
  date: Date;
}

function period(source: { periodStart: string | null; periodEnd: string | null }): string {
  if (source.periodStart && source.periodEnd) return `${source.periodStart} – ${source.periodEnd}`;
  return source.periodStart ?? source.periodEnd ?? '';
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
          style: { paragraph: { indent: { start: 567, hanging: 567 } } },
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
          style: { paragraph: { indent: { start: 1134, hanging: 567 } } },
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
          style: { paragraph: { indent: { start: 1134, hanging: 567 } } },
        },
      ],
    },
  ],
};

function cell(text: string, rtl: boolean, bold = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ bidirectional: rtl, children: [new TextRun({ text, bold, rightToLeft: rtl })] })],
  });
}

/**
 * The report as a Word document: a title page with the word counts (and the over-the-limit mark),
 * each section under its heading with UN-style numbered paragraphs and its sources as footnotes,
 * a notice for each recommendation removed from the register, then the annexes: the table of
 * recommendations (number, excerpt, position, status) and the contributions of the LRGs chosen.
 */
export function buildReportDocument(model: ReportModel, context: ExportContext): Document {
  const { t } = context;
  const rtl = (model.language as Locale) === 'ar';
  const text = (value: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
    new TextRun({ text: value, rightToLeft: rtl, ...options });
  const para = (children: TextRun[], options: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}) =>
    new Paragraph({ children, bidirectional: rtl, ...options });

  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let nextFootnote = 1;
  const footnoteOf = (source: ReportSourceView) => {
    const id = nextFootnote++;
    const note = t('reports.export.footnote', {
      entity: source.entityName,
      period: period(source) || t('reports.export.noPeriod'),
    });
    footnotes[id] = { children: [para([text(note)])] };
    return id;
  };
  let listInstance = 0;

  const { counts } = model;
  const children: (Paragraph | Table)[] = [
    para([text(model.report.title, { bold: true, size: 36 })], { heading: HeadingLevel.TITLE }),
    para([text(context.bodyName)]),
    para([text(t(`reports.type.${model.report.type}`))]),
    para([text(context.date.toISOString().slice(0, 10))]),
    para([text(t('reports.export.mainWords', { count: counts.main, limit: counts.mainLimit }))]),
    para([
      text(
        counts.annexLimit === null
          ? t('reports.export.annexWords', { count: counts.annex })
          : t('reports.export.annexWordsLimit', { count: counts.annex, limit: counts.annexLimit }),
      ),
    ]),
  ];
  if (counts.mainOver || counts.annexOver)
    children.push(
      para([
        text(
          t('reports.export.overLimit', {
            over: counts.mainOver ? counts.main - counts.mainLimit : counts.annex - (counts.annexLimit ?? 0),
          }),
          { bold: true, color: 'C00000' },
        ),
      ]),
    );
  children.push(new Paragraph({ children: [new PageBreak()] }));

  for (const section of model.sections) {
    children.push(para([text(section.heading)], { heading: HeadingLevel.HEADING_1 }));
    for (const rec of section.recommendations.filter((item) => !item.present))
      children.push(para([text(t('reports.missingRecommendation', { number: rec.number ?? '?' }), { italics: true })]));
    // A source's footnote hangs where its marker still stands in the text, else at the end.
    const numberOf = new Map(section.recommendations.map((rec) => [rec.id, rec.number]));
    const byMarker = new Map<string, ReportSourceView[]>();
    for (const source of section.sources) {
      const key = marker(source.recommendationIds.map((id) => numberOf.get(id)).filter((n): n is string => Boolean(n)));
      byMarker.set(key, [...(byMarker.get(key) ?? []), source]);
    }
    const placed = new Set<string>();
    const paragraphs = bodyParagraphs(
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
    children.push(...paragraphs);
  }

  children.push(new Paragraph({ children: [new PageBreak()] }));
  children.push(para([text(t('reports.export.tableHeading'))], { heading: HeadingLevel.HEADING_1 }));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: [
            cell(t('reports.export.colNumber'), rtl, true),
            cell(t('reports.export.colText'), rtl, true),
            cell(t('reports.export.colPosition'), rtl, true),
            cell(t('reports.export.colStatus'), rtl, true),
          ],
        }),
        ...model.recommendations.map(
          (rec) =>
            new TableRow({
              children: [
                cell(rec.number ?? '', rtl),
                cell(rec.present ? rec.excerpt : `${rec.excerpt} (${t('reports.export.removed')})`, rtl),
                cell(rec.position ? t(`register.position.${rec.position}`) : '', rtl),
                cell(rec.status ?? '', rtl),
              ],
            }),
        ),
      ],
    }),
  );

  const annex = model.annex.filter((entry) => entry.included);
  if (annex.length > 0) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(para([text(t('reports.export.annexHeading'))], { heading: HeadingLevel.HEADING_1 }));
    for (const entry of annex) {
      children.push(para([text(entry.entityName)], { heading: HeadingLevel.HEADING_2 }));
      for (const item of entry.items) {
        const label = t('reports.export.annexItem', {
          numbers: item.recommendationNumbers.join(', ') || '—',
          period: period(item) || t('reports.export.noPeriod'),
        });
        children.push(para([text(label, { bold: true })]));
        children.push(
          ...bodyParagraphs(item.text, {
            rtl,
            numbered: false,
            nextListInstance: () => ++listInstance,
            footnotesFor: () => [],
          }),
        );
      }
    }
  }

  return new Document({
    creator: 'Implementa',
    title: model.report.title,
    numbering,
    footnotes,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 20 } } } },
    sections: [{ children }],
  });
}

export async function reportDocx(model: ReportModel, context: ExportContext): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(model, context));
}
