import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import {
  coordinator,
  createCall,
  entity,
  type Person,
  people,
  rec,
  send,
  setUpMiniatureState,
  test,
} from '../calls/calls.fixture';

// The miniature State of the calls tests: Labour (M1) has no validator, Education (M2) has one.
setUpMiniatureState();

const who = (name: string) => (people[name] as Person).client;
const waiting = async (client: Client) => {
  const response = await client.request('GET', '/api/me/waiting');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { inbox: number | null; toValidate: number | null };
};

describe('what waits for me (the navigation counts)', () => {
  it('counts open calls in my entities inboxes and the updates waiting for my step, null where I have no such list', async () => {
    expect(await waiting(coordinator)).toEqual({ inbox: null, toValidate: 0 });
    expect(await waiting(who('labour main'))).toEqual({ inbox: 0, toValidate: null });
    expect(await waiting(who('viewer'))).toEqual({ inbox: null, toValidate: null });

    await send(await createCall({ title: 'Labour follow-up', recommendationIds: [rec.A], allAssigned: true }));
    expect((await waiting(who('labour main'))).inbox).toBe(1);
    expect((await waiting(who('region main'))).inbox).toBe(0);

    const created = await who('labour main').request('POST', '/api/progress-updates', {
      recommendationId: rec.A,
      entityId: entity.M1,
      narrative: '<p>A labour inspection law was passed.</p>',
      proposedStatus: 'in_progress',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    // A draft waits for no one but its writer.
    expect((await waiting(coordinator)).toValidate).toBe(0);
    const { id, version } = created.json() as { id: string; version: number };
    const submitted = await who('labour main').request('POST', `/api/progress-updates/${id}/submit`, { version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await waiting(coordinator)).toValidate).toBe(1);
  });

  it('answers 401 to someone signed out', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/me/waiting' })).statusCode).toBe(401);
  });
});
