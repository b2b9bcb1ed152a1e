import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/app';
import { setUpInstallation } from './setup';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('setting up a real installation', () => {
  it('creates the State profile and invites the first admin by e-mail, once', async () => {
    const input = {
      country: 'cl',
      adminEmail: 'admin@ministerio.example',
      adminName: 'Ana Pérez',
      locale: 'es' as const,
      system: 'unitary' as const,
    };
    const { link } = await setUpInstallation(test.handle.db, test.deps.jobs, 'https://nmirf.example', input);
    expect(link).toMatch(/^https:\/\/nmirf\.example\/accept-invitation\?token=/);
    expect((await test.waitForMail('admin@ministerio.example')).text).toContain(link);
    const token = new URL(link).searchParams.get('token');
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Ana Pérez', password: 'una frase de paso larga' },
    });
    expect(accepted.json().user).toMatchObject({ role: 'admin', locale: 'es' });
    const profile = await test.app.inject({
      method: 'GET',
      url: '/api/state-profile',
      headers: { cookie: String(accepted.headers['set-cookie']).split(';')[0] },
    });
    expect(profile.json()).toMatchObject({ countryIso2: 'CL', countryName: { es: 'Chile' } });
    await expect(
      setUpInstallation(test.handle.db, test.deps.jobs, 'https://nmirf.example', input),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses an unknown country code and writes nothing', async () => {
    const fresh = await createTestApp();
    try {
      await expect(
        setUpInstallation(fresh.handle.db, fresh.deps.jobs, 'https://x.example', {
          country: 'XX',
          adminEmail: 'a@b.example',
          adminName: 'A',
          locale: 'en',
          system: 'federal',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(await fresh.handle.db.selectFrom('state_profile').selectAll().execute()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
