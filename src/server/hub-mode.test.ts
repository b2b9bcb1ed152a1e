import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../tests/app';

// A hub (INSTANCE_MODE=hub, decision 034) serves accounts, audit, outbox and API tokens, and none
// of a national instance's modules; its accounts are hub accounts only.

let hub: TestApp;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
});
afterAll(() => hub.close());

describe('a knowledge hub', () => {
  it('serves no national module', async () => {
    const admin = await signInNew(hub, 'hub_admin');
    for (const url of ['/api/recommendations', '/api/entities', '/api/reports', '/public/en/']) {
      expect((await admin.request('GET', url)).statusCode, url).toBe(404);
    }
    expect((await admin.request('GET', '/api/admin/users')).statusCode).toBe(200);
  });

  it('invites hub accounts and refuses a national role', async () => {
    const admin = await signInNew(hub, 'hub_admin');
    const national = await admin.request('POST', '/api/admin/invitations', {
      email: 'focal.point@ministry.example',
      name: 'A focal point',
      role: 'focal_point',
      locale: 'en',
    });
    expect(national.statusCode).toBe(403);
    const reader = await admin.request('POST', '/api/admin/invitations', {
      email: 'reader@nhri.example',
      name: 'A reader',
      role: 'reader',
      locale: 'fr',
    });
    expect(reader.statusCode).toBe(201);
  });
});
