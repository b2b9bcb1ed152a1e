import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeRecommendations, makeReview } from '../../../../tests/factories';
import { readFixture } from '../../../../tests/fixtures';
import { openZip } from '../../lib/tabular/zip';
import { squash } from '../imports/parsers/common';
import { docxTableRows } from '../imports/parsers/docx-table';

let test: TestApp;
let admin: Client;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  admin = await signInNew(test, 'admin');
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

/**
 * The theme terms the thematic-list importer made, before this version, of a themes cell's "SDGs:"
 * block: the label line and each goal line unbulleted. The goal lines are the real SDG cells of the
 * Slovenia cycle 4 list (every distinct one).
 */
function junkCodes(): string[] {
  const file = 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx';
  const xml = openZip(new Uint8Array(readFixture(file)), file).text('word/document.xml') ?? '';
  const lines = docxTableRows(xml).flatMap((row) => (row[3]?.paragraphs ?? []).map(squash));
  const goals = [...new Set(lines.filter((line) => /^- \d{1,2} - /.test(line)))].map((line) => line.slice(2));
  return ['SDGs:', ...goals];
}

async function theme(code: string) {
  const created = await coordinator.request('POST', '/api/taxonomies/theme/terms', { code, label: { en: code } });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: number; version: number };
}

async function recommendation(id: string) {
  return test.handle.db
    .selectFrom('recommendations')
    .select(['theme_ids', 'sdg_goals', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('junk SDG theme terms', () => {
  it('migration 0026 turns the untouched ones into SDG goals and deletes them; an edited one is left', async () => {
    const codes = junkCodes();
    expect(codes).toContain('16 - PEACE, JUSTICE AND STRONG INSTITUTIONS');
    expect(codes.length).toBeGreaterThanOrEqual(10);
    const junk = await Promise.all(codes.map(theme));
    const real = await theme('Right to health');
    const edited = junk[1]!;
    await coordinator.request('PATCH', `/api/terms/${edited.id}`, {
      label: { en: codes[1], fr: 'Relabelled' },
      version: 1,
    });
    const review = await makeReview(test.handle.db);
    const peace = junk[codes.indexOf('16 - PEACE, JUSTICE AND STRONG INSTITUTIONS')]!;
    const [rec] = await makeRecommendations(test.handle.db, review, [
      { theme_ids: [junk[0]!.id, peace.id, real.id, edited.id], sdg_goals: [3] },
    ]);
    const migration = readFileSync(
      new URL('../../../../migrations/0026_bodies_version_sdg_junk_terms.sql', import.meta.url),
      'utf8',
    );
    await test.handle.db.transaction().execute((trx) => sql.raw(migration).execute(trx));
    const after = await recommendation(rec!.id);
    expect(after.theme_ids).toEqual([real.id, edited.id]);
    expect(after.sdg_goals).toEqual([3, 16]);
    const left = await test.handle.db
      .selectFrom('taxonomy_terms')
      .select('code')
      .where('id', 'in', [...junk.map((j) => j.id), real.id])
      .execute();
    expect(left.map((row) => row.code).sort()).toEqual([codes[1], 'Right to health'].sort());
  });

  it('an admin merges a term in use into another, or removes it from every recommendation, audited', async () => {
    const junk = await theme('5 - GENDER EQUALITY (edited)');
    const target = await theme('Women’s rights');
    const review = await makeReview(test.handle.db);
    const [a, b] = await makeRecommendations(test.handle.db, review, [
      { theme_ids: [junk.id, target.id] },
      { theme_ids: [junk.id] },
    ]);
    // Coordinators maintain terms but do not rewrite the register through a merge.
    expect(
      (await coordinator.request('POST', `/api/terms/${junk.id}/merge`, { into: target.id, version: 1 })).statusCode,
    ).toBe(403);
    const person = await coordinator.request('POST', '/api/taxonomies/affected_person/terms', {
      code: 'Women & girls',
      label: { en: 'Women & girls' },
    });
    const otherTaxonomy = { into: person.json().id, version: 1 };
    expect((await admin.request('POST', `/api/terms/${junk.id}/merge`, otherTaxonomy)).statusCode).toBe(400);
    const itself = { into: junk.id, version: 1 };
    expect((await admin.request('POST', `/api/terms/${junk.id}/merge`, itself)).statusCode).toBe(400);
    expect(
      (await admin.request('POST', `/api/terms/${junk.id}/merge`, { into: target.id, version: 9 })).statusCode,
    ).toBe(409);
    const merged = await admin.request('POST', `/api/terms/${junk.id}/merge`, { into: target.id, version: 1 });
    expect(merged.json()).toEqual({ recommendations: 2 });
    expect((await recommendation(a!.id)).theme_ids).toEqual([target.id]);
    expect((await recommendation(b!.id)).theme_ids).toEqual([target.id]);
    expect((await recommendation(b!.id)).version).toBe(2);
    const events = await test.handle.db
      .selectFrom('audit_events')
      .select(['action', 'record_type', 'record_id'])
      .where((eb) => eb.or([eb('record_id', '=', String(junk.id)), eb('record_id', 'in', [a!.id, b!.id])]))
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'delete', record_type: 'taxonomy_term', record_id: String(junk.id) },
        { action: 'update', record_type: 'recommendation', record_id: a!.id },
        { action: 'update', record_type: 'recommendation', record_id: b!.id },
      ]),
    );
    // Removal: into null.
    const removed = await admin.request('POST', `/api/terms/${target.id}/merge`, { into: null, version: 1 });
    expect(removed.json()).toEqual({ recommendations: 2 });
    expect((await recommendation(a!.id)).theme_ids).toEqual([]);
    // SDG terms and statuses are codes, not ids: they are not merged.
    const status = (await coordinator.request('GET', '/api/taxonomies/status/terms')).json().items[0];
    expect(
      (await admin.request('POST', `/api/terms/${status.id}/merge`, { into: null, version: status.version }))
        .statusCode,
    ).toBe(400);
  });
});

