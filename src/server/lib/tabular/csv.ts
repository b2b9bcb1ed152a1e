/** CSV reading shared by the UPR Info and tabular parsers: decoding, line ends, errors with places. */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { assertNotEmpty, importInvalid, toBytes, unsupported } from './file-errors';

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
    return decodeSingleByte(bytes, fallback);
  }
}

export type TextEncoding = CsvEncoding | 'utf-16le' | 'utf-16be';

/** The text, the encoding it was read in, and whether that encoding was guessed (no BOM, not UTF-8). */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  guessed: boolean;
}

/**
 * Reads text in the encoding its bytes show: a UTF-8 or UTF-16 byte order mark, else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252 or Mac Roman, whichever reads as more plausible
 * text (`hint` breaks a tie: the UPR Info exports are Mac Roman). Only that last case is a guess.
 */
export function decodeDetected(
  data: Uint8Array | Buffer,
  hint: Exclude<CsvEncoding, 'utf-8'> = 'windows-1252',
): DecodedText {
  const bytes = toBytes(data);
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 0xff && b === 0xfe) return { text: utf16(bytes.subarray(2), 'le'), encoding: 'utf-16le', guessed: false };
  if (a === 0xfe && b === 0xff) return { text: utf16(bytes.subarray(2), 'be'), encoding: 'utf-16be', guessed: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    const windows = decodeSingleByte(bytes, 'windows-1252');
    const mac = decodeSingleByte(bytes, 'macintosh');
    const [ws, ms] = [plausibility(windows), plausibility(mac)];
    const encoding = ws === ms ? hint : ws > ms ? 'windows-1252' : 'macintosh';
    return { text: encoding === 'windows-1252' ? windows : mac, encoding, guessed: true };
  }
}

function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (order === 'le') return Buffer.from(even).toString('utf16le');
  return Buffer.from(even).swap16().toString('utf16le');
}

/**
 * How much the non-ASCII characters look like Western European text: a lowercase letter after a
 * letter scores, typographic quotes and dashes score, an uppercase letter inside a lowercase word,
 * a mathematical or modifier symbol, or a control character counts against. Windows-1252 puts
 * "é" where Mac Roman puts "È", and Mac Roman's "é" is a Windows-1252 control or symbol.
 */
function plausibility(text: string): number {
  let score = 0;
  for (const match of text.matchAll(/[^\p{ASCII}]/gu)) {
    const c = match[0];
    const before = text[(match.index ?? 0) - 1] ?? ' ';
    if (/\p{Ll}/u.test(c)) score += /\p{L}/u.test(before) ? 2 : 1;
    else if (/\p{Lu}/u.test(c)) score += /\p{Ll}/u.test(before) ? -2 : 1;
    else if (/[\u2018-\u201e\u2013\u2014\u2026\u00a0\u00ab\u00bb\u00b0\u20ac]/u.test(c)) score += 1;
    else score -= 2;
  }
  return score;
}

const highHalves = new Map<string, string[]>();

/**
 * iconv-lite's characters, decoded at native speed: Latin-1 equals both code pages below 0x80, so
 * only the (rare) bytes above are looked up. iconv’s JS loop took ~3× longer on the UPR Info exports,
 * and Node's TextDecoder maps windows-1252 0x80–0x9F and three Mac Roman bytes differently.
 */
