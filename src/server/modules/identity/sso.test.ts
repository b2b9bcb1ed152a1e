import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, createTestApp, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';
import { startTestProvider, type TestProvider } from '../../../../tests/oidc-provider';
import { signInMethods } from '../../../shared/schemas/identity';

/**
 * Single sign-on end to end: a real OpenID Connect provider (oidc-provider) on a loopback port,
 * the app's own routes through inject, the browser's part (cookies, redirects, the provider's
 * sign-in and consent forms) done by hand, as a browser would.
 */
const redirectUri = 'http://implementa.test/api/sso/callback';
let provider: TestProvider;
let test: TestApp;

beforeAll(async () => {
  provider = await startTestProvider(redirectUri);
  test = await createTestApp({
    oidc: {
      issuer: new URL(provider.issuer),
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: new URL(redirectUri),
      name: 'Government ID',
    },
  });
}, 120_000);
afterAll(async () => {
  await test.close();
  await provider.stop();
});

/** Leaves for the provider: its authorization URL and the flow cookie the app set. */
async function start(next = '/register') {
  const response = await test.app.inject({ method: 'GET', url: `/api/sso/start?next=${encodeURIComponent(next)}` });
  expect(response.statusCode).toBe(302);
  return { authorizationUrl: String(response.headers.location), flowCookie: cookieOf(response) };
}

function callback(back: URL, flowCookie: string | null): Promise<LightMyRequestResponse> {
  return test.app.inject({
    method: 'GET',
    url: `/api/sso/callback${back.search}`,
    headers: { 'user-agent': 'Firefox on the ministry laptop', ...(flowCookie ? { cookie: flowCookie } : {}) },
  });
}

/** The whole round trip for a login at the provider; the app's answer at the callback. */
async function roundTrip(login: string) {
  const { authorizationUrl, flowCookie } = await start();
  const back = await provider.signIn(authorizationUrl, login);
  return { response: await callback(back, flowCookie), back, flowCookie };
}

const failures = (label: string) =>
  test.handle.db
    .selectFrom('audit_events')
    .select(['after', 'record_id'])
    .where('action', '=', 'sign_in_failed')
    .where('actor_label', '=', label)
    .execute();

