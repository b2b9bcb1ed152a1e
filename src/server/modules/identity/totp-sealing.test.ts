import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, testEncryptionKey } from '../../../../tests/app';
import { makeUser, testPassword } from '../../../../tests/factories';
import { deriveEncryptionKey } from '../../env';
import { seal, UnsealError, unseal } from '../../lib/sealed';
import { codeFor, codeStep, enrol, passwordStep } from './totp.fixture';
import { EncryptionKeyError, sealTotpSecrets } from './totp-sealing';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const storedSecret = async (userId: string) =>
  (
    await test.handle.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_pending_secret'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
  ).totp_secret;

/** Password, then the code (or recovery code): the status of the second step. */
const signInWith = async (email: string, code: string) =>
  (await codeStep(test.app, await passwordStep(test.app, email), code)).statusCode;

describe('two-step secrets encrypted at rest', () => {
  it('stores the secret encrypted (AES-256-GCM), never as the base32 the app was given', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const { secret: pendingSecret } = (await client.request('POST', '/api/me/totp/setup')).json() as { secret: string };
    const pending = await test.handle.db
      .selectFrom('users')
      .select('totp_pending_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(pending.totp_pending_secret).toMatch(/^v1:/);
    expect(pending.totp_pending_secret).not.toContain(pendingSecret);
    await client.request('POST', '/api/me/totp/enable', { code: codeFor(pendingSecret) });
    const stored = await storedSecret(user.id);
    expect(stored).toMatch(/^v1:[\w-]+$/);
    expect(unseal(testEncryptionKey, stored ?? '')).toBe(pendingSecret);
    expect(await signInWith(user.email, codeFor(pendingSecret, 1))).toBe(200);
  });

  it('an altered value or another key fails loudly, never as a wrong code', () => {
    const sealed = seal(testEncryptionKey, 'JBSWY3DPEHPK3PXP');
    expect(() => unseal(deriveEncryptionKey('another-key-another-key-another-key'), sealed)).toThrow(UnsealError);
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => unseal(testEncryptionKey, altered)).toThrow(UnsealError);
    // Two seals of one secret differ (a fresh nonce each time).
    expect(seal(testEncryptionKey, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('encrypts plaintext secrets left from before at start-up, once, and they keep working', async () => {
    const user = await makeUser(test.handle.db);
    const plaintext = new OTPAuth.Secret({ size: 20 }).base32;
    await test.handle.db
      .updateTable('users')
      .set({ totp_secret: plaintext, totp_enabled_at: new Date(), totp_pending_secret: plaintext })
      .where('id', '=', user.id)
      .execute();
    expect(await sealTotpSecrets(test.handle.db, testEncryptionKey)).toEqual({ sealed: 1 });
    const stored = await storedSecret(user.id);
    expect(stored).toMatch(/^v1:/);
    expect(unseal(testEncryptionKey, stored ?? '')).toBe(plaintext);
    expect(await sealTotpSecrets(test.handle.db, testEncryptionKey)).toEqual({ sealed: 0 });
    expect(await signInWith(user.email, codeFor(plaintext))).toBe(200);
  });

  it('refuses to start with a key that does not open the stored secrets, naming the setting', async () => {
    const user = await makeUser(test.handle.db);
    await enrol(await signInAs(test.app, user.email));
    const wrongKey = deriveEncryptionKey('not-the-key-these-were-sealed-with!!');
    const attempt = sealTotpSecrets(test.handle.db, wrongKey);
    await expect(attempt).rejects.toThrow(EncryptionKeyError);
    await expect(sealTotpSecrets(test.handle.db, wrongKey)).rejects.toThrow(/^ENCRYPTION_KEY does not open/);
    // Nothing was changed by the refused start.
    expect(unseal(testEncryptionKey, (await storedSecret(user.id)) ?? '')).toBeTruthy();
  });
});

describe('new recovery codes', () => {
  it('replaces all codes on the password or a current code; the old ones stop working; audited', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const { secret, recoveryCodes: old } = await enrol(client);
    const byPassword = await client.request('POST', '/api/me/totp/recovery-codes', { password: testPassword });
    expect(byPassword.statusCode).toBe(200);
    const fresh = byPassword.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => old.includes(code))).toBe(false);
    expect(await signInWith(user.email, old[0] ?? '')).toBe(401);
    expect(await signInWith(user.email, fresh[0] ?? '')).toBe(200);
    const byCode = await client.request('POST', '/api/me/totp/recovery-codes', { code: codeFor(secret, 1) });
    expect(byCode.statusCode).toBe(200);
    expect(await signInWith(user.email, fresh[1] ?? '')).toBe(401);
    expect((await client.request('GET', '/api/me/totp')).json()).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('after')
      .where('record_id', '=', user.id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.after)).toEqual(
      expect.arrayContaining([
        { recoveryCodes: 'regenerated', proof: 'password' },
        { recoveryCodes: 'regenerated', proof: 'totp' },
      ]),
    );
  });

  it('refuses without proof, with a wrong one, a code already used, or when two-step sign-in is off', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    expect((await client.request('POST', '/api/me/totp/recovery-codes', { password: testPassword })).statusCode).toBe(
      409,
    );
    const { firstCode, recoveryCodes } = await enrol(client);
    expect((await client.request('POST', '/api/me/totp/recovery-codes', {})).statusCode).toBe(400);
    expect(
      (await client.request('POST', '/api/me/totp/recovery-codes', { password: 'wrong password' })).statusCode,
    ).toBe(401);
    // The code that turned it on is spent.
    expect((await client.request('POST', '/api/me/totp/recovery-codes', { code: firstCode })).statusCode).toBe(401);
    // Nothing changed: the first codes still work.
    expect(await signInWith(user.email, recoveryCodes[0] ?? '')).toBe(200);
  });
});

describe('users list', () => {
  it('tells whose two-step sign-in is on, and audits of a user never carry the secret', async () => {
    const admin = await makeUser(test.handle.db, { role: 'admin' });
    const withTotp = await makeUser(test.handle.db, { name: 'Totp Person' });
    const without = await makeUser(test.handle.db, { name: 'Plain Person' });
    const { secret } = await enrol(await signInAs(test.app, withTotp.email));
    const adminClient = await signInAs(test.app, admin.email);
    const list = (await adminClient.request('GET', '/api/admin/users?pageSize=100')).json() as {
      items: { id: string; secondFactor: boolean; version: number }[];
    };
    expect(list.items.find((item) => item.id === withTotp.id)?.secondFactor).toBe(true);
    expect(list.items.find((item) => item.id === without.id)?.secondFactor).toBe(false);
    const target = list.items.find((item) => item.id === withTotp.id);
    await adminClient.request('PATCH', `/api/admin/users/${withTotp.id}`, { role: 'viewer', version: target?.version });
    const audits = await test.handle.db
      .selectFrom('audit_events')
      .select(['before', 'after'])
      .where('record_id', '=', withTotp.id)
      .execute();
    const text = JSON.stringify(audits);
    expect(text).not.toContain('totp_secret');
    expect(text).not.toContain(secret);
    await adminClient.request('DELETE', `/api/admin/users/${withTotp.id}/totp`);
    const after = (await adminClient.request('GET', '/api/admin/users?pageSize=100')).json() as typeof list;
    expect(after.items.find((item) => item.id === withTotp.id)?.secondFactor).toBe(false);
  });
});
