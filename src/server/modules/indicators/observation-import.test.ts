import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeEntity, makeStateProfile, seatPerson } from '../../../../tests/factories';

const whoFile = join(import.meta.dirname, 'fixtures', 'who-maternal-mortality-ratio-sdg-3-1-1-2023.xlsx');
const whoBytes = readFileSync(whoFile);

let test: TestApp;
let coordinator: Client;
let indicatorId: string;
let ljubljana: string;
let maribor: string;
/** WHO's rows by ISO 3 code: [value, low, high]. */
const who = new Map<string, [number, number, number]>();

beforeAll(async () => {
  test = await createTestApp({ UPLOAD_MAX_MB: 1 });
  const db = test.handle.db;
  await makeStateProfile(db);
  coordinator = await signInNew(test, 'coordinator');
  const owner = await makeEntity(db, { kind: 'ministry', name: 'Ministry of Health' });
  ljubljana = (await makeEntity(db, { kind: 'lrg', name: 'Ljubljana', subdivision_code: 'SI-061' })).id;
  maribor = (await makeEntity(db, { kind: 'lrg', name: 'Maribor', subdivision_code: 'SI-070' })).id;
  const created = await coordinator.request('POST', '/api/indicators', {
    code: 'SDG-3.1.1',
    title: 'Maternal mortality ratio',
    type: 'outcome',
    unit: 'per 100 000 live births',
    frequency: 'annual',
    ownerEntityId: owner.id,
    sdgCodes: ['3.1.1'],
    dimensions: [{ key: 'sex', values: ['female'] }],
    byPlace: true,
  });
  indicatorId = created.json().id;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(whoBytes as unknown as ArrayBuffer);
  workbook.worksheets[1]?.eachRow((row, n) => {
    const v = row.values as unknown[];
    if (n > 1) who.set(String(v[3]), [Number(v[7]), Number(v[9]), Number(v[10])]);
  });
});
afterAll(() => test.close());

