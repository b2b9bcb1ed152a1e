import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';
import { AppError } from '../../../shared/errors';
import { parseTabular } from './parsers';
import { parseTreatyBodyCo } from './parsers/treaty-body-co.parser';

/**
 * Texts of one recommendation in several languages stay side by side. The English concluding
 * observations on Germany are imported as they are; then a spreadsheet, made here from the real
 * French (Norway) and Spanish (Greece) concluding observations, gives French and Spanish texts
 * under the numbers and symbol of two German recommendations (transformations of real texts, no
 * invented words). The spreadsheet names no language: it is detected.
 */
let test: TestApp;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

const symbol = 'CRPD/C/DEU/CO/2-3';

async function upload(fileName: string, payload: Buffer) {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(fileName)}`,
    headers: {
      cookie: coordinator.cookie,
      'x-csrf-token': coordinator.csrfToken,
      'content-type': 'application/octet-stream',
    },
    payload,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function firstRecommendation(file: string) {
  const parsed = await parseTreatyBodyCo(readFixture(`concluding-observations/${file}`), file);
  const rec = parsed.recommendations.find((r) => r.isRecommendation !== false && r.text.length > 80);
  if (!rec) throw new Error(`no recommendation in ${file}`);
  return rec.text;
}

const csvCell = (value: string) => `"${value.replaceAll('"', '""')}"`;
const csvOf = (rows: string[][]) => Buffer.from(rows.map((row) => row.map(csvCell).join(',')).join('\n'));

function storedOf(numbers: string[]) {
  return test.handle.db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .select(['r.number', 'r.text_en', 'r.text_fr', 'r.text_es', 'r.original_lang'])
    .where('v.symbol', '=', symbol)
    .where('r.number', 'in', numbers)
    .orderBy('r.number_sort')
    .execute();
}

describe('a French and a Spanish text for recommendations imported in English', () => {
  it('adds text_fr and text_es beside the English text, which stays, and keeps English as the original language', async () => {
    const english = await upload(
      'CRPD_C_DEU_CO_2-3_en.pdf',
      readFixture('concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf'),
    );
    expect(english.rows.find((r: { action: string }) => r.action === 'create')?.lang).toBe('en');
    const applied = await coordinator.request('POST', `/api/imports/${english.importId}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    const numbers = (
      await test.handle.db
        .selectFrom('recommendations as r')
        .innerJoin('reviews as v', 'v.id', 'r.review_id')
        .select('r.number')
        .where('v.symbol', '=', symbol)
        .orderBy('r.number_sort')
        .limit(2)
        .execute()
    ).map((r) => r.number as string);
    expect(numbers).toHaveLength(2);
    const before = await storedOf(numbers);

    const french = await firstRecommendation('CRPD_C_NOR_CO_1_fr.pdf');
    const spanish = await firstRecommendation('CRPD_C_GRC_CO_1_es.pdf');
    const sheet = csvOf([
      ['Document symbol', 'Body', 'Country', 'No.', 'Recommendation'],
      [symbol, 'CRPD', 'Germany', numbers[0]!, french],
      [symbol, 'CRPD', 'Germany', numbers[1]!, spanish],
    ]);
    const mapping = {
      documentSymbol: 'Document symbol',
      body: 'Body',
      country: 'Country',
      number: 'No.',
      text: 'Recommendation',
    };
    const uploaded = await upload('translations.csv', sheet);
    const preview = await coordinator.request('POST', `/api/imports/${uploaded.importId}/preview`, {
      columnMapping: mapping,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const rows = preview.json().rows as {
      action: string;
      number: string;
      lang: string;
      changes: { field: string }[];
    }[];
    expect(rows.map((r) => [r.number, r.action, r.lang, r.changes.map((c) => c.field)])).toEqual([
      [numbers[0], 'update', 'fr', ['text_fr']],
      [numbers[1], 'update', 'es', ['text_es']],
    ]);
    const done = await coordinator.request('POST', `/api/imports/${uploaded.importId}/apply`, {
      columnMapping: mapping,
    });
    expect(done.statusCode, done.body).toBe(200);

    const after = await storedOf(numbers);
    expect(after.map((r) => r.text_en)).toEqual(before.map((r) => r.text_en));
    expect(after.every((r) => r.text_en && r.text_en.length > 80)).toBe(true);
    expect(after.map((r) => r.original_lang)).toEqual(['en', 'en']);
    expect([after[0]?.text_fr, after[1]?.text_es]).toEqual([french, spanish]);
    expect([after[0]?.text_es, after[1]?.text_fr]).toEqual([null, null]);

    // The same file again: nothing to change, in any language.
    const again = await upload('translations-again.csv', sheet);
    const second = await coordinator.request('POST', `/api/imports/${again.importId}/preview`, {
      columnMapping: mapping,
    });
    expect(second.json().counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
  });

  it('takes the language from a mapped language column, and refuses a language it does not know, naming the cell', async () => {
    const french = await firstRecommendation('CRPD_C_NOR_CO_1_fr.pdf');
    const mapping = { text: 'Recommendation', number: 'No.', language: 'Language' };
    const parsed = await parseTabular(
      csvOf([
        ['No.', 'Recommendation', 'Language'],
        ['1', french, 'Français'],
        ['2', french, ''],
      ]),
      'given.csv',
      mapping,
    );
    expect(parsed.recommendations.map((r) => r.lang)).toEqual(['fr', 'fr']);
    const refused = await parseTabular(
      csvOf([
        ['No.', 'Recommendation', 'Language'],
        ['1', french, 'Norsk'],
      ]),
      'unknown.csv',
      mapping,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).issues).toEqual([
      { file: 'unknown.csv', row: 2, column: 'Language', message: 'issues.unknownLanguage' },
    ]);
  });
});
