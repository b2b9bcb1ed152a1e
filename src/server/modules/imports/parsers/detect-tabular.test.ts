import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { AppError } from '../../../../shared/errors.js';
import { detectFormat } from './detect.js';
import { parseSource } from './index.js';
import { parseTabular, suggestMapping } from './tabular.parser.js';
import { parseUprWgReport } from './upr-wg-report.parser.js';

describe('detectFormat sniffs the content', () => {
  it.each([
    ['upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf', 'upr-wg-report-pdf'],
    ['upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf', 'upr-addendum-pdf'],
    ['concluding-observations/CRPD_C_NOR_CO_1_fr.pdf', 'treaty-body-co'],
    ['concluding-observations/CERD_C_BRA_CO_18-20_en.pdf', 'treaty-body-co'],
    ['ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx', 'ohchr-thematic-docx'],
    ['upr-info/upr-info-sessions-1-5.sample.csv', 'upr-info-csv'],
    ['countries/country-codes.csv', 'tabular'],
    ['indicators/who-births-and-women-reproductive-age.xlsx', 'tabular'],
  ])('%s → %s', async (file, format) => {
    expect(await detectFormat(readFixture(file), 'renamed.bin')).toBe(format);
  });

  it('refuses other files', async () => {
    const error = await detectFormat(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      'x.png',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNSUPPORTED_FILE');
  });
});

describe('tabular import with a caller mapping', async () => {
  // A ministry-style sheet made of real rows: the first five recommendations of A/HRC/59/15.
  const recs = (
    await parseUprWgReport(readFixture('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf'), 'wg.pdf')
  ).recommendations.slice(0, 5);
  const header = ['No.', 'Recommendation', 'Recommending State', 'Position'];
  const rows = recs.map((r) => [r.number!, r.text, r.recommendingStates.join('; '), 'Pending']);

  it('suggests a mapping from the headers', () => {
    expect(suggestMapping(header)).toEqual({
      number: 'No.',
      text: 'Recommendation',
      recommendingStates: 'Recommending State',
      position: 'Position',
    });
  });

  it('reads CSV and XLSX through the mapping', async () => {
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const csv = [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
    const mapping = {
      text: 'Recommendation',
      number: 'No.',
      recommendingStates: 'Recommending State',
      position: 'Position',
    };
    const fromCsv = await parseTabular(Buffer.from(csv), 'plan.csv', mapping);
    expect(fromCsv.recommendations[0]).toMatchObject({
      number: '140.1',
      text: recs[0]!.text,
      recommendingStates: recs[0]!.recommendingStates,
      position: 'pending',
      location: { file: 'plan.csv', row: 2 },
    });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Plan');
    sheet.addRows([header, ...rows]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const fromXlsx = await parseSource(xlsx, 'plan.xlsx', mapping);
    expect(fromXlsx.recommendations.map((r) => r.number)).toEqual(['140.1', '140.2', '140.3', '140.4', '140.5']);
    expect(fromXlsx.recommendations[4]!.recommendingStates).toEqual(recs[4]!.recommendingStates);
  });

  it('names an unknown mapped column', async () => {
    const error = await parseTabular(Buffer.from(`${header.join(',')}\n1,x,y,z`), 'plan.csv', {
      text: 'Text of recommendation',
    }).catch((e: unknown) => e);
    expect((error as AppError).issues).toEqual([
      { file: 'plan.csv', row: 1, column: 'Text of recommendation', message: 'issues.unknownColumn' },
    ]);
  });
});
