/**
 * OHCHR "Thematic list of recommendations" (DOCX): one Word table, rows grouped under
 * "Theme: …" rows that span the table. Two layouts are known:
 *   cycle 2: Recommendation | Position | Full list of themes | Assessment/comments on level of implementation
 *   cycle 4: Recommendation and recommending State | Position of the State under review |
 *            Human rights themes and groups of persons | Relevant SDGs
 * The recommendation cell holds "140.7 Ratify … (Maldives) (Portugal);" and a paragraph
 * "Source of Position: A/HRC/59/15/Add.1 - Para.3". A themes cell may also hold an "SDGs:" block
 * (theme-cell.ts): its goals join the SDG column's.
 */

import { assertNotEmpty, importInvalid, toBytes } from '../../../lib/tabular/file-errors';
import { openZip } from '../../../lib/tabular/zip';
import { detectLang, newRecommendation, squash } from './common.js';
import { type DocxRow, docxTableRows } from './docx-table.js';
import { thematicListReview } from './ohchr-thematic-title.js';
import { readThemeCell, sdgCodeOf } from './theme-cell.js';
import type { ParsedRecommendation, ParsedSource, Position } from './types.js';
import { splitUprParagraphs } from './upr-paragraph.js';

const columnRules = {
  text: /^Recommendation/i,
  position: /Position/i,
  themes: /themes/i,
  sdgs: /SDG/i,
  comment: /Assessment|comments/i,
} as const;
type Column = keyof typeof columnRules;

export function positionOf(value: string): Position | undefined {
  const v = value.trim().toLowerCase();
  if (/partial|in part/.test(v)) return 'supported_in_part';
  if (/^(supported|accepted)/.test(v)) return 'supported';
  if (/^noted|^not supported|^rejected/.test(v)) return 'noted';
  if (/^pending|examined/.test(v)) return 'pending';
  return undefined;
}

const cellText = (row: DocxRow, i: number | undefined) =>
  i === undefined ? [] : (row[i]?.paragraphs ?? []).map(squash).filter(Boolean);

export async function parseOhchrThematic(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  const bytes = toBytes(data);
  assertNotEmpty(bytes, fileName);
  const zip = openZip(bytes, fileName);
  const xml = zip.text('word/document.xml');
  if (!xml)
    throw importInvalid([{ file: fileName, message: 'issues.notDocx' }], `${fileName} has no word/document.xml`);
  const rows = docxTableRows(xml);
  const headerIndex = rows.findIndex((r) => r.some((c) => columnRules.text.test(squash(c.paragraphs.join(' ')))));
  const header = rows[headerIndex]?.map((c) => squash(c.paragraphs.join(' '))) ?? [];
  const col: Partial<Record<Column, number>> = {};
  for (const [name, re] of Object.entries(columnRules) as [Column, RegExp][]) {
    const i = header.findIndex((h, k) => re.test(h) && !Object.values(col).includes(k));
    if (i >= 0) col[name] = i;
  }
  const missing = (['text', 'position'] as Column[]).filter((c) => col[c] === undefined);
  if (headerIndex < 0 || missing.length) {
    throw importInvalid(
      (missing.length ? missing : ['text']).map((c) => ({
        file: fileName,
        row: headerIndex + 1 || 1,
        column: c,
        message: 'issues.missingColumn',
      })),
      `${fileName}: the table needs a "Recommendation" and a "Position" column (found: ${header.join(' | ') || 'no table'})`,
    );
  }
  const recommendations: ParsedRecommendation[] = [];
  const warnings: ParsedSource['warnings'] = [];
  const duplicates: ParsedSource['duplicates'] = [];
  const seen = new Map<string, ParsedRecommendation>();
  const lang = detectLang(rows.map((r) => cellText(r, col.text).join(' ')).join(' '));
  let groupTheme: string | undefined;
  rows.slice(headerIndex + 1).forEach((row, k) => {
    const rowNumber = headerIndex + 2 + k; // 1-based row of the Word table
    const first = cellText(row, 0).join(' ');
    const theme = /^Theme:\s*(.*)$/i.exec(first);
    if (theme && row.length === 1) {
      groupTheme = theme[1];
      return;
    }
    const cell = cellText(row, col.text);
    if (!cell.length) return;
    const source = cell.map((p) => /^Source of position:\s*(\S+)/i.exec(p)?.[1]).find(Boolean);
    const paragraph = cell.filter((p) => !/^Source of position:/i.test(p)).join(' ');
    const positionText = cellText(row, col.position).join(' ');
    const position = positionOf(positionText);
    if (!position)
      warnings.push({
        location: { file: fileName, row: rowNumber },
        message: 'issues.unknownPosition',
        params: { position: positionText },
      });
    // The themes cell's blocks (themes, SDGs in some lists, affected persons); the SDG column's goals join them.
    const cellBlocks = readThemeCell(cellText(row, col.themes));
    const { themes, affectedPersons } = cellBlocks;
    const sdgCodes = [
      ...new Set([
        ...cellBlocks.sdgGoals,
        ...cellBlocks.sdgTargets,
        ...cellText(row, col.sdgs)
          .map(sdgCodeOf)
          .filter((c): c is string => !!c),
      ]),
    ];
    const comment = cellText(row, col.comment).join('\n') || undefined;
    for (const part of splitUprParagraphs(paragraph)) {
      const rec = newRecommendation({
        ...part,
        lang,
        position,
        positionSource: source,
        themes: themes.length ? themes : groupTheme ? [groupTheme] : [],
        affectedPersons,
        sdgTargets: sdgCodes.filter((c) => c.includes('.')),
        sdgGoals: sdgCodes.filter((c) => !c.includes('.')),
        body: 'UPR',
        documentSymbol: source?.replace(/\/Add\.\d+$/i, ''),
        comment,
        location: { file: fileName, row: rowNumber, paragraph: part.number },
      });
      if (!part.number) warnings.push({ location: rec.location, message: 'issues.missingNumber' });
      const before = part.number ? seen.get(part.number) : undefined;
      if (before) duplicates.push({ location: rec.location, duplicateOf: before.location });
      else if (part.number) seen.set(part.number, rec);
      recommendations.push(rec);
    }
  });
  const review = thematicListReview([1, 2, 3].map((n) => zip.text(`word/header${n}.xml`)));
  return { format: 'ohchr-thematic-docx', ...(review ? { review } : {}), recommendations, duplicates, warnings };
}
