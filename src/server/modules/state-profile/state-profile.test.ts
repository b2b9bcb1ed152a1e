import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { seedDemoState } from '../../seed/demo-state';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await seedDemoState(test.handle.db);
});
afterAll(() => test.close());

describe('the State profile', () => {
  it('shows the demo State with its ministries and 212 municipalities', async () => {
    const viewer = await signInNew(test, 'viewer');
    const response = await viewer.request('GET', '/api/state-profile');
    expect(response.statusCode).toBe(200);
    const profile = response.json();
    expect(profile.countryIso2).toBe('SI');
    expect(profile.countryName).toMatchObject({ en: 'Slovenia', fr: 'Slovénie', ar: 'سلوفينيا' });
    expect(profile.entityCounts.lrg).toBe(212);
    expect(profile.entityCounts.ministry).toBeGreaterThanOrEqual(5);
    expect(profile.systemOfGovernment).toBe('unitary');
  });

  it('a coordinator edits it; a second edit from the same version gets 409 and changes nothing', async () => {
    const coordinator = await signInNew(test, 'coordinator');
    const current = (await coordinator.request('GET', '/api/state-profile')).json();
    const edit = {
      nmirfName: { ...current.nmirfName, en: 'Interministerial Commission on Human Rights (NMIRF)' },
      nmirfMandate: current.nmirfMandate,
      systemOfGovernment: 'unitary',
      lrgLevelNames: current.lrgLevelNames,
      version: current.version,
    };
    const first = await coordinator.request('PUT', '/api/state-profile', edit);
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const second = await coordinator.request('PUT', '/api/state-profile', { ...edit, nmirfName: { en: 'Lost edit' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    const after = (await coordinator.request('GET', '/api/state-profile')).json();
    expect(after.nmirfName.en).toBe('Interministerial Commission on Human Rights (NMIRF)');
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_type', '=', 'state_profile')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a viewer may not edit it', async () => {
    const viewer = await signInNew(test, 'viewer');
    const response = await viewer.request('PUT', '/api/state-profile', {
      nmirfName: { en: 'x' },
      nmirfMandate: {},
      systemOfGovernment: 'federal',
      lrgLevelNames: [],
      version: 1,
    });
    expect(response.statusCode).toBe(403);
  });
});
