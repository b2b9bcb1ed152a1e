/** CSV reading shared by the UPR Info and tabular parsers: decoding, line ends, errors with places. */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { assertNotEmpty, importInvalid, toBytes, unsupported } from './common.js';

export type CsvEncoding = 'utf-8' | 'macintosh' | 'windows-1252';

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else the given single-byte fallback. */
export function decodeText(
  data: Uint8Array | Buffer,
  fallback: Exclude<CsvEncoding, 'utf-8'> = 'windows-1252',
): string {
  const bytes = toBytes(data);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), fallback);
  }
}

/** "&#40;Unknown&#41;" → "(Unknown)"; the UPR Info export escapes some characters as HTML. */
export function decodeEntities(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, n: string) =>
    String.fromCodePoint(n[0] === 'x' || n[0] === 'X' ? Number.parseInt(n.slice(1), 16) : Number(n)),
  );
}

export interface CsvTable {
  header: string[];
  /** data rows; rows[i] is file row i + 2 (row 1 is the header) */
  rows: string[][];
}

export function readCsv(text: string, file: string): CsvTable {
  if (text.includes('\u0000')) throw unsupported(file, 'issues.notText', `${file} is binary, not CSV`);
  // CR-only line ends (old Mac exports) become LF; CRLF stays one line end.
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = guessDelimiter(normalised.slice(0, normalised.indexOf('\n') >>> 0 || 4096));
  let records: string[][];
  try {
    records = parse(normalised, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; records?: number; column?: number | string; message: string };
    // records = rows complete before the broken one (the header included): the broken row is the next.
    const row = e.records !== undefined ? e.records + 1 : e.lines;
    const column =
      typeof e.column === 'number' ? (headerOf(normalised, delimiter)[e.column] ?? String(e.column + 1)) : e.column;
    throw importInvalid([{ file, row, column, message: `issues.csv.${e.code ?? 'invalid'}` }], `${file}: ${e.message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw unsupported(file, 'issues.emptyFile', `${file} has no rows`);
  return { header: header.map((h) => h.trim()), rows };
}

function headerOf(text: string, delimiter: string): string[] {
  try {
    return ((parse(text, { delimiter, to_line: 1, relax_quotes: true }) as string[][])[0] ?? []).map((h) => h.trim());
  } catch {
    return [];
  }
}

function guessDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function readCsvBytes(
  data: Uint8Array | Buffer,
  file: string,
  fallback?: Exclude<CsvEncoding, 'utf-8'>,
): CsvTable {
  const bytes = toBytes(data);
  assertNotEmpty(bytes, file);
  return readCsv(decodeText(bytes, fallback), file);
}
