import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  type IParagraphOptions,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { tokenizeHtml } from '../../../shared/reports/report-text';

/** How a section's body is written: numbered paragraphs, footnotes where markers stand. */
export interface BodyContext {
  /** `true` or `undefined`, as `Writer.rtl`. */
  rtl: true | undefined;
  /** Plain paragraphs numbered across the report (the main text); the annexes' are not. */
  numbered?: boolean;
  /** The next ordered-list instance (each <ol> restarts at 1). */
  nextListInstance: () => number;
  /** Footnote ids to hang after a marker "[118.7]" found in the text, taken once. */
  footnotesFor: (marker: string) => number[];
}

interface RunStyle {
  bold: boolean;
  italics: boolean;
  underline: boolean;
  href: string | null;
}

type Block = {
  kind: 'p' | 'h3' | 'h4' | 'li' | 'quote';
  list: 'ul' | 'ol' | null;
  instance: number;
  runs: ParagraphChild[];
};

const markerPattern = /\[[^\][]{1,120}\]/g;

function runsOf(text: string, style: RunStyle, context: BodyContext): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  const textRun = (value: string) =>
    new TextRun({
      text: value,
      bold: style.bold || undefined,
      italics: style.italics || undefined,
      underline: style.underline ? {} : undefined,
      rightToLeft: context.rtl,
      style: style.href ? 'Hyperlink' : undefined,
    });
  const push = (value: string) => {
    if (!value) return;
    runs.push(style.href ? new ExternalHyperlink({ link: style.href, children: [textRun(value)] }) : textRun(value));
  };
  let last = 0;
  for (const match of text.matchAll(markerPattern)) {
    const end = (match.index ?? 0) + match[0].length;
    push(text.slice(last, end));
    // Marks of several sources stand apart ("3, 4"), never run together as "34".
    context.footnotesFor(match[0]).forEach((id, index) => {
      if (index > 0) runs.push(new TextRun({ text: ',', superScript: true, rightToLeft: context.rtl }));
      runs.push(new FootnoteReferenceRun(id));
    });
    last = end;
  }
  push(text.slice(last));
  return runs;
}

function hrefOf(attributes: string): string | null {
  const match = /href\s*=\s*"([^"]*)"/i.exec(attributes) ?? /href\s*=\s*'([^']*)'/i.exec(attributes);
  const href = match?.[1]?.replaceAll('&amp;', '&') ?? null;
  return href && /^(https?:|mailto:)/i.test(href) ? href : null;
}

/** The blocks of sanitised HTML (the editor's subset) with their runs. */
function blocksOf(html: string, context: BodyContext): Block[] {
  const blocks: Block[] = [];
  const style: RunStyle = { bold: false, italics: false, underline: false, href: null };
  const lists: { kind: 'ul' | 'ol'; instance: number }[] = [];
  let quote = 0;
  let current: Block | null = null;
  const open = (kind: Block['kind']) => {
    const list = lists.at(-1);
    current = { kind, list: list?.kind ?? null, instance: list?.instance ?? 0, runs: [] };
    blocks.push(current);
    return current;
  };
  const ensure = (): Block => current ?? open(lists.length > 0 ? 'li' : quote > 0 ? 'quote' : 'p');
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'text') {
      if (!current && token.value.trim() === '') continue;
      ensure().runs.push(...runsOf(token.value, style, context));
      continue;
    }
    const opening = token.kind === 'open';
    switch (token.tag) {
      case 'p':
      case 'h3':
      case 'h4':
        current = opening
          ? open(token.tag === 'p' ? (lists.length > 0 ? 'li' : quote > 0 ? 'quote' : 'p') : token.tag)
          : null;
        break;
      case 'li':
        current = opening ? open('li') : null;
        break;
      case 'ul':
      case 'ol':
        if (opening) lists.push({ kind: token.tag, instance: token.tag === 'ol' ? context.nextListInstance() : 0 });
        else lists.pop();
        current = null;
        break;
      case 'blockquote':
        quote += opening ? 1 : -1;
        current = null;
        break;
      case 'br':
        ensure().runs.push(new TextRun({ break: 1 }));
        break;
      case 'strong':
        style.bold = opening;
        break;
      case 'em':
        style.italics = opening;
        break;
      case 'u':
        style.underline = opening;
        break;
      case 'a':
        style.href = opening ? hrefOf(token.value) : null;
        break;
    }
  }
  return blocks.filter((block) => block.runs.length > 0);
}

/**
 * A section body as Word paragraphs: paragraphs numbered across the report (UN style), h3 and h4
 * as unnumbered headings, lists as lists, quotes indented. `leftover` footnotes (sources whose
 * marker was edited away) hang on the last paragraph.
 */
export function bodyParagraphs(html: string, context: BodyContext, leftover: () => number[] = () => []): Paragraph[] {
  const blocks = blocksOf(html, context);
  // Asked only now: the markers found while reading the blocks have taken their footnotes.
  const rest = leftover();
  if (rest.length > 0) {
    const last = blocks.at(-1) ?? { kind: 'p' as const, list: null, instance: 0, runs: [] };
    if (blocks.length === 0) blocks.push(last);
    rest.forEach((id, index) => {
      if (index > 0) last.runs.push(new TextRun({ text: ',', superScript: true, rightToLeft: context.rtl }));
      last.runs.push(new FootnoteReferenceRun(id));
    });
  }
  return blocks.map((block) => {
    const options: IParagraphOptions = { children: block.runs, bidirectional: context.rtl };
    switch (block.kind) {
      case 'h3':
        return new Paragraph({ ...options, heading: HeadingLevel.HEADING_3 });
      case 'h4':
        return new Paragraph({ ...options, heading: HeadingLevel.HEADING_4 });
      case 'quote':
        return new Paragraph({ ...options, indent: { start: 1134, end: 567 } });
      case 'li':
        return new Paragraph({
          ...options,
          numbering:
            block.list === 'ol'
              ? { reference: 'ordered', level: 0, instance: block.instance }
              : { reference: 'bullets', level: 0 },
        });
      default:
        return context.numbered === false
          ? new Paragraph(options)
          : new Paragraph({ ...options, numbering: { reference: 'paragraphs', level: 0 } });
    }
  });
}
