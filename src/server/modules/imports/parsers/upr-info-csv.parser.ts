/**
 * UPR Info database export (CSV, Mac Roman, CR-only line ends):
 * To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session.
 * No paragraph numbers or symbols exist in this source. The voluntary pledges export has the
 * same columns with Response "Voluntary Pledge": its rows are read as pledges (kind), with no position.
 */

import { decodeEntities, decodingWarnings, readCsvBytes } from '../../../lib/tabular/csv';
import { importInvalid } from '../../../lib/tabular/file-errors';
import { newRecommendation, squash, uprCycleOfWgSession } from './common.js';
import { detectLanguages } from './language.js';
import type { ParsedRecommendation, ParsedSource, Position } from './types.js';

const required = ['To', 'Text', 'From', 'Response', 'Action', 'Issue', 'Session'] as const;
const responses: Record<string, Position | 'pledge'> = {
  accepted: 'supported',
  noted: 'noted',
  'voluntary pledge': 'pledge',
  'partially accepted': 'supported_in_part',
  pending: 'pending',
};

/** A cell with entities decoded and white space collapsed. */
function cell(raw: string[], column: number): string {
  const value = raw[column] ?? '';
  return squash(value.includes('&#') ? decodeEntities(value) : value);
}

/** Same cells in the same order. */
function sameRow(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export async function parseUprInfoCsv(data: Uint8Array | Buffer, fileName: string): Promise<ParsedSource> {
  // Mac Roman breaks a tie when the bytes are not valid UTF-8 (they are not in these exports).
  const { header, rows, decoding } = readCsvBytes(data, fileName, 'macintosh');
  const index = Object.fromEntries(required.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof required)[number],
    number
  >;
  const missing = required.filter((c) => index[c] < 0);
  if (missing.length) {
    throw importInvalid(
      missing.map((column) => ({ file: fileName, row: 1, column, message: 'issues.missingColumn' })),
      `${fileName}: missing UPR Info columns ${missing.join(', ')}`,
    );
  }
  const recommendations: ParsedRecommendation[] = [];
  const warnings: ParsedSource['warnings'] = decodingWarnings(decoding, fileName);
  const duplicates: ParsedSource['duplicates'] = [];
  // Exact duplicates: rows grouped by their raw text, then compared cell by cell (cheaper than
  // joining every row into one key string).
  const rowsByText = new Map<string, number[]>();
  rows.forEach((raw, i) => {
    const row = i + 2;
    const location = { file: fileName, row };
    const rawText = raw[index.Text] ?? '';
    const same = rowsByText.get(rawText);
    const first = same?.find((j) => sameRow(rows[j] as string[], raw));
    if (first !== undefined) duplicates.push({ location, duplicateOf: { file: fileName, row: first + 2 } });
    else if (same) same.push(i);
    else rowsByText.set(rawText, [i]);
    const text = cell(raw, index.Text);
    if (!text) {
      warnings.push({ location, message: 'issues.emptyText' });
      return;
    }
    const responseText = cell(raw, index.Response);
    const response = responses[responseText.toLowerCase()];
    if (!response) warnings.push({ location, message: 'issues.unknownResponse', params: { response: responseText } });
    const action = Number(cell(raw, index.Action));
    const sessionText = cell(raw, index.Session);
    // A session is a small number (the 50th met in 2025): a damaged cell must not reach an integer column.
    const session = Number(sessionText);
    const knownSession = Number.isInteger(session) && session > 0 && session < 1000;
    if (sessionText && !knownSession)
      warnings.push({ location, message: 'issues.implausibleSession', params: { session: sessionText.slice(0, 40) } });
    const from = cell(raw, index.From);
    recommendations.push(
      newRecommendation({
        text,
        lang: 'en', // the export names no language: detected below
        recommendingStates: from ? [from] : [],
        position: response === 'pledge' ? undefined : response,
        kind: response === 'pledge' ? 'voluntary_pledge' : 'recommendation',
        actionCategory: Number.isInteger(action) && action >= 1 && action <= 5 ? action : undefined,
        issues: cell(raw, index.Issue).split(',').map(squash).filter(Boolean),
        country: cell(raw, index.To) || undefined,
        session: knownSession ? session : undefined,
        cycle: knownSession ? uprCycleOfWgSession(session) : undefined,
        body: 'UPR',
        location,
      }),
    );
  });
  await detectLanguages(recommendations, recommendations);
  return { format: 'upr-info-csv', recommendations, duplicates, warnings };
}
