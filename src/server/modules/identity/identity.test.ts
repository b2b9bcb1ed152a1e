import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, cookieOf, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeUser, testPassword } from '../../../../tests/factories';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ SIGN_IN_MAX_FAILURES: 3 });
});
afterAll(() => test.close());

async function countAudit(action: string): Promise<number> {
  const row = await test.handle.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('sign-in', () => {
  it('signs in with the right password, sets an httpOnly SameSite cookie and audits it', async () => {
    const user = await makeUser(test.handle.db, { role: 'coordinator' });
    const before = await countAudit('sign_in');
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email.toUpperCase(), password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe(user.email);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(await countAudit('sign_in')).toBe(before + 1);
    const session = await test.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: cookieOf(response) },
    });
    expect(session.json().user.id).toBe(user.id);
  });

  it('clears expired sessions when someone signs in', async () => {
    const user = await makeUser(test.handle.db);
    await test.handle.db
      .insertInto('sessions')
      .values({
        id: 'expired-session',
        user_id: user.id,
        csrf_token: 'x',
        expires_at: new Date(Date.now() - 1000),
        ip: null,
        user_agent: null,
      })
      .execute();
    await signInAs(test.app, user.email);
    const left = await test.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', 'expired-session')
      .executeTakeFirst();
    expect(left).toBeUndefined();
  });

  it('marks the cookie Secure behind TLS', async () => {
    const user = await makeUser(test.handle.db);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: testPassword },
      headers: { 'x-forwarded-proto': 'https' },
      remoteAddress: '127.0.0.1',
    });
    // Without trustProxy the forwarded header is ignored: only a real TLS connection counts.
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown e-mail alike, translated, changing no session', async () => {
    const user = await makeUser(test.handle.db);
    const wrong = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: 'not the password' },
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@test.implementa.example', password: 'whatever-it-is' },
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const english = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: 'nope-nope' },
    });
    expect(wrong.json().error.message).not.toBe(english.json().error.message);
    expect(wrong.json().error.message).not.toMatch(/^errors\./);
  });

  it('locks the account after repeated failures, telling its owner by mail and nobody else', async () => {
    const user = await makeUser(test.handle.db);
    const attempt = (password: string) =>
      test.app.inject({ method: 'POST', url: '/api/session', payload: { email: user.email, password } });
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-${i}`)).json().error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody-at-all@test.implementa.example', password: testPassword },
    });
    const wrong = await attempt('wrong-again');
    // Even the right password is refused while locked, and in the same words.
    const right = await attempt(testPassword);
    for (const response of [unknown, wrong, right]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(new Set([unknown.body, wrong.body, right.body]).size).toBe(1);
    const stored = await test.handle.db
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.locked_until?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const mail = await test.waitForMail(user.email);
    expect(mail.subject).toMatch(/locked/);
    expect(mail.text).toContain('3 failed sign-in attempts');
    expect(mail.text).toContain('15 minutes');
    expect(mail.text).toContain('http://implementa.test/forgot-password');
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'flood@test.implementa.example', password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      codes.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().error.code).toBe('RATE_LIMITED');
    }
    expect(codes.slice(0, 10).every((code) => code === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it('refuses a body that fails its schema, naming the fields', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'not-an-email' } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['email', 'password']);
  });

  it('refuses a disabled account', async () => {
    const user = await makeUser(test.handle.db, { status: 'disabled' });
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: testPassword },
    });
    expect(response.json().error.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('session cookie and CSRF', () => {
  it('treats a tampered cookie as no session', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const [name, value = ''] = client.cookie.split('=');
    const tampered = `${name}=${value.slice(0, -2)}${value.endsWith('A') ? 'B' : 'A'}`;
    const session = await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: tampered } });
    expect(session.json().user).toBeNull();
    const write = await clientFor(test.app, tampered, client.csrfToken, user.id).request('PATCH', '/api/me', {
      locale: 'fr',
      version: 1,
    });
    expect(write.statusCode).toBe(401);
    expect(write.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without the CSRF token and changes nothing', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    for (const token of [undefined, 'forged-token']) {
      const response = await test.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: { cookie: client.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
        payload: { locale: 'ar', version: user.version },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CSRF');
    }
    const stored = await test.handle.db
      .selectFrom('users')
      .select(['locale', 'version'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ locale: 'en', version: user.version });
  });

  it('remembers the language per user and answers errors in it', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const changed = await client.request('PATCH', '/api/me', { locale: 'ar', version: user.version });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ locale: 'ar', version: user.version + 1 });
    const stale = await client.request('PATCH', '/api/me', { locale: 'ru', version: user.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const again = await signInAs(test.app, user.email);
    const session = await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: again.cookie } });
    expect(session.json().user.locale).toBe('ar');
  });

  it('signs out: the cookie stops working', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    expect((await client.request('DELETE', '/api/session')).statusCode).toBe(200);
    const session = await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: client.cookie } });
    expect(session.json().user).toBeNull();
    expect(await countAudit('sign_out')).toBeGreaterThan(0);
  });
});