describe('single sign-on (OpenID Connect)', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { authorizationUrl, flowCookie } = await start();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('scope')).toContain('email');
    // The verifier stays with the browser, signed and out of scripts' reach.
    expect(flowCookie).toMatch(/^implementa_sso=/);
    const session = (await test.app.inject({ method: 'GET', url: '/api/session' })).json();
    expect(session.singleSignOn).toEqual({ name: 'Government ID' });
  });

  it('signs an active account in by its verified e-mail: the same session as a password, shown as single sign-on', async () => {
    const user = await makeUser(test.handle.db, { role: 'focal_point' });
    await test.handle.db.updateTable('users').set({ failed_sign_ins: 2 }).where('id', '=', user.id).execute();
    const { response } = await roundTrip(user.email.toUpperCase());
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/register');
    // As a password sign-in does, it clears the count of wrong passwords.
    const counters = await test.handle.db
      .selectFrom('users')
      .select(['failed_sign_ins', 'last_sign_in_at'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(counters.failed_sign_ins).toBe(0);
    expect(counters.last_sign_in_at).toBeInstanceOf(Date);
    const setCookies = [response.headers['set-cookie']].flat().join('\n');
    expect(setCookies).toMatch(/implementa_session=.*HttpOnly/);
    // The flow cookie is spent.
    expect(setCookies).toMatch(/implementa_sso=;/);
    const cookie = cookieOf({
      headers: { 'set-cookie': setCookies.split('\n').find((c) => c.startsWith('implementa_session')) },
    } as never);
    const session = (await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json();
    expect(session.user.id).toBe(user.id);
    expect(session.csrfToken).toBeTruthy();
    // CSRF still guards writes of this session.
    const noToken = await test.app.inject({ method: 'DELETE', url: '/api/me/sessions', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    const sessions = await test.app.inject({
      method: 'GET',
      url: '/api/me/sessions',
      headers: { cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(sessions.json()).toEqual([
      expect.objectContaining({ current: true, method: 'sso', userAgent: 'Firefox on the ministry laptop' }),
    ]);
    expect(signInMethods).toContain('sso');
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select(['after', 'actor_id'])
      .where('action', '=', 'sign_in')
      .where('record_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(user.id);
    expect(audit.after).toMatchObject({
      method: 'sso',
      issuer: `${provider.issuer}/`,
      subject: `subject-${user.email.toUpperCase()}`,
    });
  });

  it('refuses a callback whose state is not the one this browser left with', async () => {
    const user = await makeUser(test.handle.db);
    const { authorizationUrl, flowCookie } = await start();
    const back = await provider.signIn(authorizationUrl, user.email);
    back.searchParams.set('state', 'forged-state-from-another-browser');
    const response = await callback(back, flowCookie);
    expect(response.headers.location).toBe('/sign-in?sso=failed');
    expect(cookieOf(response)).not.toMatch(/implementa_session=./);
    const audit = await failures('single sign-on');
    expect(audit.some((row) => JSON.stringify(row.after).includes('unexpected \\"state\\"'))).toBe(true);
  });

  it('refuses a replayed code, with the flow cookie or without it', async () => {
    const user = await makeUser(test.handle.db);
    const first = await roundTrip(user.email);
    expect(first.response.headers.location).toBe('/register');
    // The same callback again, cookie kept by an attacker: the provider refuses the used code.
    const replayed = await callback(first.back, first.flowCookie);
    expect(replayed.headers.location).toBe('/sign-in?sso=failed');
    expect(cookieOf(replayed)).not.toMatch(/implementa_session=./);
    // Without the cookie there is no verifier, state or nonce to check against: refused before the provider.
    const bare = await callback(first.back, null);
    expect(bare.headers.location).toBe('/sign-in?sso=failed');
    const audit = (await failures('single sign-on')).map((row) => JSON.stringify(row.after));
    expect(audit.some((after) => after.includes('invalid_grant'))).toBe(true);
    expect(audit.some((after) => after.includes('no sign-in under way'))).toBe(true);
  });

  it('never creates an account: an unknown e-mail is refused with a reason, and audited', async () => {
    const email = 'someone.new@ministry.example';
    const { response } = await roundTrip(email);
    expect(response.headers.location).toBe('/sign-in?sso=unknown_account');
    const created = await test.handle.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(created).toEqual([]);
    expect(await failures(email)).toEqual([
      expect.objectContaining({ record_id: null, after: { method: 'sso', reason: 'unknown_account' } }),
    ]);
  });

  it('refuses an invited (not yet active), a disabled and a locked account, and an unverified e-mail', async () => {
    const invited = await makeUser(test.handle.db, { status: 'invited' });
    const disabled = await makeUser(test.handle.db, { status: 'disabled' });
    const locked = await makeUser(test.handle.db);
    await test.handle.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 600_000) })
      .where('id', '=', locked.id)
      .execute();
    const cases: [string, string][] = [
      [invited.email, 'unknown_account'],
      [disabled.email, 'account_disabled'],
      [locked.email, 'account_locked'],
      [`unverified.${locked.email}`, 'email_unverified'],
    ];
    for (const [login, reason] of cases) {
      const { response } = await roundTrip(login);
      expect(response.headers.location).toBe(`/sign-in?sso=${reason}`);
      expect(cookieOf(response)).not.toMatch(/implementa_session=./);
    }
    expect(await failures(disabled.email)).toEqual([
      expect.objectContaining({ record_id: disabled.id, after: { method: 'sso', reason: 'account_disabled' } }),
    ]);
  });

  it('trusts the provider for a person with two-step sign-in on (decision 022): no code is asked', async () => {
    const user = await makeUser(test.handle.db);
    await test.handle.db
      .updateTable('users')
      .set({ totp_enabled_at: new Date(), totp_secret: 'v1:placeholder-never-read' })
      .where('id', '=', user.id)
      .execute();
    const { response } = await roundTrip(user.email);
    expect(response.headers.location).toBe('/register');
  });

  it('keeps the way back on this site', async () => {
    const user = await makeUser(test.handle.db);
    for (const next of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/%2F%2Fevil.example',
      '/api/admin/users',
    ]) {
      const { authorizationUrl, flowCookie } = await start(next);
      const response = await callback(await provider.signIn(authorizationUrl, user.email), flowCookie);
      expect(response.headers.location).toBe('/');
    }
  });
});

describe('single sign-on off or unreachable', () => {
  // The routes read the setting per request: the same app, switched (a second app costs half a minute on PGlite).
  async function withOidc(oidc: TestApp['deps']['settings']['oidc'], run: () => Promise<void>) {
    const kept = test.deps.settings.oidc;
    test.deps.settings.oidc = oidc;
    try {
      await run();
    } finally {
      test.deps.settings.oidc = kept;
    }
  }

  it('answers 404 when not configured, and says so in the session answer', () =>
    withOidc(null, async () => {
      expect((await test.app.inject({ method: 'GET', url: '/api/sso/start' })).statusCode).toBe(404);
      expect((await test.app.inject({ method: 'GET', url: '/api/sso/callback?code=x' })).statusCode).toBe(404);
      expect((await test.app.inject({ method: 'GET', url: '/api/session' })).json().singleSignOn).toBeNull();
    }));

  it('sends the browser back to the sign-in page when the provider cannot be reached', () =>
    withOidc(
      {
        issuer: new URL('http://127.0.0.1:9/'),
        clientId: 'x',
        clientSecret: 'y',
        redirectUrl: new URL(redirectUri),
        name: 'Down',
      },
      async () => {
        const response = await test.app.inject({ method: 'GET', url: '/api/sso/start' });
        expect(response.statusCode).toBe(302);
        expect(response.headers.location).toBe('/sign-in?sso=unavailable');
      },
    ));
});
