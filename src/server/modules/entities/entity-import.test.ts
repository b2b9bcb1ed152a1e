import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeEntity, makeStateProfile } from '../../../../tests/factories';

let test: TestApp;
let coordinator: Client;

beforeAll(async () => {
  test = await createTestApp();
  await makeStateProfile(test.handle.db, ['Region', 'Province', 'Municipality']);
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

function upload(step: 'preview' | 'apply', fileName: string, data: Buffer, client = coordinator) {
  return test.app.inject({
    method: 'POST',
    url: `/api/entities/import/${step}?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload: data,
  });
}

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
const header = 'Name,Local name,Kind,Acronym,Level,Parent,Subdivision code';

async function entityNamed(name: string) {
  return test.handle.db.selectFrom('entities').selectAll().where('name', '=', name).executeTakeFirst();
}

describe('importing entities from CSV or XLSX', () => {
  it('a dry run lists what will be created, updated and skipped; applying writes it in one go', async () => {
    const db = test.handle.db;
    await makeEntity(db, { kind: 'ministry', name: 'Ministry of Housing', acronym: 'MH' });
    await makeEntity(db, { kind: 'ministry', name: 'Ministry of Health', acronym: 'MZ' });
    const file = csv([
      header,
      'Ministry of Housing,Ministerio de Vivienda,ministry,MH,,,',
      'Ministry of Health,,ministry,MZ,,,',
      'Housing Agency,Agencia de Vivienda,agency,AV,,Ministry of Housing,',
      // A child before its parent: parents are found anywhere in the file.
      'Provincia de Sevilla,,lrg,,2,ES-AN,ES-SE',
      'Andalucía,,lrg,,1,,ES-AN',
      'Sevilla,,lrg,,Municipality,ES-SE,ES-SE-091',
      'Dos Hermanas,,Local government,,3,Provincia de Sevilla,',
      '',
    ]);
    const preview = await upload('preview', 'entities.csv', file);
    expect(preview.statusCode).toBe(200);
    const plan = preview.json();
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toEqual({ create: 5, update: 1, skip: 1, error: 0 });
    expect(plan.rows.find((r: { row: number }) => r.row === 2)).toMatchObject({
      action: 'update',
      changes: ['nameLocal'],
    });
    expect(plan.rows.find((r: { row: number }) => r.row === 3)).toMatchObject({ action: 'skip', changes: [] });
    expect(plan.rows.find((r: { row: number }) => r.row === 8)).toMatchObject({
      action: 'create',
      kind: 'lrg',
      lrgLevel: 3,
      parent: 'Provincia de Sevilla',
    });
    expect(await entityNamed('Andalucía')).toBeUndefined();

    const applied = await upload('apply', 'entities.csv', file);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ applied: true, counts: { create: 5, update: 1, skip: 1 } });
    const region = await entityNamed('Andalucía');
    const province = await entityNamed('Provincia de Sevilla');
    const city = await entityNamed('Dos Hermanas');
    expect(province).toMatchObject({ parent_id: region?.id, lrg_level: 2, subdivision_code: 'ES-SE' });
    expect(city).toMatchObject({ parent_id: province?.id, lrg_level: 3, kind: 'lrg' });
    expect(await entityNamed('Ministry of Housing')).toMatchObject({
      name_local: 'Ministerio de Vivienda',
      version: 2,
    });
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'entity')
      .where('actor_id', '=', coordinator.userId)
      .execute();
    expect(audit).toHaveLength(6);
    // The same file again changes nothing.
    expect((await upload('preview', 'entities.csv', file)).json().counts).toEqual({
      create: 0,
      update: 0,
      skip: 7,
      error: 0,
    });
  });

  it('reads XLSX with the State’s level names and kind labels', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Entities');
    sheet.addRow(['Name', 'Kind', 'Level', 'Parent', 'Subdivision code']);
    sheet.addRow(['Región de Murcia', 'Local government', 'Region', '', 'ES-MC']);
    sheet.addRow(['Cartagena', 'lrg', 'Province', 'ES-MC', '']);
    sheet.addRow(['Defensor del Pueblo', 'National human rights institution', '', '', '']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const applied = await upload('apply', 'entities.xlsx', data);
    expect(applied.statusCode).toBe(200);
    expect(applied.json().counts).toEqual({ create: 3, update: 0, skip: 0, error: 0 });
    expect(await entityNamed('Defensor del Pueblo')).toMatchObject({ kind: 'nhri', lrg_level: null });
    expect(await entityNamed('Cartagena')).toMatchObject({ lrg_level: 2 });
  });

  it('names the row and column of each problem, and applies nothing while there is one', async () => {
    const db = test.handle.db;
    // Two entities of one name (of different kinds: the same kind, name and parent is one entity).
    await makeEntity(db, { kind: 'lrg', name: 'Twin Town', lrg_level: 1 });
    await makeEntity(db, { kind: 'agency', name: 'Twin Town' });
    const file = csv([
      header,
      'Bad Kind Office,,palace,,,,',
      'Lost Agency,,agency,,,Nowhere at all,',
      'Twin Child,,lrg,,2,Twin Town,',
      'Skipped Level,,lrg,,3,ES-AN,',
      'Agency A,,agency,,,Agency B,',
      'Agency B,,agency,,,Agency A,',
      'Duplicate Office,,agency,,,,',
      'Duplicate Office,,agency,,,,',
      ',,agency,,,,',
      'Level Nine,,lrg,,9,,',
    ]);
    const preview = (await upload('preview', 'broken.csv', file)).json();
    const where = preview.issues.map((i: { row: number; column: string; message: string }) =>
      [i.row, i.column, i.message].join(' '),
    );
    expect(where).toEqual(
      expect.arrayContaining([
        '2 Kind issues.entityImport.unknownKind',
        '3 Parent issues.entityImport.unknownParent',
        '4 Parent issues.entityImport.ambiguousParent',
        '5 Parent issues.entity.parentNotLevelAbove',
        '6 Parent issues.entity.parentIsDescendant',
        '7 Parent issues.entity.parentIsDescendant',
        '9 Name issues.entityImport.duplicateRow',
        '10 Name issues.required',
        '11 Level issues.entityImport.unknownLevel',
      ]),
    );
    expect(preview.counts).toMatchObject({ create: 1, error: 9 });
    const applied = await upload('apply', 'broken.csv', file);
    expect(applied.statusCode).toBe(422);
    expect(applied.json().error.code).toBe('IMPORT_INVALID');
    expect(applied.json().error.issues.length).toBeGreaterThanOrEqual(9);
    expect(await entityNamed('Duplicate Office')).toBeUndefined();

    const noName = await upload('preview', 'columns.csv', csv(['Kind,Level', 'lrg,1']));
    expect(noName.json().issues).toEqual([{ column: 'name', message: 'issues.missingColumn' }]);
  });

  it('refuses other files and other roles', async () => {
    const pdf = await upload('preview', 'entities.pdf', Buffer.from('%PDF-1.7'));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.issues[0].message).toBe('issues.entityImport.csvOrXlsx');
    const viewer = await signInNew(test, 'viewer');
    const refused = await upload('preview', 'entities.csv', csv([header, 'X,,agency,,,,']), viewer);
    expect(refused.statusCode).toBe(403);
  });
});
