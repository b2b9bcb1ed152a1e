import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser, testPassword } from '../../../../tests/factories';
import { codeFor, codeStep, enrol, passwordStep } from './totp.fixture';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const userOf = async (cookie: string) =>
  (await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json().user;

describe('TOTP second factor', () => {
  it('enrols only with a code from the new secret, and gives ten recovery codes once', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const setup = (await client.request('POST', '/api/me/totp/setup')).json() as { secret: string };
    const wrong = await client.request('POST', '/api/me/totp/enable', {
      code: codeFor(setup.secret) === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect((await client.request('GET', '/api/me/totp')).json()).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    const enabled = await client.request('POST', '/api/me/totp/enable', { code: codeFor(setup.secret) });
    const codes = enabled.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await client.request('GET', '/api/me/totp')).json()).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    // Stored as argon2 hashes only.
    const stored = await test.handle.db
      .selectFrom('user_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(stored.every((row) => row.code_hash.startsWith('$argon2id$'))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(codes[0]?.slice(0, 5));
  });

  it('asks for the code after the password; the half-signed-in cookie is no session; a code works once', async () => {
    const user = await makeUser(test.handle.db);
    const { secret, firstCode } = await enrol(await signInAs(test.app, user.email));
    const pending = await passwordStep(test.app, user.email);
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toMatchObject({ user: null, csrfToken: null, secondFactorRequired: true });
    expect(await userOf(cookieOf(pending))).toBeNull();
    // The code used to enrol cannot be used again (that code itself: the clock may have moved on to
    // the next period since, whose code would rightly work), nor a wrong one.
    expect((await codeStep(test.app, pending, firstCode)).statusCode).toBe(401);
    expect((await codeStep(test.app, pending, '12345x')).statusCode).toBe(401);
    const next = await codeStep(test.app, pending, codeFor(secret, 1));
    expect(next.statusCode).toBe(200);
    expect(next.json().user.id).toBe(user.id);
    expect(cookieOf(next)).not.toBe(cookieOf(pending));
    expect((await userOf(cookieOf(next))).id).toBe(user.id);
    expect(await userOf(cookieOf(pending))).toBeNull();
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'sign_in')
      .where('record_id', '=', user.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ secondFactor: 'totp' });
  });

  it('takes each recovery code once', async () => {
    const user = await makeUser(test.handle.db);
    const { recoveryCodes } = await enrol(await signInAs(test.app, user.email));
    const code = recoveryCodes[3] ?? '';
    const first = await codeStep(test.app, await passwordStep(test.app, user.email), code.toUpperCase());
    expect(first.statusCode).toBe(200);
    const again = await codeStep(test.app, await passwordStep(test.app, user.email), code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
    const signedIn = await codeStep(test.app, await passwordStep(test.app, user.email), recoveryCodes[4] ?? '');
    const status = await test.app.inject({
      method: 'GET',
      url: '/api/me/totp',
      headers: { cookie: cookieOf(signedIn) },
    });
    expect(status.json()).toEqual({ enabled: true, recoveryCodesLeft: 8 });
  });

  it('throws the pending sign-in away after five wrong codes', async () => {
    const user = await makeUser(test.handle.db);
    const { secret } = await enrol(await signInAs(test.app, user.email));
    const pending = await passwordStep(test.app, user.email);
    for (let i = 0; i < 5; i++)
      expect((await codeStep(test.app, pending, '000000')).json().error.code).toBe('INVALID_CREDENTIALS');
    const late = await codeStep(test.app, pending, codeFor(secret, 1));
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('UNAUTHENTICATED');
    // Wrong codes count as failed sign-ins: five of them lock the account like five wrong passwords.
    const locked = await passwordStep(test.app, user.email);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await test.waitForMail(user.email)).subject).toMatch(/locked/);
  });

  it('is turned off with the password, or by an administrator', async () => {
    const user = await makeUser(test.handle.db);
    const { secret } = await enrol(await signInAs(test.app, user.email));
    const client = (await codeStep(test.app, await passwordStep(test.app, user.email), codeFor(secret, 1))).json() as {
      csrfToken: string;
    };
    expect(client.csrfToken).toBeTruthy();

    const other = await makeUser(test.handle.db);
    await enrol(await signInAs(test.app, other.email));
    const coordinator = await signInNew(test, 'coordinator');
    expect((await coordinator.request('DELETE', `/api/admin/users/${other.id}/totp`)).statusCode).toBe(403);
    expect((await passwordStep(test.app, other.email)).json().secondFactorRequired).toBe(true);
    const admin = await signInNew(test, 'admin');
    expect((await admin.request('DELETE', `/api/admin/users/${other.id}/totp`)).statusCode).toBe(200);
    const direct = await passwordStep(test.app, other.email);
    expect(direct.json().user.id).toBe(other.id);

    const own = await signInAs(test.app, other.email);
    await enrol(own);
    expect((await own.request('POST', '/api/me/totp/disable', { password: 'not the password' })).statusCode).toBe(401);
    expect((await own.request('GET', '/api/me/totp')).json().enabled).toBe(true);
    expect((await own.request('POST', '/api/me/totp/disable', { password: testPassword })).statusCode).toBe(200);
    expect((await own.request('GET', '/api/me/totp')).json()).toEqual({ enabled: false, recoveryCodesLeft: 0 });
  });
});