function decodeSingleByte(bytes: Uint8Array, encoding: Exclude<CsvEncoding, 'utf-8'>): string {
  let high = highHalves.get(encoding);
  if (!high) {
    high = [...iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => i + 128)), encoding)];
    highHalves.set(encoding, high);
  }
  const table = high;
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\xff]/g, (c) => table[c.charCodeAt(0) - 128] as string);
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
  let records = fastRecords(normalised, delimiter);
  try {
    records ??= parse(normalised, {
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
    // csv-parse's codes name quoting problems in several ways; the reader needs one message for them.
    const message = e.code?.includes('QUOTE') ? 'issues.csv.quotes' : 'issues.csv.invalid';
    throw importInvalid([{ file, row, column, message }], `${file}: ${e.message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw unsupported(file, 'issues.emptyFile', `${file} has no rows`);
  return { header: header.map((h) => h.trim()), rows };
}

const LF = 10;
const QUOTE = 34;

/**
 * The records csv-parse returns with the options above (RFC 4180 quoting, empty lines skipped,
 * uneven rows kept), ~5× faster: indexOf and slices instead of a character state machine. Returns
 * undefined for anything irregular (a stray or unclosed quote) so that csv-parse reads the text
 * again and reports the error with its row and column.
 */
export function fastRecords(text: string, delimiter: string): string[][] | undefined {
  const separator = delimiter.charCodeAt(0);
  const end = text.length;
  const records: string[][] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < end) {
    if (text.charCodeAt(i) === LF) {
      i++;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) return undefined;
          if (text.charCodeAt(quote + 1) !== QUOTE) {
            value += text.slice(from, quote);
            i = quote + 1;
            break;
          }
          value += text.slice(from, quote + 1);
          from = quote + 2;
        }
        record.push(value);
        if (i < end && text.charCodeAt(i) !== separator && text.charCodeAt(i) !== LF) return undefined;
      } else {
        let stop = i;
        for (; stop < end; stop++) {
          const c = text.charCodeAt(stop);
          if (c === separator || c === LF) break;
          if (c === QUOTE) return undefined;
        }
        record.push(text.slice(i, stop));
        i = stop;
      }
      if (i >= end) break;
      if (text.charCodeAt(i++) === LF) break;
    }
    records.push(record);
  }
  return records;
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

/** How a CSV was decoded: the encoding, whether it was guessed, and rows with unreadable characters. */
export interface CsvDecoding {
  encoding: TextEncoding;
  guessed: boolean;
  /** File rows (1 = header) holding U+FFFD or a control character: text lost before it reached us. */
  badRows: number[];
}

export function readCsvBytes(
  data: Uint8Array | Buffer,
  file: string,
  hint?: Exclude<CsvEncoding, 'utf-8'>,
): CsvTable & { decoding: CsvDecoding } {
  const bytes = toBytes(data);
  assertNotEmpty(bytes, file);
  const { text, encoding, guessed } = decodeDetected(bytes, hint);
  return { ...readCsv(text, file), decoding: { encoding, guessed, badRows: badRowsOf(text) } };
}

/** Rows (counted like the reader: CRLF, CR or LF end a line) with U+FFFD or a C0/C1 control. */
function badRowsOf(text: string): number[] {
  const rows: number[] = [];
  let row = 1;
  // Tabs and line ends are text; every other control character is a byte that lost its meaning.
  const unreadable = /[\ufffd\p{Cc}]/u;
  for (const line of text.split(/\r\n?|\n/)) {
    if (unreadable.test(line.replaceAll('\t', '')) && rows.length < 20) rows.push(row);
    row++;
  }
  return rows;
}

/** Dry-run warnings for a CSV's decoding: the encoding when guessed, each row with lost characters. */
export function decodingWarnings(
  decoding: CsvDecoding,
  file: string,
): { location: { file: string; row?: number }; message: string; params?: Record<string, string> }[] {
  const names: Record<TextEncoding, string> = {
    'utf-8': 'UTF-8',
    'utf-16le': 'UTF-16LE',
    'utf-16be': 'UTF-16BE',
    'windows-1252': 'Windows-1252',
    macintosh: 'Mac Roman',
  };
  return [
    ...(decoding.guessed
      ? [{ location: { file }, message: 'issues.encodingGuessed', params: { encoding: names[decoding.encoding] } }]
      : []),
    ...decoding.badRows.map((row) => ({ location: { file, row }, message: 'issues.unreadableCharacters' })),
  ];
}