describe('bodies', () => {
  const water = {
    code: 'SR-WATER',
    mechanism: 'special_procedure',
    name: {
      en: 'Special Rapporteur on the human rights to safe drinking water and sanitation',
      fr: 'Rapporteur spécial sur les droits de l’homme à l’eau potable et à l’assainissement',
    },
  };

  it('are seeded with regional mechanisms in their official languages', async () => {
    const list = (await coordinator.request('GET', '/api/bodies/records')).json();
    const codes = list.map((body: { code: string }) => body.code);
    expect(codes).toEqual(expect.arrayContaining(['GREVIO', 'ECSR', 'FCNM', 'IACTHR', 'ACERWC', 'SR-TORTURE']));
    const grevio = list.find((body: { code: string }) => body.code === 'GREVIO');
    expect(Object.keys(grevio.name).sort()).toEqual(['en', 'fr']);
  });

  it('an admin adds a body and renames it at its version; others may not', async () => {
    expect((await coordinator.request('POST', '/api/bodies', water)).statusCode).toBe(403);
    expect((await admin.request('POST', '/api/bodies', { ...water, code: 'sr water' })).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/bodies', { ...water, mechanism: 'upr' })).statusCode).toBe(400);
    const created = await admin.request('POST', '/api/bodies', water);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ ...water, reviews: 0, version: 1 });
    expect((await admin.request('POST', '/api/bodies', water)).statusCode).toBe(409);
    const es = { ...water.name, es: 'Relator Especial sobre los derechos humanos al agua potable y el saneamiento' };
    const renamed = await admin.request('PATCH', '/api/bodies/SR-WATER', {
      mechanism: 'special_procedure',
      name: es,
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ name: es, version: 2 });
    const stale = await admin.request('PATCH', '/api/bodies/SR-WATER', { mechanism: 'regional', name: es, version: 1 });
    expect(stale.statusCode).toBe(409);
    const upr = await admin.request('PATCH', '/api/bodies/UPR', {
      mechanism: 'other',
      name: { en: 'UPR' },
      version: 1,
    });
    expect(upr.statusCode).toBe(400);
    expect(
      (await coordinator.request('PATCH', '/api/bodies/SR-WATER', { mechanism: 'regional', name: es, version: 2 }))
        .statusCode,
    ).toBe(403);
    const picker = (await coordinator.request('GET', '/api/bodies')).json();
    expect(picker).toContainEqual({ code: 'SR-WATER', mechanism: 'special_procedure', name: water.name.en });
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'body')
      .where('record_id', '=', 'SR-WATER')
      .orderBy('id')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['create', 'update']);
  });
});