function upload(step: 'preview' | 'apply', fileName: string, data: Buffer, client = coordinator) {
  return test.app.inject({
    method: 'POST',
    url: `/api/indicators/${indicatorId}/observations/import/${step}?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload: data,
  });
}

const count = async () =>
  Number(
    (
      await test.handle.db
        .selectFrom('observations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('indicator_id', '=', indicatorId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * A Voluntary Local Review table built from the WHO file: each municipality's value is a
 * neighbouring country's WHO value for 2023 (Austria's for Ljubljana, Croatia's for Maribor),
 * its bounds with it; `extra` rows are appended as given (the bad input).
 */
async function vlrTable(extra: (string | number)[][] = []): Promise<Buffer> {
  const aut = who.get('AUT') as [number, number, number];
  const hrv = who.get('HRV') as [number, number, number];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('VLR 2024 SDG indicators');
  sheet.addRow(['SDG indicator code', 'Year', 'Value', 'Lower bound', 'Upper bound', 'Unit', 'Place', 'Sex']);
  sheet.addRow(['3.1.1', 2023, ...aut, 'per 100,000 live births', 'Ljubljana', '']);
  sheet.addRow(['3.1.1', 2023, ...hrv, 'per 100 000 live births', 'SI-070', '']);
  // Another SDG indicator of the same review: not this indicator's, left out.
  sheet.addRow(['5.5.1', 2023, 41.2, '', '', '%', 'Ljubljana', '']);
  for (const row of extra) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing observations', () => {
  it('reads the WHO export: the State’s row becomes a national observation, with its bounds', async () => {
    const preview = await upload('preview', 'who-mmr.xlsx', whoBytes);
    expect(preview.statusCode, preview.body).toBe(200);
    const plan = preview.json();
    expect(plan).toMatchObject({ format: 'who', counts: { create: 1, update: 0, skip: 0, error: 0 } });
    expect(plan.counts.ignored).toBe(who.size - 1);
    const [value, low, high] = who.get('SVN') as [number, number, number];
    expect(plan.rows[0]).toMatchObject({ periodStart: '2023-01-01', periodEnd: '2023-12-31', place: null, value });
    expect(await count()).toBe(0);
    const applied = await upload('apply', 'who-mmr.xlsx', whoBytes);
    expect(applied.json()).toMatchObject({ applied: true, counts: { create: 1 } });
    const stored = await test.handle.db
      .selectFrom('observations')
      .select(['value', 'lower_bound', 'upper_bound', 'place_entity_id', 'source'])
      .where('indicator_id', '=', indicatorId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ value, lower_bound: low, upper_bound: high, place_entity_id: null });
    expect(stored.source).toContain('WHO data portal');
    // The same file again changes nothing.
    expect((await upload('preview', 'who-mmr.xlsx', whoBytes)).json().counts).toMatchObject({ create: 0, skip: 1 });
  });

  it('reads a VLR table of SDG indicator values per municipality', async () => {
    const file = await vlrTable();
    const plan = (await upload('preview', 'vlr.xlsx', file)).json();
    expect(plan).toMatchObject({ format: 'vlr', counts: { create: 2, ignored: 1, error: 0 } });
    expect(plan.rows.map((r: { place: string }) => r.place)).toEqual(['Ljubljana', 'Maribor']);
    expect((await upload('apply', 'vlr.xlsx', file)).statusCode).toBe(200);
    const places = await test.handle.db
      .selectFrom('observations')
      .select(['place_entity_id', 'value'])
      .where('indicator_id', '=', indicatorId)
      .where('place_entity_id', 'is not', null)
      .orderBy('value')
      .execute();
    const expected = [
      { place_entity_id: ljubljana, value: who.get('AUT')?.[0] },
      { place_entity_id: maribor, value: who.get('HRV')?.[0] },
    ].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
    expect(places).toEqual(expected);
  });

  it('refuses bad rows, each named by row and column, and writes nothing', async () => {
    const before = await count();
    const file = await vlrTable([
      ['3.1.1', 2022, 'n/a', '', '', 'per 100 000 live births', 'Ljubljana', ''],
      ['3.1.1', 2021, 5, '', '', '%', 'Ljubljana', ''],
      ['3.1.1', 2021, 5, '', '', 'per 100 000 live births', 'Atlantis', ''],
      ['3.1.1', 2021, 5, '', '', 'per 100 000 live births', 'Maribor', 'other'],
      ['3.1.1', 2020, 5, '', '', 'per 100 000 live births', 'Maribor', ''],
      ['3.1.1', 2020, 6, '', '', 'per 100 000 live births', 'Maribor', ''],
      ['3.1.1', 2021, 5, 7, '', 'per 100 000 live births', 'national', ''],
    ]);
    const plan = (await upload('preview', 'vlr-bad.xlsx', file)).json();
    expect(plan.issues).toEqual([
      { row: 5, column: 'Value', message: 'issues.observationImport.notNumeric' },
      { row: 6, column: 'Unit', message: 'issues.observationImport.unitMismatch' },
      { row: 7, column: 'Place', message: 'issues.observationImport.unknownPlace' },
      { row: 8, column: 'Sex', message: 'issues.observation.unknownDimensionValue' },
      { row: 10, column: 'Year', message: 'issues.observationImport.overlapInFile' },
      { row: 11, column: 'Lower bound', message: 'issues.observation.lowerAboveValue' },
    ]);
    const applied = await upload('apply', 'vlr-bad.xlsx', file);
    expect(applied.statusCode).toBe(422);
    expect(applied.json().error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(await count()).toBe(before);
  });

  it('refuses a period overlapping one stored, in a CSV', async () => {
    const csv = Buffer.from('Indicator,Period start,Period end,Value,Place\n3.1.1,2023-07-01,2024-06-30,4,national\n');
    const plan = (await upload('preview', 'overlap.csv', csv)).json();
    expect(plan.issues).toEqual([{ row: 2, column: 'Period start', message: 'issues.observation.overlap' }]);
  });

  it('refuses files that are empty, of a forbidden type, or too large', async () => {
    const empty = await upload('preview', 'empty.csv', Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);
    expect(empty.json().error.issues[0]).toMatchObject({ file: 'empty.csv', message: 'issues.emptyFile' });
    const headerOnly = (await upload('preview', 'header.csv', Buffer.from('Year,Value,Place\n'))).json();
    expect(headerOnly.issues[0]).toMatchObject({ file: 'header.csv', message: 'issues.observationImport.noRows' });
    const pdf = await upload('preview', 'report.pdf', Buffer.from('%PDF-1.7\n'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.issues[0]).toMatchObject({ file: 'report.pdf' });
    const fake = await upload('preview', 'fake.xlsx', Buffer.from('not a zip'));
    expect(fake.statusCode).toBe(415);
    const large = await upload('preview', 'large.csv', Buffer.alloc(1_200_000, 'a'));
    expect(large.statusCode).toBe(413);
    expect(large.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a municipality’s focal point imports rows of its own territory only', async () => {
    const local = await signInNew(test, 'focal_point');
    await seatPerson(test.handle.db, ljubljana, local.userId, 'main');
    const csv = Buffer.from('SDG indicator code,Year,Value,Place\n3.1.1,2024,3,Ljubljana\n3.1.1,2024,3,Maribor\n');
    const plan = (await upload('preview', 'mine.csv', csv, local)).json();
    expect(plan.issues).toEqual([{ row: 3, column: 'Place', message: 'issues.observationImport.notYourPlace' }]);
    const viewer = await signInNew(test, 'viewer');
    expect((await upload('preview', 'mine.csv', csv, viewer)).statusCode).toBe(403);
  });
});
