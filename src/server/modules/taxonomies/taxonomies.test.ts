import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeAssignment, makeEntity, makeRecommendations, makeReview } from '../../../../tests/factories';
import type { Term } from '../../../shared/schemas/taxonomies';
import { daysFromToday } from '../dashboards/dashboards.fixture';

let test: TestApp;
let coordinator: Client;
beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

describe('taxonomies', () => {
  it('are seeded: SDGs with six-language labels, statuses, UPR Info issues', async () => {
    const list = (await coordinator.request('GET', '/api/taxonomies')).json();
    const count = Object.fromEntries(list.map((t: { code: string; termCount: number }) => [t.code, t.termCount]));
    expect(count).toMatchObject({ sdg: 17 + 169 + 252, status: 5, upr_info_issue: 54 });
    const target = (await coordinator.request('GET', '/api/taxonomies/sdg/terms?q=5.2'))
      .json()
      .items.find((t: { code: string }) => t.code === '5.2');
    expect(Object.keys(target.label).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(target.label.en).toMatch(/violence against all women and girls/);
  });

  it('an admin-defined taxonomy gets terms; relabelling checks the version; a used term cannot be deleted', async () => {
    const created = await coordinator.request('POST', '/api/taxonomies', {
      code: 'nap_chapter',
      name: { en: 'National action plan chapters', fr: 'Chapitres du plan d’action national' },
    });
    expect(created.statusCode).toBe(201);
    const term = await coordinator.request('POST', '/api/taxonomies/nap_chapter/terms', {
      code: '3.1',
      label: { en: 'Equality and non-discrimination' },
    });
    expect(term.statusCode).toBe(201);
    const duplicate = await coordinator.request('POST', '/api/taxonomies/nap_chapter/terms', {
      code: '3.1',
      label: { en: 'Again' },
    });
    expect(duplicate.statusCode).toBe(409);
    const relabelled = await coordinator.request('PATCH', `/api/terms/${term.json().id}`, {
      label: { en: 'Equality and non-discrimination', es: 'Igualdad y no discriminación' },
      version: 1,
    });
    expect(relabelled.json().label.es).toBe('Igualdad y no discriminación');
    const stale = await coordinator.request('PATCH', `/api/terms/${term.json().id}`, {
      label: { en: 'Lost' },
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const status = (await coordinator.request('GET', '/api/taxonomies/status/terms')).json().items[0];
    const review = await makeReview(test.handle.db, { symbol: 'A/HRC/1/1' });
    await makeRecommendations(test.handle.db, review, [{ status: status.code }]);
    const refused = await coordinator.request('DELETE', `/api/terms/${status.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.params.count).toBe(1);
    expect((await coordinator.request('DELETE', `/api/terms/${term.json().id}`)).statusCode).toBe(200);
  });

  it('lists countries and bodies in the reader’s language, and the SDG tree from its roots', async () => {
    const viewer = await signInNew(test, 'viewer');
    await viewer.request('PATCH', '/api/me', { locale: 'fr', version: 1 });
    const countries = (await viewer.request('GET', '/api/countries')).json();
    expect(countries.find((c: { iso2: string }) => c.iso2 === 'DE').name).toBe('Allemagne');
    const bodies = (await viewer.request('GET', '/api/bodies')).json();
    expect(bodies.find((b: { code: string }) => b.code === 'CRC').name).toBe('Comité des droits de l’enfant');
    const goals = (await viewer.request('GET', '/api/taxonomies/sdg/terms?root=true&pageSize=50')).json();
    expect(goals.total).toBe(17);
    expect(goals.items.find((g: { code: string }) => g.code === '5').childCount).toBe(9);
  });

  it('a status can be made final or not, and the overdue list follows; no other term can be final', async () => {
    const statuses = (await coordinator.request('GET', '/api/taxonomies/status/terms')).json().items as Term[];
    expect(
      statuses
        .filter((term) => term.final)
        .map((term) => term.code)
        .sort(),
    ).toEqual(['implemented', 'not_applicable']);
    const db = test.handle.db;
    const review = await makeReview(db, { body_code: 'UPR', cycle: 4 });
    const [rec] = await makeRecommendations(db, review, [{ status: 'in_progress' }]);
    const entity = await makeEntity(db, { kind: 'ministry' });
    await makeAssignment(db, rec!.id, entity.id, { due_date: daysFromToday(-3) });
    const overdue = async () =>
      (await coordinator.request('GET', `/api/dashboards/overdue?entity=${entity.id}`)).json().total as number;
    expect(await overdue()).toBe(1);

    const inProgress = statuses.find((term) => term.code === 'in_progress') as Term;
    const made = await coordinator.request('PATCH', `/api/terms/${inProgress.id}`, {
      label: inProgress.label,
      final: true,
      version: inProgress.version,
    });
    expect(made.statusCode).toBe(200);
    expect(made.json().final).toBe(true);
    expect(await overdue()).toBe(0);
    const undone = await coordinator.request('PATCH', `/api/terms/${inProgress.id}`, {
      label: inProgress.label,
      final: false,
      version: made.json().version,
    });
    expect(undone.json().final).toBe(false);
    expect(await overdue()).toBe(1);

    const added = await coordinator.request('POST', '/api/taxonomies/status/terms', {
      code: 'superseded',
      label: { en: 'Superseded by a later recommendation' },
      final: true,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().final).toBe(true);

    const theme = await coordinator.request('POST', '/api/taxonomies/nap_chapter/terms', {
      code: '9.9',
      label: { en: 'Closing chapter' },
      final: true,
    });
    expect(theme.statusCode).toBe(400);
    expect(theme.json().error.issues).toEqual([
      expect.objectContaining({ path: 'final', message: 'issues.finalOnlyForStatus' }),
    ]);
    expect((await coordinator.request('GET', '/api/taxonomies/nap_chapter/terms?q=9.9')).json().total).toBe(0);
  });

  it('viewers read but cannot change them', async () => {
    const viewer = await signInNew(test, 'viewer');
    expect((await viewer.request('GET', '/api/taxonomies')).statusCode).toBe(200);
    expect((await viewer.request('POST', '/api/taxonomies', { code: 'mine', name: { en: 'Mine' } })).statusCode).toBe(
      403,
    );
  });
});
