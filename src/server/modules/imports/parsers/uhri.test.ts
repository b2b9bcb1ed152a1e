import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { AppError } from '../../../../shared/errors.js';
import { parseUhriJson, parseUhriXlsx } from './uhri.parser.js';
import { parseUprInfoCsv } from './upr-info-csv.parser.js';

/**
 * No real UHRI export is among the fixtures: the inputs are built here with the UHRI column layout
 * from real recommendation rows of the UPR Info export (text, States, session), never invented text.
 */
const source = (
  await parseUprInfoCsv(readFixture('upr-info/upr-info-sessions-1-5.sample.csv'), 'upr-info.csv')
).recommendations.slice(0, 3);
const header = [
  'Text',
  'Countries Concerned',
  'Reccomending Body',
  'Document Symbol',
  'Themes',
  'Affected Persons',
  'Sdgs',
  'Document Publication Date',
  'UPR Reccomending States',
  'UPR Position',
  'Type',
  'OHCHR Annotation Id',
  'UPR Session',
];

async function workbook(rows: unknown[][], columns = header): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Export');
  sheet.addRow(columns);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rowOf = (i: number, date: unknown = 39856) => {
  const r = source[i]!;
  return [
    r.text,
    `- ${r.country}`,
    'UPR',
    'A/HRC/12/2',
    r.issues.map((x) => `- ${x}`).join('\n'),
    '- Women\n- Girls',
    '- 16.3 - Promote the rule of law at the national and international levels\n- 5 - Gender equality',
    date,
    r.recommendingStates.map((s) => `- ${s}`).join('\n'),
    r.position === 'supported' ? 'Supported' : 'Noted',
    'Recommendation',
    `annotation-${i + 1}`,
    r.session,
  ];
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('UHRI XLSX export', () => {
  it('reads multi-value cells, SDG codes, Excel serial dates and the misspelt columns', async () => {
    const parsed = await parseUhriXlsx(await workbook([rowOf(0), rowOf(1), rowOf(2, '2009-02-12')]), 'uhri.xlsx');
    expect(parsed.recommendations).toHaveLength(3);
    expect(parsed.recommendations[0]).toMatchObject({
      text: source[0]!.text,
      country: 'Afghanistan',
      body: 'UPR',
      documentSymbol: 'A/HRC/12/2',
      themes: source[0]!.issues,
      affectedPersons: ['Women', 'Girls'],
      sdgTargets: ['16.3'],
      sdgGoals: ['5'],
      date: '2009-02-12', // Excel serial 39856
      recommendingStates: ['Austria'],
      position: 'supported',
      externalId: 'annotation-1',
      session: 5,
      location: { file: 'uhri.xlsx', row: 2 },
    });
    expect(parsed.recommendations[2]!.date).toBe('2009-02-12');
  });

  it('names row and column for a bad date', async () => {
    const error = await refusal(parseUhriXlsx(await workbook([rowOf(0), rowOf(1, 'sometime in spring')]), 'uhri.xlsx'));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.issues).toEqual([
      { file: 'uhri.xlsx', row: 3, column: 'Document Publication Date', message: 'issues.invalidDate' },
    ]);
  });

  it('names the missing required column', async () => {
    const error = await refusal(parseUhriXlsx(await workbook([rowOf(0).slice(1)], header.slice(1)), 'uhri.xlsx'));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.issues).toEqual([{ file: 'uhri.xlsx', row: 1, column: 'Text', message: 'issues.missingColumn' }]);
  });
});

describe('UHRI JSON export', () => {
  const objects = source.map((r, i) => ({
    AnnotationId: `annotation-${i + 1}`,
    AnnotationType: 'Recommendation',
    Symbol: 'A/HRC/12/2',
    Body: 'UPR',
    Countries: [r.country],
    Themes: r.issues,
    Sdgs: ['16.3 - Promote the rule of law at the national and international levels'],
    Text: r.text,
    PublicationDate: '2009-02-12T00:00:00',
    UprRecommendingStates: r.recommendingStates,
    UprSession: r.session,
    UprPosition: r.position === 'supported' ? 'Supported' : 'Noted',
  }));

  it('reads the keys of the JSON export', async () => {
    const parsed = await parseUhriJson(Buffer.from(JSON.stringify(objects)), 'uhri.json');
    expect(parsed.format).toBe('uhri-json');
    expect(parsed.recommendations[1]).toMatchObject({
      text: source[1]!.text,
      country: 'Afghanistan',
      sdgTargets: ['16.3'],
      date: '2009-02-12',
      externalId: 'annotation-2',
      location: { row: 2 },
    });
  });

  it('refuses broken JSON and names the object with a bad date', async () => {
    expect((await refusal(parseUhriJson(Buffer.from('[{"Text": "x"'), 'uhri.json'))).code).toBe('UNSUPPORTED_FILE');
    const bad = objects.map((o, i) => (i === 2 ? { ...o, PublicationDate: 'not a date' } : o));
    const error = await refusal(parseUhriJson(Buffer.from(JSON.stringify(bad)), 'uhri.json'));
    expect(error.issues).toEqual([
      { file: 'uhri.json', row: 3, column: 'PublicationDate', message: 'issues.invalidDate' },
    ]);
  });
});
