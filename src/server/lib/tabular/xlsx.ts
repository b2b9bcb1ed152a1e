/** The first worksheet of an XLSX as header + rows of cell values, after the zip-bomb checks. */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { assertNotEmpty, toBytes, unsupported } from './file-errors';
import { withParseSlot } from './parse-slots';
import { openZip, type Zip, type ZipEntry } from './zip';

export type CellValue = string | number | Date | boolean | undefined;

export interface SheetTable {
  header: string[];
  /** rows[i] is sheet row i + 2 (row 1 is the header) */
  rows: CellValue[][];
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
  if ('result' in value) return plain(value.result as ExcelJS.CellValue); // formula
  if ('error' in value) return undefined;
  return String(value);
}

export async function readXlsx(data: Uint8Array | Buffer, file: string): Promise<SheetTable> {
  const [first] = await readXlsxSheets(data, file);
  if (!first) throw unsupported(file, 'issues.emptyFile', `${file} has no worksheet`);
  return first;
}

/** Every worksheet, in order (an export may put metadata first and the data after it, as WHO's do). */
export async function readXlsxSheets(
  data: Uint8Array | Buffer,
  file: string,
): Promise<(SheetTable & { name: string })[]> {
  const bytes = toBytes(data);
  assertNotEmpty(bytes, file);
  // Inflate every part once with hard limits before exceljs sees the archive (zip bomb guard).
  const zip = openZip(bytes, file);
  if (!zip.entries.has('xl/workbook.xml')) throw unsupported(file, 'issues.notXlsx', `${file} is not an XLSX workbook`);
  assertSheetsFit(zip.entries.values(), file);
  return withParseSlot(file, () => loadSheets(zip, bytes, file));
}

/**
 * The worksheets and shared strings together may expand to MAX_SHEET_XML at most (declared
 * sizes, which the zip reader enforces while inflating). Above STREAM_FROM they are read with
 * exceljs's streaming reader, row by row, instead of its whole workbook model (about ten times
 * the XML): the table we keep is the only large thing in memory.
 */
export const MAX_SHEET_XML = 32 * 1024 * 1024;
export const STREAM_FROM = 4 * 1024 * 1024;

function sheetXmlSize(entries: Iterable<ZipEntry>): number {
  let total = 0;
  for (const entry of entries)
    if (/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(entry.name)) total += entry.size;
  return total;
}

function assertSheetsFit(entries: Iterable<ZipEntry>, file: string): void {
  const total = sheetXmlSize(entries);
  if (total > MAX_SHEET_XML)
    throw unsupported(
      file,
      'issues.sheetTooLarge',
      `${file}: the worksheets expand to ${Math.ceil(total / 1048576)} MB, over the limit of ${MAX_SHEET_XML / 1048576} MB`,
    );
}

async function loadSheets(zip: Zip, bytes: Uint8Array, file: string): Promise<(SheetTable & { name: string })[]> {
  for (const name of zip.entries.keys()) zip.read(name);
  if (sheetXmlSize(zip.entries.values()) > STREAM_FROM) return streamSheets(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw unsupported(file, 'issues.corruptFile', `${file} could not be read as XLSX`, error);
  }
  return workbook.worksheets.map((sheet) => {
    const header: string[] = [];
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = plain(cell.value)));
      if (rowNumber === 1) header.push(...Array.from(values, (v) => (v === undefined ? '' : String(v).trim())));
      else rows[rowNumber - 2] = values;
    });
    return { name: sheet.name, header, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** The rows of one sheet as the table shape: row 1 the header, row n at rows[n - 2]. */
function tableOf(name: string, sheetRows: Iterable<[number, CellValue[]]>): SheetTable & { name: string } {
  const header: string[] = [];
  const rows: CellValue[][] = [];
  for (const [rowNumber, values] of sheetRows) {
    if (rowNumber === 1) header.push(...Array.from(values, (v) => (v === undefined ? '' : String(v).trim())));
    else rows[rowNumber - 2] = values;
  }
  return { name, header, rows: Array.from(rows, (r) => r ?? []) };
}

/** Large workbooks: exceljs's streaming reader, one row at a time (sheets in archive order). */
async function streamSheets(bytes: Uint8Array, file: string): Promise<(SheetTable & { name: string })[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: (SheetTable & { name: string })[] = [];
  try {
    for await (const sheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name: string }>) {
      const rows: [number, CellValue[]][] = [];
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values: CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = plain(cell.value)));
        rows.push([row.number, values]);
      }
      sheets.push(tableOf(sheet.name, rows));
    }
  } catch (error) {
    throw unsupported(file, 'issues.corruptFile', `${file} could not be read as XLSX`, error);
  }
  return sheets;
}
