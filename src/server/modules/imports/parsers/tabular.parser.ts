/**
 * Any CSV or XLSX a ministry keeps, read through a column mapping chosen by the user, e.g.
 * { text: 'Recommendation', number: 'No.', position: 'Status' }. suggestMapping proposes one.
 */

import { AppError, type ErrorIssue } from '../../../../shared/errors.js';
import { type MappableField, mappableFields } from '../../../../shared/schemas/imports';
import { decodingWarnings, readCsvBytes } from '../../../lib/tabular/csv';
import { importInvalid, toBytes } from '../../../lib/tabular/file-errors';
import { type CellValue, readXlsx } from '../../../lib/tabular/xlsx';
import { isZip } from '../../../lib/tabular/zip';
import { excelSerialToIso, newRecommendation, parseDateText, squash } from './common.js';
import { detectLanguages, langOfLabel } from './language.js';
import { positionOf } from './ohchr-thematic.parser.js';
import type { ParsedRecommendation, ParsedSource } from './types.js';
import { multiValues, sdgCodes } from './uhri.parser.js';

export { type MappableField, mappableFields };
export type ColumnMapping = Partial<Record<MappableField, string>> & { text: string };

const hints: Record<MappableField, RegExp> = {
  text: /^(recommendation|text|recomendaci[oó]n|recommandation|texte)s?\b/i,
  number: /^(no\.?|n[°º]|number|num[eé]ro|n[uú]mero|para(graph)?|ref)/i,
  recommendingStates: /(recommending|from|source) (state|country)|^from$|recommending/i,
  position: /position|response|status of (acceptance|position)|^status$/i,
  themes: /theme|issue|topic|th[eè]me|tema/i,
  affectedPersons: /affected|groups? of persons|persons/i,
  sdgTargets: /sdg|ods|odd/i,
  date: /date|fecha/i,
  country: /^(to|country|state under review|pa[ií]s|pays)$/i,
  body: /body|mechanism|m[eé]canisme|organ/i,
  documentSymbol: /symbol|document/i,
  session: /session|sesi[oó]n/i,
  language: /^(lang(uage)?|idioma|langue|язык|语言|اللغة)$/i,
};

/** A first guess of the mapping from the headers; each header used once. */
export function suggestMapping(headers: string[]): Partial<Record<MappableField, string>> {
  const out: Partial<Record<MappableField, string>> = {};
  const used = new Set<string>();
  for (const field of mappableFields) {
    const header = headers.find((h) => !used.has(h) && hints[field].test(h.trim()));
    if (!header) continue;
    out[field] = header;
    used.add(header);
  }
  return out;
}

/**
 * A spreadsheet none of whose columns reads as a field of a recommendation: refused, naming the
 * file and the columns found (the issue's column), with what the importer expects.
 */
export function notRecommendations(fileName: string, headers: string[]): AppError {
  const found = headers.filter(Boolean).slice(0, 12).join(', ');
  return new AppError('UNSUPPORTED_FILE', {
    params: { file: fileName },
    issues: [{ file: fileName, row: 1, column: found, message: 'issues.notRecommendationsTable' }],
    detail: `${fileName}: no column looks like a recommendation field (header: ${found})`,
  });
}

function cellString(value: CellValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export async function parseTabular(
  data: Uint8Array | Buffer,
  fileName: string,
  mapping: ColumnMapping,
): Promise<ParsedSource> {
  const bytes = toBytes(data);
  const csv = isZip(bytes) ? undefined : readCsvBytes(bytes, fileName);
  const table = csv ?? (await readXlsx(bytes, fileName));
  const warnings = csv ? decodingWarnings(csv.decoding, fileName) : [];
  const unknown = Object.entries(mapping).filter(
    ([, column]) => column !== undefined && !table.header.includes(column),
  );
  if (unknown.length || !mapping.text) {
    throw importInvalid(
      (unknown.length ? unknown : [['text', '']]).map(([field, column]) => ({
        file: fileName,
        row: 1,
        column: column || field,
        message: 'issues.unknownColumn',
      })),
      `${fileName}: mapped columns not in the header: ${unknown.map(([, c]) => c).join(', ')} (header: ${table.header.join(', ')})`,
    );
  }
  const at = Object.fromEntries(
    Object.entries(mapping).map(([f, c]) => [f, table.header.indexOf(c as string)]),
  ) as Partial<Record<MappableField, number>>;
  const issues: ErrorIssue[] = [];
  const recommendations: ParsedRecommendation[] = [];
  const undetected: ParsedRecommendation[] = [];
  const rows: CellValue[][] = table.rows;
  rows.forEach((values, i) => {
    const row = i + 2;
    const get = (f: MappableField) => (at[f] === undefined ? undefined : values[at[f]!]);
    const text = squash(cellString(get('text')));
    if (!text) return; // blank lines in spreadsheets are common
    const rawDate = get('date');
    const date =
      rawDate === undefined || rawDate === ''
        ? undefined
        : typeof rawDate === 'number'
          ? excelSerialToIso(rawDate)
          : parseDateText(cellString(rawDate));
    if (rawDate !== undefined && rawDate !== '' && !date)
      issues.push({ file: fileName, row, column: mapping.date, message: 'issues.invalidDate' });
    const positionText = squash(cellString(get('position')));
    const position = positionText ? positionOf(positionText) : undefined;
    if (positionText && !position)
      issues.push({ file: fileName, row, column: mapping.position, message: 'issues.invalidPosition' });
    const session = squash(cellString(get('session')));
    const list = (f: MappableField) => multiValues(cellString(get(f)).replace(/;\s*/g, '\n'));
    // The language column when the file has one; a blank cell is detected, an unknown one refused.
    const langText = squash(cellString(get('language')));
    const lang = langText ? langOfLabel(langText) : undefined;
    if (langText && !lang)
      issues.push({ file: fileName, row, column: mapping.language, message: 'issues.unknownLanguage' });
    const rec = newRecommendation({
      text,
      lang: lang ?? 'en',
      number: squash(cellString(get('number'))) || undefined,
      recommendingStates: list('recommendingStates'),
      position,
      themes: list('themes'),
      affectedPersons: list('affectedPersons'),
      sdgTargets: sdgCodes(list('sdgTargets')).targets,
      date,
      country: squash(cellString(get('country'))) || undefined,
      body: squash(cellString(get('body'))) || undefined,
      documentSymbol: squash(cellString(get('documentSymbol'))) || undefined,
      session: /^\d+$/.test(session) ? Number(session) : undefined,
      location: { file: fileName, row },
    });
    recommendations.push(rec);
    if (!lang) undetected.push(rec);
  });
  if (issues.length) throw importInvalid(issues.slice(0, 100), `${fileName}: ${issues.length} problem(s)`);
  await detectLanguages(undetected, recommendations);
  return { format: 'tabular', recommendations, duplicates: [], warnings };
}

/** The header row of a spreadsheet, for the wizard's column-mapping step. */
export async function readTabularHeaders(data: Uint8Array | Buffer, fileName: string): Promise<string[]> {
  const bytes = toBytes(data);
  const table = isZip(bytes) ? await readXlsx(bytes, fileName) : readCsvBytes(bytes, fileName);
  return table.header;
}
