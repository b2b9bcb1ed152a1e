import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { makeUser } from '../../../../tests/factories';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('the audit trail', () => {
  it('records each write with who, what and when, filterable and paged', async () => {
    const admin = await signInNew(test, 'admin');
    const target = await makeUser(test.handle.db);
    await admin.request('PATCH', `/api/admin/users/${target.id}`, { role: 'contributor', version: target.version });
    await admin.request('PATCH', `/api/admin/users/${target.id}`, { status: 'disabled', version: target.version + 1 });

    const all = (await admin.request('GET', `/api/admin/audit?recordId=${target.id}`)).json();
    expect(all.items.map((event: { action: string }) => event.action)).toEqual(['update', 'role_change']);
    expect(all.items[0].before.status).toBe('active');
    expect(all.items[0].after.status).toBe('disabled');

    const mine = (await admin.request('GET', `/api/admin/audit?actorId=${admin.userId}&pageSize=1`)).json();
    expect(mine.total).toBe(3); // sign-in and the two updates
    expect(mine.items).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    const dated = (
      await admin.request('GET', `/api/admin/audit?actorId=${admin.userId}&from=${today}&to=${today}`)
    ).json();
    expect(dated.total).toBe(3);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = (await admin.request('GET', `/api/admin/audit?actorId=${admin.userId}&from=${tomorrow}`)).json();
    expect(future.total).toBe(0);
  });

  it('a failed write appends nothing', async () => {
    const admin = await signInNew(test, 'admin');
    const target = await makeUser(test.handle.db);
    const before = (await admin.request('GET', `/api/admin/audit?recordId=${target.id}`)).json().total;
    const stale = await admin.request('PATCH', `/api/admin/users/${target.id}`, {
      role: 'admin',
      version: target.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect((await admin.request('GET', `/api/admin/audit?recordId=${target.id}`)).json().total).toBe(before);
  });

  it('shows each person their own recent activity', async () => {
    const viewer = await signInNew(test, 'viewer');
    const activity = (await viewer.request('GET', '/api/me/activity')).json();
    expect(activity.items[0]).toMatchObject({ action: 'sign_in', actorId: viewer.userId });
    expect((await viewer.request('GET', '/api/admin/audit')).statusCode).toBe(403);
  });
});
