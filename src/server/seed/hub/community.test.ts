import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/app';
import { makeHubMember, makeUser } from '../../../../tests/factories';
import { seedEvents, seedHubCommunity, seedThreads } from './community';

// The demo community on a hub of factory-made members and accounts: every thread and event is
// written, names its source, is in the search, and shows on the public pages.

let hub: TestApp;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
});
afterAll(() => hub?.close());

describe('seedHubCommunity', () => {
  it('writes sourced threads and events, indexed and public', async () => {
    const db = hub.handle.db;
    const paraguay = await makeHubMember(db, { country_code: 'PY', name: 'SIMORE test mechanism' });
    const network = await db
      .insertInto('hub_networks')
      .values({ kind: 'international', name: 'International Network of NMIRFs' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const accountIdByRole = new Map<string, string>();
    for (const role of ['hub_admin', 'moderator', 'member', 'reader'] as const)
      accountIdByRole.set(role, (await makeUser(db, { role })).id);
    await seedHubCommunity(db, {
      memberIdByCountry: new Map([['PY', paraguay.id]]),
      networkIdByName: new Map([['International Network of NMIRFs', network.id]]),
      accountIdByRole,
    });

    const threads = await db.selectFrom('hub_threads').select(['id', 'title', 'source', 'accepted_post_id']).execute();
    expect(threads).toHaveLength(seedThreads.length + 1); // and one in the International Network's space
    expect(threads.every((thread) => thread.source && thread.source.length > 10)).toBe(true);
    expect(threads.filter((thread) => thread.accepted_post_id)).toHaveLength(1);
    const events = await db
      .selectFrom('hub_events')
      .select(['id', 'source', 'organiser_member_id', 'starts_at'])
      .orderBy('starts_at')
      .execute();
    expect(events).toHaveLength(seedEvents.length);
    expect(events.every((event) => event.source)).toBe(true);
    expect(events.find((event) => event.organiser_member_id === paraguay.id)?.starts_at.toISOString()).toBe(
      '2024-05-08T13:00:00.000Z',
    );
    const documents = await db.selectFrom('hub_documents').select(['kind']).execute();
    expect(documents.filter((row) => row.kind === 'thread')).toHaveLength(seedThreads.length);
    expect(documents.filter((row) => row.kind === 'event').length).toBeGreaterThanOrEqual(seedEvents.length * 3 - 1);

    const page = await hub.app.inject({ method: 'GET', url: `/hub/en/community/threads/${threads[0]?.id}` });
    expect(page.statusCode).toBe(200);
    const eventsPage = await hub.app.inject({ method: 'GET', url: '/hub/es/events' });
    expect(eventsPage.body).toContain('II Seminario Internacional');
  });
});
