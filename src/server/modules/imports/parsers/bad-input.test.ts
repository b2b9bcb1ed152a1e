import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { AppError } from '../../../../shared/errors.js';
import { detectFormat } from './detect.js';
import { parseOhchrThematic } from './ohchr-thematic.parser.js';
import { parseTabular } from './tabular.parser.js';
import { parseTreatyBodyCo } from './treaty-body-co.parser.js';
import { parseUhriXlsx } from './uhri.parser.js';
import { parseUprInfoCsv } from './upr-info-csv.parser.js';
import { parseUprWgReport } from './upr-wg-report.parser.js';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A ZIP with the given entries; `claimed` lets an entry lie about its uncompressed size. */
function zip(entries: { name: string; deflated: Buffer; size: number; claimed?: number; flags?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.claimed ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A valid PDF with one empty page: no text layer, as a scan would have. */
function emptyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('files that are refused', () => {
  it('refuses empty files in every parser', async () => {
    const empty = Buffer.alloc(0);
    for (const parse of [
      parseUprWgReport,
      parseTreatyBodyCo,
      parseOhchrThematic,
      parseUhriXlsx,
      parseUprInfoCsv,
      detectFormat,
    ]) {
      const error = await refusal(parse(empty, 'empty.bin'));
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.issues).toEqual([{ file: 'empty.bin', message: 'issues.emptyFile' }]);
    }
  });

  it('refuses a truncated DOCX (no central directory)', async () => {
    const docx = readFixture('ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx');
    const error = await refusal(parseOhchrThematic(docx.subarray(0, docx.length >> 1), 'cut.docx'));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.issues[0]).toEqual({ file: 'cut.docx', message: 'issues.corruptFile' });
  });

  it('refuses a PDF without a text layer and a damaged PDF', async () => {
    const error = await refusal(parseTreatyBodyCo(emptyPdf(), 'scan.pdf'));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.issues).toEqual([{ file: 'scan.pdf', message: 'issues.noTextLayer' }]);
    const pdf = readFixture('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf');
    const broken = await refusal(
      parseUprWgReport(Buffer.concat([pdf.subarray(0, 1000), Buffer.alloc(2000)]), 'broken.pdf'),
    );
    expect(broken.code).toBe('UNSUPPORTED_FILE');
  });

  describe('zip bombs', () => {
    const size = 150 * 1024 * 1024;
    const deflated = deflateRawSync(Buffer.alloc(size)); // ~150 KB that inflate to 150 MB of zeros

    it('refuses a DOCX whose directory declares 150 MB, before inflating anything', async () => {
      const bomb = zip([{ name: 'word/document.xml', deflated, size }]);
      const error = await refusal(parseOhchrThematic(bomb, 'bomb.docx'));
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.issues).toEqual([{ file: 'bomb.docx', message: 'issues.zipBomb' }]);
    });

    it('refuses an XLSX whose directory lies about the size (inflation is capped)', async () => {
      const liar = zip([
        { name: 'xl/workbook.xml', deflated: deflateRawSync(Buffer.from('<workbook/>')), size: 11 },
        { name: 'xl/worksheets/sheet1.xml', deflated, size, claimed: 1024 * 1024 },
      ]);
      const error = await refusal(parseUhriXlsx(liar, 'liar.xlsx'));
      expect(error.code).toBe('UNSUPPORTED_FILE');
      expect(error.issues).toEqual([{ file: 'liar.xlsx', message: 'issues.zipBomb' }]);
    });

    it('refuses a ratio over 100:1 even under 100 MB, and encrypted entries', async () => {
      const small = deflateRawSync(Buffer.alloc(20 * 1024 * 1024));
      const error = await refusal(
        detectFormat(zip([{ name: 'word/document.xml', deflated: small, size: 20 * 1024 * 1024 }]), 'ratio.docx'),
      );
      expect(error.issues).toEqual([{ file: 'ratio.docx', message: 'issues.zipBomb' }]);
      const locked = zip([
        { name: 'word/document.xml', deflated: deflateRawSync(Buffer.from('x')), size: 1, flags: 1 },
      ]);
      expect((await refusal(parseOhchrThematic(locked, 'locked.docx'))).issues[0]?.message).toBe(
        'issues.passwordProtected',
      );
    });
  });

  it('names file, row and column for broken CSV quoting', async () => {
    // Real rows of the UPR Info export, with the closing quote of row 2's Text removed.
    const lines = readFixture('upr-info/upr-info-sessions-1-5.sample.csv').toString('latin1').split('\r').slice(0, 5);
    expect(lines[1]).toMatch(/^Afghanistan,Asia,OIC,"Enact legislation/);
    lines[1] = lines[1]!.replace('all girls."', 'all girls.');
    const error = await refusal(parseUprInfoCsv(Buffer.from(lines.join('\r'), 'latin1'), 'quotes.csv'));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.issues).toEqual([{ file: 'quotes.csv', row: 2, column: 'Text', message: 'issues.csv.quotes' }]);
  });

  it('names the missing UPR Info column', async () => {
    const lines = readFixture('upr-info/upr-info-sessions-1-5.sample.csv').toString('latin1').split('\r').slice(0, 3);
    lines[0] = lines[0]!.replace('Response', 'Answer');
    const error = await refusal(
      parseTabular(Buffer.from(lines.join('\n')), 'x.csv', { text: 'Text', position: 'Response' }),
    );
    expect(error.issues).toEqual([{ file: 'x.csv', row: 1, column: 'Response', message: 'issues.unknownColumn' }]);
    const missing = await refusal(parseUprInfoCsv(Buffer.from(lines.join('\r')), 'x.csv'));
    expect(missing.issues).toEqual([{ file: 'x.csv', row: 1, column: 'Response', message: 'issues.missingColumn' }]);
  });
});
