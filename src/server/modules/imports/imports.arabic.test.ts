import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';

/** The real Arabic CRPD Kazakhstan document through the whole import: preview, warning, apply. */
let test: TestApp;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

describe('importing Arabic concluding observations', () => {
  it('previews with the unreliable-text warning, then stores the Arabic recommendations', async () => {
    const file = 'CRPD_C_KAZ_CO_1_ar.pdf';
    const upload = await test.app.inject({
      method: 'POST',
      url: `/api/imports?fileName=${file}`,
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrfToken,
        'content-type': 'application/octet-stream',
      },
      payload: readFixture(`concluding-observations/${file}`),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const preview = upload.json();
    expect(preview.reviews[0]).toMatchObject({ bodyCode: 'CRPD', countryIso2: 'KZ' });
    expect(preview.warnings).toContainEqual(
      expect.objectContaining({ message: 'issues.unreliableTextLayer', params: { percent: '23' } }),
    );
    const applied = await coordinator.request('POST', `/api/imports/${preview.importId}/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    const rows = await test.handle.db
      .selectFrom('recommendations')
      .select(['number', 'text_ar', 'sub_items', 'original_lang'])
      .where('body_code', '=', 'CRPD')
      .orderBy('number_sort')
      .execute();
    expect(rows.map((r) => r.number)).toEqual(
      [...Array.from({ length: 28 }, (_, i) => 8 + 2 * i), 66, 68, 70, 72].map(String),
    );
    expect(rows.every((r) => r.original_lang === 'ar' && r.text_ar)).toBe(true);
    expect(rows[0]!.text_ar).toMatch(/^توصي /);
    expect(rows.find((r) => r.number === '8')!.sub_items).toHaveLength(5);
  });
});
