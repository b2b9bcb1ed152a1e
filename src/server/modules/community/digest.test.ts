import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { actForHubMember, makeHubMember, makeUser } from '../../../../tests/factories';
import type { Space, Thread } from '../../../shared/schemas/community';
import { sendHubDigests } from './digest.service';

// The daily digest job on a real hub (decision 037): one mail per person, with the posts of what
// they follow that others wrote, in their language; weekly ones on Mondays; nothing sent twice;
// nothing from a space they may no longer read.

let hub: TestApp;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
});
afterAll(() => hub?.close());

async function person(locale: 'en' | 'fr' | 'ar', role: 'member' | 'reader' = 'member') {
  const user = await makeUser(hub.handle.db, { role, locale });
  const client = await signInAs(hub.app, user.email);
  await client.request('GET', '/api/hub/community/me');
  await hub.handle.db.updateTable('hub_participants').set({ trusted: true }).where('user_id', '=', user.id).execute();
  return { user, client };
}

const setDigest = (client: Client, digest: string) =>
  client
    .request('GET', '/api/hub/community/me')
    .then((me) =>
      client.request('PUT', '/api/hub/community/me', { handle: (me.json() as { handle: string }).handle, digest }),
    );

async function thread(client: Client, spaceId: string, title: string, body: string): Promise<Thread> {
  const response = await client.request('POST', `/api/hub/community/spaces/${spaceId}/threads`, {
    kind: 'discussion',
    title,
    body,
    locale: 'en',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Thread;
}

const digestsTo = (userId: string) =>
  hub.handle.db
    .selectFrom('mail_outbox')
    .select(['subject'])
    .where('kind', '=', 'hub_digest')
    .where('recipient_user_id', '=', userId)
    .execute();

/** A Monday and a Tuesday far ahead, whose runs nothing else has claimed. */
const monday = '2031-06-02';
const tuesday = '2031-06-03';

describe('the community digest', () => {
  it('mails each person once, in their language, what others posted where they follow, and never twice', async () => {
    const author = await person('en');
    const daily = await person('en', 'reader');
    const weekly = await person('fr');
    const leaver = await person('ar');
    const quiet = await person('en');

    const spaces = (await author.client.request('GET', '/api/hub/community/spaces')).json() as Space[];
    const coordination = spaces.find((space) => space.theme === 'coordination') as Space;
    const information = spaces.find((space) => space.theme === 'information') as Space;
    const member = await makeHubMember(hub.handle.db, { country_code: 'MA' });
    const network = await hub.handle.db
      .insertInto('hub_networks')
      .values({ kind: 'language', name: 'Réseau francophone test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await hub.handle.db
      .insertInto('hub_network_members')
      .values({ network_id: network.id, member_id: member.id })
      .execute();
    await actForHubMember(hub.handle.db, member.id, author.user.id);
    await actForHubMember(hub.handle.db, member.id, leaver.user.id);
    const networkSpace = ((await leaver.client.request('GET', '/api/hub/community/spaces')).json() as Space[]).find(
      (space) => space.networkId === network.id,
    ) as Space;

    expect(
      (await daily.client.request('POST', '/api/hub/community/follows', { spaceId: coordination.id })).statusCode,
    ).toBe(200);
    expect(
      (await leaver.client.request('POST', '/api/hub/community/follows', { spaceId: networkSpace.id })).statusCode,
    ).toBe(200);
    expect(
      (await leaver.client.request('POST', '/api/hub/community/follows', { spaceId: coordination.id })).statusCode,
    ).toBe(200);
    await quiet.client.request('POST', '/api/hub/community/follows', { spaceId: coordination.id });
    await setDigest(quiet.client, 'off');
    await setDigest(weekly.client, 'weekly');

    const first = await thread(
      author.client,
      coordination.id,
      'Inter-ministerial committee rules',
      'Who chairs yours?',
    );
    const second = await thread(author.client, information.id, 'Tracking tool costs', 'What did yours cost?');
    await daily.client.request('POST', `/api/hub/community/threads/${first.id}/posts`, { body: 'My own reply' });
    await author.client.request('POST', `/api/hub/community/threads/${first.id}/posts`, {
      body: 'Ours is chaired by the foreign ministry.',
    });
    expect(
      (await weekly.client.request('POST', '/api/hub/community/follows', { threadId: second.id })).statusCode,
    ).toBe(200);
    await thread(author.client, networkSpace.id, 'Réunion du réseau', 'Ordre du jour');
    // The leaver stops acting for the member: the network's posts are no longer theirs to read.
    await hub.handle.db.deleteFrom('hub_member_people').where('user_id', '=', leaver.user.id).execute();

    const until = new Date(Date.now() + 1000);
    const tuesdayMails = await sendHubDigests(
      hub.deps,
      { id: 'test-tuesday', data: { day: tuesday }, attempt: 1, lastAttempt: false },
      until,
    );
    expect(await digestsTo(daily.user.id)).toHaveLength(1);
    expect(await digestsTo(weekly.user.id)).toHaveLength(0); // not on a Tuesday
    expect(await digestsTo(quiet.user.id)).toHaveLength(0);
    expect(await digestsTo(author.user.id)).toHaveLength(0); // only their own posts
    expect(tuesdayMails).toBe(2); // daily and leaver

    const dailyMail = await hub.waitForMail(daily.user.email);
    expect(dailyMail.subject).toBe('Your daily community digest: 2 new posts');
    expect(dailyMail.text).toContain('Inter-ministerial committee rules');
    expect(dailyMail.text).toContain('chaired by the foreign ministry');
    expect(dailyMail.text).not.toContain('My own reply');
    expect(dailyMail.text).not.toContain('Tracking tool costs');

    const leaverMail = await hub.waitForMail(leaver.user.email);
    expect(leaverMail.subject).toContain('ملخصك اليومي');
    expect(leaverMail.text).toContain('Inter-ministerial committee rules');
    expect(leaverMail.text).not.toContain('Réunion du réseau');

    // Monday: the weekly reader gets theirs, in French; the daily ones have nothing new.
    const mondayMails = await sendHubDigests(
      hub.deps,
      { id: 'test-monday', data: { day: monday }, attempt: 1, lastAttempt: false },
      new Date(until.getTime() + 1000),
    );
    expect(mondayMails).toBe(1);
    expect(await digestsTo(daily.user.id)).toHaveLength(1);
    const weeklyMail = await hub.waitForMail(weekly.user.email);
    expect(weeklyMail.subject).toBe('Votre résumé hebdomadaire de la communauté : 1 nouveau message');
    expect(weeklyMail.text).toContain('Tracking tool costs');
    expect(weeklyMail.text).not.toContain('Inter-ministerial');

    // The run scheduled the next day's.
    const runs = await hub.handle.db
      .selectFrom('hub_digest_runs')
      .select(['status'])
      .where('day', '=', '2031-06-04' as never)
      .execute();
    expect(runs).toEqual([{ status: 'scheduled' }]);
  });
});
