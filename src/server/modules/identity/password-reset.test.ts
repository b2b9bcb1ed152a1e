import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeUser, testPassword } from '../../../../tests/factories';
import { hashToken } from '../../lib/secrets';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

function tokenFromMail(text: string): string {
  const match = /reset-password\?token=([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
  return match[1];
}

describe('password reset by e-mail link', () => {
  it('mails a link in the person’s language; the link sets a new password once and ends old sessions', async () => {
    const user = await makeUser(test.handle.db, { locale: 'es' });
    const oldSession = await signInAs(test.app, user.email);
    const requested = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets',
      payload: { email: user.email },
    });
    expect(requested.statusCode).toBe(202);
    const mail = await test.waitForMail(user.email);
    expect(mail.text).toContain('http://implementa.test/reset-password?token=');
    expect(mail.subject).not.toMatch(/^mail\./);
    const token = tokenFromMail(mail.text);

    const newPassword = 'a brand new passphrase';
    const done = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets/complete',
      payload: { token, password: newPassword },
    });
    expect(done.statusCode).toBe(200);
    const old = await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: oldSession.cookie } });
    expect(old.json().user).toBeNull();
    await signInAs(test.app, user.email, newPassword);

    const reused = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets/complete',
      payload: { token, password: 'yet another passphrase' },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('TOKEN_USED');
    await signInAs(test.app, user.email, newPassword);
  });

  it('refuses an expired link and changes nothing', async () => {
    const user = await makeUser(test.handle.db);
    await test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: user.email } });
    const token = tokenFromMail((await test.waitForMail(user.email)).text);
    await test.handle.db
      .updateTable('user_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(token))
      .execute();
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets/complete',
      payload: { token, password: 'expired link passphrase' },
    });
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe('TOKEN_EXPIRED');
    await signInAs(test.app, user.email, testPassword);
  });

  it('refuses a made-up link', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets/complete',
      payload: { token: 'x'.repeat(43), password: 'some long passphrase' },
    });
    expect(response.json().error.code).toBe('TOKEN_INVALID');
  });

  it('says the same for an unknown address and sends nothing', async () => {
    const before = test.inbox.length;
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets',
      payload: { email: 'ghost@test.implementa.example' },
    });
    expect(response.statusCode).toBe(202);
    const queued = await test.handle.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', 'ghost@test.implementa.example')
      .execute();
    expect(queued).toEqual([]);
    expect(test.inbox.length).toBe(before);
  });

  it('refuses a short password, naming the field', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/password-resets/complete',
      payload: { token: 'y'.repeat(43), password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('password');
  });
});
