import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

async function invitationToken(email: string): Promise<string> {
  const mail = await test.waitForMail(email);
  const match = /accept-invitation\?token=([\w-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no invitation to ${email}`);
  return match[1];
}

describe('invitations', () => {
  it('an admin invites by e-mail; the invitee follows the link, names a password and is signed in', async () => {
    const admin = await signInNew(test, 'admin');
    const email = 'new.focal.point@test.implementa.example';
    const created = await admin.request('POST', '/api/admin/invitations', {
      email,
      name: 'Nouvelle Personne',
      role: 'focal_point',
      organisation: 'Ministry of Health',
      locale: 'fr',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email, role: 'focal_point', status: 'pending' });
    const mail = await test.waitForMail(email);
    expect(mail.text).toContain('http://implementa.test/accept-invitation?token=');

    const english = await signInNew(test, 'admin');
    await english.request('POST', '/api/admin/invitations', {
      email: 'en.person@test.implementa.example',
      name: 'English Person',
      role: 'viewer',
      locale: 'en',
    });
    const englishMail = await test.waitForMail('en.person@test.implementa.example');
    expect(mail.subject).not.toBe(englishMail.subject);

    const token = await invitationToken(email);
    const inspected = await test.app.inject({ method: 'POST', url: '/api/invitations/inspect', payload: { token } });
    expect(inspected.json()).toMatchObject({ email, name: 'Nouvelle Personne', role: 'focal_point', locale: 'fr' });
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Nouvelle Personne', password: 'une phrase de passe longue' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email, role: 'focal_point', locale: 'fr' });
    await signInAs(test.app, email, 'une phrase de passe longue');

    const reused = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Someone Else', password: 'another long passphrase' },
    });
    expect(reused.json().error.code).toBe('TOKEN_USED');
    const inspectedAgain = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/inspect',
      payload: { token },
    });
    expect(inspectedAgain.json().error.code).toBe('TOKEN_USED');
    const list = await admin.request('GET', `/api/admin/invitations?status=accepted`);
    expect(list.json().items.map((item: { email: string }) => item.email)).toContain(email);
  });

  it('refuses an address already in use', async () => {
    const admin = await signInNew(test, 'admin');
    const existing = await makeUser(test.handle.db);
    const response = await admin.request('POST', '/api/admin/invitations', {
      email: existing.email,
      name: 'Dup',
      role: 'viewer',
      locale: 'en',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('a revoked invitation link no longer works', async () => {
    const coordinator = await signInNew(test, 'coordinator');
    const email = 'revoked.person@test.implementa.example';
    const created = await coordinator.request('POST', '/api/admin/invitations', {
      email,
      name: 'Revoked',
      role: 'contributor',
      locale: 'en',
    });
    expect(created.statusCode).toBe(201);
    expect((await coordinator.request('DELETE', `/api/admin/invitations/${created.json().id}`)).statusCode).toBe(200);
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: await invitationToken(email), name: 'Revoked', password: 'long enough passphrase' },
    });
    expect(accepted.json().error.code).toBe('TOKEN_INVALID');
  });

  it('a coordinator cannot invite an admin; nothing is stored', async () => {
    const coordinator = await signInNew(test, 'coordinator');
    const response = await coordinator.request('POST', '/api/admin/invitations', {
      email: 'would.be.admin@test.implementa.example',
      name: 'Would Be',
      role: 'admin',
      locale: 'en',
    });
    expect(response.statusCode).toBe(403);
    const stored = await test.handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'would.be.admin@test.implementa.example')
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it('queues the mail with the invitation, for the invitee’s account (sending and retries: outbox.test.ts)', async () => {
    const admin = await signInNew(test, 'admin');
    const created = await admin.request('POST', '/api/admin/invitations', {
      email: 'queued@test.implementa.example',
      name: 'Queued',
      role: 'viewer',
      locale: 'en',
    });
    expect(created.statusCode).toBe(201);
    const queued = await test.handle.db
      .selectFrom('mail_outbox')
      .select(['kind', 'recipient_user_id'])
      .where('to_address', '=', 'queued@test.implementa.example')
      .execute();
    expect(queued).toEqual([{ kind: 'invitation', recipient_user_id: created.json().userId }]);
  });
});

describe('user administration', () => {
  it('an admin changes a role; the audit keeps before and after; a stale version gets 409', async () => {
    const admin = await signInNew(test, 'admin');
    const target = await makeUser(test.handle.db, { role: 'viewer' });
    const changed = await admin.request('PATCH', `/api/admin/users/${target.id}`, {
      role: 'validator',
      version: target.version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'validator', version: target.version + 1 });

    const audit = await admin.request(
      'GET',
      `/api/admin/audit?recordType=user&recordId=${target.id}&action=role_change`,
    );
    expect(audit.json().total).toBe(1);
    const event = audit.json().items[0];
    expect(event.before.role).toBe('viewer');
    expect(event.after.role).toBe('validator');
    expect(event.actorId).toBe(admin.userId);
    expect(JSON.stringify(event)).not.toContain('argon2');

    const stale = await admin.request('PATCH', `/api/admin/users/${target.id}`, {
      role: 'coordinator',
      version: target.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const stored = await test.handle.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(stored.role).toBe('validator');
  });

  it('answers 404 for an id that does not exist and 400 for one that is not an id', async () => {
    const admin = await signInNew(test, 'admin');
    const missing = await admin.request('PATCH', '/api/admin/users/00000000-0000-4000-8000-000000000000', {
      role: 'viewer',
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const malformed = await admin.request('PATCH', '/api/admin/users/42', { role: 'viewer', version: 1 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toBe('id');
  });

  it('disabling a person ends their sessions', async () => {
    const admin = await signInNew(test, 'admin');
    const target = await makeUser(test.handle.db, { role: 'contributor' });
    const session = await signInAs(test.app, target.email);
    const response = await admin.request('PATCH', `/api/admin/users/${target.id}`, {
      status: 'disabled',
      version: target.version,
    });
    expect(response.statusCode).toBe(200);
    const check = await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
    expect(check.json().user).toBeNull();
  });

  it('lists people paged and filtered on the server', async () => {
    const admin = await signInNew(test, 'admin');
    for (let i = 0; i < 3; i++) await makeUser(test.handle.db, { role: 'stakeholder', name: `Ombuds Person ${i}` });
    const page = await admin.request('GET', '/api/admin/users?role=stakeholder&q=ombuds&pageSize=2&page=2');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json().items).toHaveLength(1);
  });

  it('other roles are refused with a translated FORBIDDEN', async () => {
    for (const role of ['focal_point', 'validator', 'contributor', 'stakeholder', 'viewer'] as const) {
      const client = await signInNew(test, role);
      const response = await client.request('GET', '/api/admin/users');
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(anonymous.statusCode).toBe(401);
  });
});
