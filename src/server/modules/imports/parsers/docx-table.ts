/**
 * Word tables out of word/document.xml: rows of cells, each cell a list of paragraph texts.
 * A regex tokenizer is enough for the WordprocessingML we read (w:tbl/w:tr/w:tc/w:p/w:t) and keeps
 * us free of an XML dependency. Nested tables are skipped.
 */
export interface DocxCell {
  paragraphs: string[];
  span: number;
}
export type DocxRow = DocxCell[];

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });
}

const tokenRe = /<(\/?)w:(tbl|tr|tc|p|t|tab|br|gridSpan)\b([^>]*?)(\/?)>|([^<]+)/g;

/** All rows of all tables, in document order. */
export function docxTableRows(xml: string): DocxRow[] {
  const rows: DocxRow[] = [];
  let depth = 0;
  let row: DocxRow | undefined;
  let cell: DocxCell | undefined;
  let para: string | undefined;
  let inText = false;
  for (const m of xml.matchAll(tokenRe)) {
    const [, close, tag, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (inText && para !== undefined) para += decodeXml(text);
      continue;
    }
    if (tag === 'tbl') {
      depth += close ? -1 : 1;
      continue;
    }
    if (depth !== 1) continue; // text outside tables, and nested tables (none in the OHCHR lists)
    if (tag === 'tr') {
      if (!close) row = [];
      else if (row) {
        rows.push(row);
        row = undefined;
      }
    } else if (tag === 'tc') {
      if (!close) cell = { paragraphs: [], span: 1 };
      else if (cell && row) {
        row.push(cell);
        cell = undefined;
      }
    } else if (tag === 'gridSpan' && cell) {
      cell.span = Number(/w:val="(\d+)"/.exec(attrs ?? '')?.[1] ?? 1);
    } else if (tag === 'p' && cell) {
      if (!close && !selfClose) para = '';
      else if (close && para !== undefined) {
        cell.paragraphs.push(para);
        para = undefined;
      } else if (selfClose) cell.paragraphs.push('');
    } else if (tag === 't') {
      inText = !close && !selfClose;
    } else if ((tag === 'tab' || tag === 'br') && para !== undefined && !close) {
      para += tag === 'tab' ? '\t' : '\n';
    }
  }
  return rows;
}
