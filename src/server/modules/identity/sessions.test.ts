import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const sessionUser = async (cookie: string) =>
  (await test.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json().user;

async function auditOf(recordId: string) {
  return test.handle.db
    .selectFrom('audit_events')
    .select(['actor_id', 'before', 'after'])
    .where('action', '=', 'session_revoked')
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

describe('my sessions', () => {
  it('lists where I am signed in, with user agent and address, this one marked current', async () => {
    const user = await makeUser(test.handle.db);
    await test.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: 'correct horse battery staple' },
      headers: { 'user-agent': 'Firefox on the office laptop' },
      remoteAddress: '127.0.0.1',
    });
    const phone = await signInAs(test.app, user.email);
    const listed = await phone.request('GET', '/api/me/sessions');
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['cache-control']).toBe('no-store');
    const sessions = listed.json() as { id: string; current: boolean; userAgent: string | null; ip: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.find((session) => !session.current)?.userAgent).toBe('Firefox on the office laptop');
    expect(sessions.every((session) => session.ip === '127.0.0.1')).toBe(true);
    // The list never shows the stored key of a session (the hash of its cookie).
    expect(listed.body).not.toMatch(/[0-9a-f]{64}/);
  });

  it('revokes one session: its cookie stops working, the others go on, and it is audited', async () => {
    const user = await makeUser(test.handle.db);
    const laptop = await signInAs(test.app, user.email);
    const phone = await signInAs(test.app, user.email);
    const sessions = (await phone.request('GET', '/api/me/sessions')).json() as { id: string; current: boolean }[];
    const other = sessions.find((session) => !session.current);
    expect(other).toBeDefined();
    const revoked = await phone.request('DELETE', `/api/me/sessions/${other?.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(await sessionUser(laptop.cookie)).toBeNull();
    expect((await sessionUser(phone.cookie)).id).toBe(user.id);
    const audit = await auditOf(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ id: other?.id });
    // Someone else's session id is not mine to end.
    const stranger = await signInNew(test, 'coordinator');
    const foreign = await stranger.request('DELETE', `/api/me/sessions/${sessions.find((s) => s.current)?.id}`);
    expect(foreign.statusCode).toBe(404);
    expect((await sessionUser(phone.cookie)).id).toBe(user.id);
  });

  it('signs out everywhere else, keeping this session', async () => {
    const user = await makeUser(test.handle.db);
    const others = [await signInAs(test.app, user.email), await signInAs(test.app, user.email)];
    const here = await signInAs(test.app, user.email);
    const response = await here.request('DELETE', '/api/me/sessions');
    expect(response.json()).toEqual({ revoked: 2 });
    for (const other of others) expect(await sessionUser(other.cookie)).toBeNull();
    expect((await sessionUser(here.cookie)).id).toBe(user.id);
    expect((await here.request('GET', '/api/me/sessions')).json()).toHaveLength(1);
  });

  it('records when a session was last used, at most every few minutes', async () => {
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await test.handle.db
      .updateTable('sessions')
      .set({ last_seen_at: hourAgo })
      .where('user_id', '=', user.id)
      .execute();
    await client.request('GET', '/api/session');
    const [session] = (await client.request('GET', '/api/me/sessions')).json() as { lastSeenAt: string }[];
    expect(Date.parse(session?.lastSeenAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('needs a session and the CSRF token', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/me/sessions' })).statusCode).toBe(401);
    const user = await makeUser(test.handle.db);
    const client = await signInAs(test.app, user.email);
    const forged = await test.app.inject({
      method: 'DELETE',
      url: '/api/me/sessions',
      headers: { cookie: client.cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect((await sessionUser(client.cookie)).id).toBe(user.id);
  });
});

describe("an administrator and someone else's sessions", () => {
  it('lists and ends them all, audited as the administrator; others may not', async () => {
    const user = await makeUser(test.handle.db);
    const device = await signInAs(test.app, user.email);
    const admin = await signInNew(test, 'admin');
    const listed = await admin.request('GET', `/api/admin/users/${user.id}/sessions`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toHaveLength(1);

    const coordinator = await signInNew(test, 'coordinator');
    expect((await coordinator.request('GET', `/api/admin/users/${user.id}/sessions`)).statusCode).toBe(403);
    expect((await coordinator.request('DELETE', `/api/admin/users/${user.id}/sessions`)).statusCode).toBe(403);
    expect((await sessionUser(device.cookie)).id).toBe(user.id);

    const ended = await admin.request('DELETE', `/api/admin/users/${user.id}/sessions`);
    expect(ended.json()).toEqual({ revoked: 1 });
    expect(await sessionUser(device.cookie)).toBeNull();
    const audit = await auditOf(user.id);
    expect(audit.map((event) => event.actor_id)).toEqual([admin.userId]);
  });
});
