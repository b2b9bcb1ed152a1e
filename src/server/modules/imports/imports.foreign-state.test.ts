import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeStateProfile } from '../../../../tests/factories';
import { readFixture } from '../../../../tests/fixtures';

/**
 * Another State's concluding observations in a national installation (Slovenia's): the real
 * CERD observations on Brazil, with their follow-up request, and the CRPD observations on Germany.
 */
let test: TestApp;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  await makeStateProfile(test.handle.db);
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

const brazil = 'CERD_C_BRA_CO_18-20_en.pdf';
const germany = 'CRPD_C_DEU_CO_2-3_en.pdf';

async function upload(file: string) {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(file)}`,
    headers: {
      cookie: coordinator.cookie,
      'x-csrf-token': coordinator.csrfToken,
      'content-type': 'application/octet-stream',
    },
    payload: readFixture(`concluding-observations/${file}`),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const reviewOf = (symbol: string) =>
  test.handle.db
    .selectFrom('reviews')
    .select(['id', 'country_iso2', 'follow_up_due'])
    .where('symbol', '=', symbol)
    .executeTakeFirst();

const eventsOf = (reviewId: string) =>
  test.handle.db.selectFrom('calendar_events').select(['kind']).where('review_id', '=', reviewId).execute();

describe("another State's concluding observations", () => {
  it('are named in the dry run, refused without confirmation, applied with it, and set the State no deadline', async () => {
    const preview = await upload(brazil);
    expect(preview.foreignState).toMatchObject({
      stateIso2: 'SI',
      stateName: 'Slovenia',
      countries: [{ iso2: 'BR', name: 'Brazil' }],
    });
    expect(preview.foreignState.countries[0].recommendations).toBe(preview.counts.create);
    expect(preview.counts.create).toBeGreaterThan(20);

    const refused = await coordinator.request('POST', `/api/imports/${preview.importId}/apply`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'FOREIGN_STATE',
      params: { countries: 'Brazil', state: 'Slovenia' },
      issues: [{ path: 'confirmForeignState', message: 'issues.foreignStateUnconfirmed' }],
    });
    expect(refused.json().error.message).toContain('Brazil');
    expect(await reviewOf('CERD/C/BRA/CO/18-20')).toBeUndefined();

    const applied = await coordinator.request('POST', `/api/imports/${preview.importId}/apply`, {
      confirmForeignState: true,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const review = await reviewOf('CERD/C/BRA/CO/18-20');
    expect(review?.country_iso2).toBe('BR');
    // The committee asked Brazil for a follow-up reply: a deadline of Brazil's, not Slovenia's.
    expect(review?.follow_up_due).not.toBeNull();
    expect(await eventsOf(review!.id)).toEqual([]);
    const recomputed = await coordinator.request('POST', '/api/calendar/recompute');
    expect(recomputed.statusCode, recomputed.body).toBe(200);
    expect(await eventsOf(review!.id)).toEqual([]);

    const german = await upload(germany);
    expect(german.foreignState.countries.map((c: { iso2: string }) => c.iso2)).toEqual(['DE']);
    const refusedGerman = await coordinator.request('POST', `/api/imports/${german.importId}/apply`, {});
    expect(refusedGerman.json().error.params).toEqual({ countries: 'Germany', state: 'Slovenia' });
  });

  it("are the State's own when the installation is that State: no warning, and the follow-up deadline enters the calendar", async () => {
    await test.handle.db
      .updateTable('state_profile')
      .set({ country_iso2: 'BR', country_name: JSON.stringify({ en: 'Brazil' }) })
      .execute();
    const again = await upload(brazil);
    expect(again.foreignState).toBeNull();
    const recomputed = await coordinator.request('POST', '/api/calendar/recompute');
    expect(recomputed.statusCode, recomputed.body).toBe(200);
    const review = await reviewOf('CERD/C/BRA/CO/18-20');
    expect((await eventsOf(review!.id)).map((e) => e.kind)).toContain('tb_follow_up_reply');
  });
});
