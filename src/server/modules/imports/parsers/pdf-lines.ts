/**
 * PDF text as lines with their place and font: the UN PDFs carry structure only in layout
 * (indent, bold, font size), so the PDF parsers work on these lines, not on a flat string.
 * Footnote markers are superscript digits (smaller font, raised baseline): they are dropped here.
 * Running headers, page numbers and footnote text sit in the margins or in a smaller font: they
 * are kept apart from the body lines.
 */

import { toBytes, unsupported } from '../../../lib/tabular/file-errors';
import { squash } from './common.js';
import { inReadingOrder } from './pdf-rtl.js';
import { loadPdfjs } from './pdfjs.js';

export interface PdfLine {
  page: number;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  text: string;
  /** vertical distance from the previous body line on the same page; Infinity at a page top */
  gap: number;
}

export interface PdfText {
  /** lines in the body font size or larger, margins removed, in reading order */
  body: PdfLine[];
  /** every line, including running headers and footnotes (for metadata such as the symbol) */
  all: PdfLine[];
  bodySize: number;
  pageCount: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  bold: boolean;
}

interface RawLine {
  y: number;
  items: Item[];
}

interface Page {
  lines: RawLine[];
  height: number;
  width: number;
}

const jobNumberRe = /^GE\.\d{2}-\d{5}\b/;
/** Bold faces; Chinese UN documents set headings in SimHei (黑体), their bold, over SimSun text. */
const boldFont = /Bold|Black|Heavy|SimHei/i;
const MARGIN = 50; // points: running headers sit above pageHeight - 50, footers below 50

export async function readPdfText(data: Uint8Array | Buffer, file: string): Promise<PdfText> {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw unsupported(file, 'issues.emptyFile', `${file} is empty`);
  if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
    throw unsupported(file, 'issues.notPdf', `${file} is not a PDF`);
  }
  const { getDocument } = await loadPdfjs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException')
      throw unsupported(file, 'issues.passwordProtected', `${file} is password-protected`, error);
    throw unsupported(file, 'issues.corruptFile', `${file} could not be read as PDF`, error);
  }
  try {
    const pages: Page[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await page.getOperatorList(); // loads the fonts, so that their names (…-Bold…) are known
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        const font = page.commonObjs.has(it.fontName)
          ? (page.commonObjs.get(it.fontName) as { name?: string })
          : undefined;
        const size = Math.round(Math.hypot(c!, d!) * 10) / 10 || Math.round(Math.hypot(a!, b!) * 10) / 10;
        items.push({ str: it.str, x: e!, y: f!, w: it.width, size, bold: boldFont.test(font?.name ?? '') });
      }
      pages.push({ lines: groupLines(items), height: page.view[3]!, width: page.view[2]! });
      page.cleanup();
    }
    return buildText(pages, file);
  } finally {
    await doc.destroy();
  }
}

/** Items of one baseline make a line; small raised items (superscripts) join the line below them. */
function groupLines(items: Item[]): RawLine[] {
  const visible = items.filter((i) => i.str.trim() !== '');
  const sizes = visible.map((i) => i.size).sort((a, b) => a - b);
  const typical = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const lines: RawLine[] = [];
  const small = (i: Item) => i.size < typical * 0.75;
  for (const item of items) {
    if (item.str.trim() === '' || small(item)) continue;
    const line = lines.find((l) => Math.abs(l.y - item.y) <= 2);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  for (const item of items) {
    if (item.str.trim() === '' || !small(item)) continue;
    const line = lines.find((l) => item.y - l.y >= -1 && item.y - l.y <= typical * 0.6);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

function lineText(items: Item[], bodySize: number): string {
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const superscript = item.size < bodySize * 0.75;
    // Footnote markers are raised digits; raised letters (455e, no, 4th) are ordinals: keep them.
    // Arabic documents put them in parentheses, "(5)", which pdf.js may give as separate runs.
    if (superscript && /^\s*\(?\d*\)?\s*$/.test(item.str)) {
      end = item.x + item.w;
      continue;
    }
    if (out && item.x - end > item.size * 0.15 && !/\s$/.test(out)) out += ' ';
    out += item.str;
    end = item.x + item.w;
  }
  return squash(out.replace(/\s+/g, ' '));
}

/** The font size that most characters of a line use (a '*' in body size does not make a footnote body). */
function dominantSize(items: Item[]): number {
  const bySize = new Map<number, number>();
  for (const i of items) bySize.set(i.size, (bySize.get(i.size) ?? 0) + i.str.trim().length);
  return [...bySize.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function buildText(pages: Page[], file: string): PdfText {
  const chars = new Map<number, number>();
  for (const page of pages)
    for (const line of page.lines)
      for (const item of line.items) chars.set(item.size, (chars.get(item.size) ?? 0) + item.str.length);
  const bodySize = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (bodySize === undefined) throw unsupported(file, 'issues.noTextLayer', `${file} has no text layer (scanned?)`);
  const all: PdfLine[] = [];
  const body: PdfLine[] = [];
  pages.forEach((page, index) => {
    let lastY = Number.NaN;
    for (const grouped of page.lines) {
      const raw = { y: grouped.y, items: inReadingOrder(grouped.items, page.width) }; // Arabic reads from the right
      const text = lineText(raw.items, bodySize);
      if (!text) continue;
      const visible = raw.items.filter((i) => i.str.trim() !== '');
      const size = dominantSize(visible);
      const boldChars = visible.filter((i) => i.bold).reduce((n, i) => n + i.str.length, 0);
      const allChars = visible.reduce((n, i) => n + i.str.length, 0);
      const line: PdfLine = {
        page: index + 1,
        x: Math.round(Math.min(...visible.map((i) => i.x))),
        y: Math.round(raw.y),
        size,
        bold: boldChars > allChars / 2,
        text,
        gap: Number.POSITIVE_INFINITY,
      };
      all.push(line);
      const inMargin = raw.y < MARGIN || raw.y > page.height - MARGIN;
      // The UN job number ("GE.19-07503 (F) 171019 181019") sits higher on a first page.
      if (inMargin || size < bodySize - 0.6 || jobNumberRe.test(text)) continue;
      line.gap = Number.isNaN(lastY) ? Number.POSITIVE_INFINITY : Math.round(lastY - raw.y);
      lastY = raw.y;
      body.push(line);
    }
  });
  const textChars = all.reduce((n, l) => n + l.text.length, 0);
  if (textChars < 20) throw unsupported(file, 'issues.noTextLayer', `${file} has no text layer (scanned?)`);
  return { body, all, bodySize, pageCount: pages.length };
}
