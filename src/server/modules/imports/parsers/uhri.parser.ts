/**
 * OHCHR Universal Human Rights Index export, XLSX or JSON. Column names are theirs, misspellings
 * included (`Reccomending Body`, `UPR Reccomending States`). Multi-valued cells hold one value a
 * line with a "- " prefix; SDG values look like "16.3 - Promote the rule of law"; dates may be
 * Excel serials.
 */

import type { ErrorIssue } from '../../../../shared/errors.js';
import { importInvalid, toBytes, unsupported } from '../../../lib/tabular/file-errors';
import { type CellValue, readXlsx } from '../../../lib/tabular/xlsx';
import { excelSerialToIso, newRecommendation, parseDateText, squash } from './common.js';
import { detectLanguages } from './language.js';
import { positionOf } from './ohchr-thematic.parser.js';
import type { ParsedRecommendation, ParsedSource } from './types.js';

/** Field → [XLSX column, JSON key]. */
const columns = {
  text: ['Text', 'Text'],
  countries: ['Countries Concerned', 'Countries'],
  body: ['Reccomending Body', 'Body'],
  symbol: ['Document Symbol', 'Symbol'],
  themes: ['Themes', 'Themes'],
  persons: ['Affected Persons', 'AffectedPersons'],
  sdgs: ['Sdgs', 'Sdgs'],
  date: ['Document Publication Date', 'PublicationDate'],
  states: ['UPR Reccomending States', 'UprRecommendingStates'],
  position: ['UPR Position', 'UprPosition'],
  type: ['Type', 'AnnotationType'],
  id: ['OHCHR Annotation Id', 'AnnotationId'],
  session: ['UPR Session', 'UprSession'],
} as const;
type Field = keyof typeof columns;
type Row = Partial<Record<Field, unknown>>;

/** "- A\n- B" → ['A', 'B']; arrays (JSON) pass through. */
export function multiValues(value: unknown): string[] {
  const list = Array.isArray(value)
    ? value.map(String)
    : value === undefined || value === null
      ? []
      : String(value).split(/\r?\n/);
  return list.map((v) => squash(v).replace(/^-\s*/, '')).filter(Boolean);
}

/** "16.3 - Promote the rule of law" → '16.3'; goals ("16 - Peace…") are returned apart. */
export function sdgCodes(values: string[]): { targets: string[]; goals: string[] } {
  const codes = values
    .map((v) => /^(?:SDG\s*)?(\d{1,2}(?:\.[\da-z]{1,2}){0,2})\b/i.exec(v)?.[1])
    .filter((c): c is string => !!c);
  return { targets: codes.filter((c) => c.includes('.')), goals: codes.filter((c) => !c.includes('.')) };
}

function dateOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return excelSerialToIso(value) ?? null;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text)) ?? null;
  return parseDateText(text) ?? parseDateText(text.slice(0, 10)) ?? null; // null: present but unreadable
}

function toRecommendations(rows: Row[], file: string, rowOffset: number, name: (f: Field) => string): ParsedSource {
  const issues: ErrorIssue[] = [];
  const recommendations: ParsedRecommendation[] = [];
  const duplicates: ParsedSource['duplicates'] = [];
  const byId = new Map<string, ParsedRecommendation>();
  rows.forEach((r, i) => {
    const row = i + rowOffset;
    const text = squash(String(r.text ?? ''));
    if (!text) {
      issues.push({ file, row, column: name('text'), message: 'issues.required' });
      return;
    }
    const date = dateOf(r.date);
    if (date === null) issues.push({ file, row, column: name('date'), message: 'issues.invalidDate' });
    const positionText = squash(String(r.position ?? ''));
    const position = positionText ? positionOf(positionText) : undefined;
    if (positionText && !position)
      issues.push({ file, row, column: name('position'), message: 'issues.invalidPosition' });
    const session = r.session === undefined || r.session === '' ? undefined : Number(r.session);
    if (session !== undefined && !Number.isInteger(session))
      issues.push({ file, row, column: name('session'), message: 'issues.invalidNumber' });
    const sdg = sdgCodes(multiValues(r.sdgs));
    const rec = newRecommendation({
      text,
      lang: 'en', // the export names no language: detected by the callers below
      body: multiValues(r.body)[0],
      documentSymbol: multiValues(r.symbol)[0],
      country: multiValues(r.countries)[0],
      themes: multiValues(r.themes),
      affectedPersons: multiValues(r.persons),
      sdgTargets: sdg.targets,
      sdgGoals: sdg.goals,
      recommendingStates: multiValues(r.states),
      position,
      date: date ?? undefined,
      session,
      externalId: r.id === undefined || r.id === '' ? undefined : String(r.id),
      location: { file, row },
    });
    const before = rec.externalId ? byId.get(rec.externalId) : undefined;
    if (before) duplicates.push({ location: rec.location, duplicateOf: before.location });
    else if (rec.externalId) byId.set(rec.externalId, rec);
    recommendations.push(rec);
  });
  if (issues.length)
    throw importInvalid(
      issues.slice(0, 100),
      `${file}: ${issues.length} problem(s), first at row ${issues[0]!.row}, column ${issues[0]!.column}`,
    );
  return { format: 'uhri-xlsx', recommendations, duplicates, warnings: [] };
}

/** UHRI exports carry no language column: each text's language is detected. */
async function withLanguages(source: ParsedSource): Promise<ParsedSource> {
  await detectLanguages(source.recommendations, source.recommendations);
  return source;
}

export async function parseUhriXlsx(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  const { header, rows } = await readXlsx(data, fileName);
  if (!header.includes(columns.text[0])) {
    throw importInvalid(
      [{ file: fileName, row: 1, column: columns.text[0], message: 'issues.missingColumn' }],
      `${fileName}: no "Text" column`,
    );
  }
  const index = Object.fromEntries(Object.entries(columns).map(([f, [col]]) => [f, header.indexOf(col)])) as Record<
    Field,
    number
  >;
  const mapped = rows.map((values: CellValue[]) =>
    Object.fromEntries(
      Object.entries(index)
        .filter(([, i]) => i >= 0)
        .map(([f, i]) => [f, values[i]]),
    ),
  );
  return withLanguages(toRecommendations(mapped, fileName, 2, (f) => columns[f][0]));
}

export async function parseUhriJson(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(toBytes(data)));
  } catch (error) {
    throw unsupported(fileName, 'issues.invalidJson', `${fileName} is not valid JSON`, error);
  }
  const list = Array.isArray(json)
    ? json
    : ((json as { value?: unknown[]; data?: unknown[] } | null)?.value ?? (json as { data?: unknown[] } | null)?.data);
  if (!Array.isArray(list))
    throw importInvalid(
      [{ file: fileName, message: 'issues.notAList' }],
      `${fileName}: expected an array of annotations`,
    );
  if (list.length && !list.some((o) => o && typeof o === 'object' && 'Text' in o)) {
    throw importInvalid(
      [{ file: fileName, row: 1, column: 'Text', message: 'issues.missingColumn' }],
      `${fileName}: no "Text" key`,
    );
  }
  const mapped = list.map((o) =>
    Object.fromEntries(Object.entries(columns).map(([f, [, key]]) => [f, (o as Record<string, unknown>)?.[key]])),
  );
  // Rows of a JSON list are numbered from 1 (the first object).
  return withLanguages({ ...toRecommendations(mapped, fileName, 1, (f) => columns[f][1]), format: 'uhri-json' });
}
