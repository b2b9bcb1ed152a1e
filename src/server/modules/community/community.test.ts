import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { actForHubMember, makeHubMember, makeUser } from '../../../../tests/factories';
import type { Space, Thread } from '../../../shared/schemas/community';
import type { Role } from '../../../shared/schemas/identity';
import { postingLimit } from './community.rules';

// The community of practice on a real hub (decision 037): spaces, threads, replies, questions,
// mentions, reports, hiding, bans, the posting limit, the search table in step, the 404 rule.

let hub: TestApp;
let moderator: Client;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
  moderator = await signInNew(hub, 'moderator');
});
afterAll(() => hub?.close());

/** A member account already trusted (one post approved), so its posts are not held. */
async function trustedMember(options: { name?: string; role?: Role; locale?: 'en' | 'fr' | 'ar' } = {}) {
  const user = await makeUser(hub.handle.db, {
    role: options.role ?? 'member',
    ...(options.name ? { name: options.name } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const client = await signInAs(hub.app, user.email);
  const me = (await client.request('GET', '/api/hub/community/me')).json() as { handle: string };
  await hub.handle.db.updateTable('hub_participants').set({ trusted: true }).where('user_id', '=', user.id).execute();
  return { user, client, handle: me.handle };
}

async function themeSpace(client: Client, theme = 'coordination'): Promise<Space> {
  const spaces = (await client.request('GET', '/api/hub/community/spaces')).json() as Space[];
  const space = spaces.find((candidate) => candidate.theme === theme);
  if (!space) throw new Error(`no space for ${theme}`);
  return space;
}

async function newThread(
  client: Client,
  spaceId: string,
  body: Partial<{ kind: string; title: string; body: string }> = {},
) {
  const response = await client.request('POST', `/api/hub/community/spaces/${spaceId}/threads`, {
    kind: 'discussion',
    title: 'How do you consult local governments?',
    body: 'Our mechanism meets municipalities twice a year.',
    locale: 'en',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Thread;
}

const documentsOf = (refId: string) =>
  hub.handle.db
    .selectFrom('hub_documents')
    .select(['kind', 'visibility', 'title', 'body'])
    .where('ref_id', '=', refId)
    .execute();

describe('spaces', () => {
  it('are made for the eight themes and for each network, a network added later included', async () => {
    const reader = await signInNew(hub, 'reader');
    const before = (await reader.request('GET', '/api/hub/community/spaces')).json() as Space[];
    expect(before.filter((space) => space.kind === 'theme')).toHaveLength(8);
    const network = await hub.handle.db
      .insertInto('hub_networks')
      .values({ kind: 'regional', name: `Network ${Date.now()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const all = (await moderator.request('GET', '/api/hub/community/spaces')).json() as Space[];
    expect(all.some((space) => space.networkId === network.id)).toBe(true);
    // A reader acting for no member of it does not see the network's space.
    const readers = (await reader.request('GET', '/api/hub/community/spaces')).json() as Space[];
    expect(readers.some((space) => space.networkId === network.id)).toBe(false);
  });

  it('refuses a national account and lets the public read theme spaces only', async () => {
    const anonymous = await hub.app.inject({ method: 'GET', url: '/api/hub/community/spaces' });
    expect(anonymous.statusCode).toBe(200);
    expect((anonymous.json() as Space[]).every((space) => space.kind === 'theme')).toBe(true);
  });
});

describe('threads, replies and questions', () => {
  it('posts a thread and a reply, renders them safely, keeps the search in step', async () => {
    const { client } = await trustedMember();
    const space = await themeSpace(client);
    const thread = await newThread(client, space.id, {
      body: 'See **this** <script>alert(1)</script> [guide](javascript:alert(1)) https://www.ohchr.org',
    });
    const opening = thread.posts[0];
    expect(opening?.html).toContain('<strong>this</strong>');
    expect(opening?.html).toContain('&lt;script&gt;');
    expect(opening?.html).not.toContain('<script');
    expect(opening?.html).not.toContain('href="javascript');
    expect(opening?.html).toContain('href="https://www.ohchr.org"');
    expect(await documentsOf(thread.id)).toEqual([
      expect.objectContaining({ kind: 'thread', visibility: 'public', title: thread.title }),
    ]);

    const other = await trustedMember();
    const replied = await other.client.request('POST', `/api/hub/community/threads/${thread.id}/posts`, {
      body: 'We hold quarterly calls with the association of municipalities.',
    });
    expect(replied.statusCode, replied.body).toBe(201);
    const after = replied.json() as Thread;
    expect(after.replyCount).toBe(1);
    expect(after.posts).toHaveLength(2);
    expect((await documentsOf(thread.id))[0]?.body).toContain('quarterly calls');
  });

  it('lets a question’s author accept one answer, shown first and marked; others may not', async () => {
    const asker = await trustedMember();
    const space = await themeSpace(asker.client, 'information');
    const question = await newThread(asker.client, space.id, { kind: 'question', title: 'Which tracking tool?' });
    const first = await trustedMember();
    const second = await trustedMember();
    await first.client.request('POST', `/api/hub/community/threads/${question.id}/posts`, { body: 'SIMORE Plus.' });
    const withSecond = (
      await second.client.request('POST', `/api/hub/community/threads/${question.id}/posts`, { body: 'IMPACT OSS.' })
    ).json() as Thread;
    const answer = withSecond.posts.find((post) => post.body === 'IMPACT OSS.');
    expect(
      (await first.client.request('PUT', `/api/hub/community/threads/${question.id}/accepted`, { postId: answer?.id }))
        .statusCode,
    ).toBe(403);
    const accepted = await asker.client.request('PUT', `/api/hub/community/threads/${question.id}/accepted`, {
      postId: answer?.id,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const thread = accepted.json() as Thread;
    expect(thread.answered).toBe(true);
    expect(thread.posts[1]).toMatchObject({ id: answer?.id, accepted: true });
    expect(thread.posts.filter((post) => post.accepted)).toHaveLength(1);
    // The opening post is no answer.
    const opening = thread.posts[0]?.id;
    expect(
      (await asker.client.request('PUT', `/api/hub/community/threads/${question.id}/accepted`, { postId: opening }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a reader posting and hides a network space from non-members as a missing id', async () => {
    const reader = await signInNew(hub, 'reader');
    const space = await themeSpace(reader);
    const refused = await reader.request('POST', `/api/hub/community/spaces/${space.id}/threads`, {
      kind: 'discussion',
      title: 'x',
      body: 'y',
      locale: 'en',
    });
    expect(refused.statusCode).toBe(403);

    const member = await makeHubMember(hub.handle.db, { country_code: 'PY' });
    const network = await hub.handle.db
      .insertInto('hub_networks')
      .values({ kind: 'language', name: `Red ${Date.now()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await hub.handle.db
      .insertInto('hub_network_members')
      .values({ network_id: network.id, member_id: member.id })
      .execute();
    const insider = await trustedMember();
    await actForHubMember(hub.handle.db, member.id, insider.user.id);
    const spaces = (await insider.client.request('GET', '/api/hub/community/spaces')).json() as Space[];
    const networkSpace = spaces.find((candidate) => candidate.networkId === network.id);
    expect(networkSpace?.canPost).toBe(true);
    const thread = await newThread(insider.client, networkSpace?.id ?? '', { title: 'Members only' });
    expect(await documentsOf(thread.id)).toEqual([]);
    const outsider = await trustedMember();
    const missing = await outsider.client.request(
      'GET',
      `/api/hub/community/threads/00000000-0000-4000-8000-000000000000`,
    );
    const hidden = await outsider.client.request('GET', `/api/hub/community/threads/${thread.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const page = await hub.app.inject({ method: 'GET', url: `/hub/en/community/threads/${thread.id}` });
    const missingPage = await hub.app.inject({
      method: 'GET',
      url: '/hub/en/community/threads/00000000-0000-4000-8000-000000000000',
    });
    expect(page.statusCode).toBe(404);
    expect(page.body.replaceAll(thread.id, 'ID')).toBe(
      missingPage.body.replaceAll('00000000-0000-4000-8000-000000000000', 'ID'),
    );
  });
});

describe('mentions', () => {
  it('mails the person mentioned, in their language, in the same transaction as the post', async () => {
    const mentioned = await trustedMember({ name: 'Amina Diallo', locale: 'fr' });
    const { client } = await trustedMember({ name: 'Jorge Pérez' });
    const space = await themeSpace(client, 'engagement_lrg');
    const thread = await newThread(client, space.id, { body: `@${mentioned.handle}, how does your network do it?` });
    const mails = await hub.handle.db
      .selectFrom('mail_outbox')
      .select(['kind', 'to_address', 'subject'])
      .where('recipient_user_id', '=', mentioned.user.id)
      .execute();
    expect(mails).toEqual([expect.objectContaining({ kind: 'hub_mention', to_address: mentioned.user.email })]);
    const delivered = await hub.waitForMail(mentioned.user.email);
    expect(delivered.text).toContain('Jorge Pérez');
    expect(delivered.text).toContain(`/community/threads/${thread.id}`);
    expect(delivered.subject).toBe(`Jorge Pérez vous a mentionné·e dans « ${thread.title} »`);
    // Saying it again in a reply mails them again for that reply; the author mentioning themselves does not.
    await client.request('POST', `/api/hub/community/threads/${thread.id}/posts`, {
      body: `Thanks @${mentioned.handle}`,
    });
    const count = await hub.handle.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<string>().as('c'))
      .where('recipient_user_id', '=', mentioned.user.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.c)).toBe(2);
  });
});

describe('moderation', () => {
  it('holds a new account’s first post until a moderator approves it, then trusts the account', async () => {
    const user = await makeUser(hub.handle.db, { role: 'member' });
    const client = await signInAs(hub.app, user.email);
    const space = await themeSpace(client, 'linkage');
    const thread = await newThread(client, space.id, { title: 'SDG and human rights follow-up together?' });
    expect(thread.status).toBe('held');
    expect(await documentsOf(thread.id)).toEqual([]);
    const other = await trustedMember();
    expect((await other.client.request('GET', `/api/hub/community/threads/${thread.id}`)).statusCode).toBe(404);
    const queue = (await moderator.request('GET', '/api/hub/community/moderation?queue=held')).json() as {
      items: { postId: string; threadId: string }[];
    };
    const held = queue.items.find((item) => item.threadId === thread.id);
    expect(held).toBeDefined();
    const approved = await moderator.request('POST', `/api/hub/community/posts/${held?.postId}/moderation`, {
      action: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await other.client.request('GET', `/api/hub/community/threads/${thread.id}`)).statusCode).toBe(200);
    expect(await documentsOf(thread.id)).toHaveLength(1);
    const next = await newThread(client, space.id, { title: 'A second one' });
    expect(next.status).toBe('visible');
  });

  it('takes a report, hides the post for others (not for moderators), unhides it, all audited', async () => {
    const author = await trustedMember();
    const space = await themeSpace(author.client, 'mandate');
    const thread = await newThread(author.client, space.id, { title: 'Buy cheap watches' });
    const opening = thread.posts[0]?.id ?? '';
    const reporter = await signInNew(hub, 'reader');
    const reported = await reporter.request('POST', `/api/hub/community/posts/${opening}/reports`, {
      reason: 'spam',
      note: 'advert',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect((await author.client.request('GET', '/api/hub/community/moderation')).statusCode).toBe(403);
    const queue = (await moderator.request('GET', '/api/hub/community/moderation?queue=reported')).json() as {
      items: { postId: string; reports: { reason: string }[] }[];
    };
    expect(queue.items.find((item) => item.postId === opening)?.reports).toEqual([
      expect.objectContaining({ reason: 'spam' }),
    ]);

    const hide = await moderator.request('POST', `/api/hub/community/posts/${opening}/moderation`, {
      action: 'hide',
      reason: 'spam',
    });
    expect(hide.statusCode, hide.body).toBe(200);
    expect((await reporter.request('GET', `/api/hub/community/threads/${thread.id}`)).statusCode).toBe(404);
    expect((await moderator.request('GET', `/api/hub/community/threads/${thread.id}`)).json()).toMatchObject({
      status: 'hidden',
    });
    expect(await documentsOf(thread.id)).toEqual([]);
    expect((await hub.app.inject({ method: 'GET', url: `/hub/en/community/threads/${thread.id}` })).statusCode).toBe(
      404,
    );
    const reportsLeft = (await moderator.request('GET', '/api/hub/community/moderation?queue=reported')).json() as {
      items: { postId: string }[];
    };
    expect(reportsLeft.items.some((item) => item.postId === opening)).toBe(false);

    await moderator.request('POST', `/api/hub/community/posts/${opening}/moderation`, { action: 'unhide' });
    expect((await reporter.request('GET', `/api/hub/community/threads/${thread.id}`)).statusCode).toBe(200);
    expect(await documentsOf(thread.id)).toHaveLength(1);
    const audit = await hub.handle.db
      .selectFrom('audit_events')
      .select(['record_type', 'action'])
      .where('record_id', 'in', [opening, thread.id])
      .execute();
    expect(audit.filter((event) => event.record_type === 'hub_post')).toHaveLength(2);
  });

  it('bans an account from posting with a reason and an end, and lifts the ban', async () => {
    const target = await trustedMember();
    const space = await themeSpace(target.client);
    const ban = await moderator.request('POST', '/api/hub/community/bans', {
      userId: target.user.id,
      reason: 'Repeated advertising',
      endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(ban.statusCode, ban.body).toBe(201);
    const refused = await target.client.request('POST', `/api/hub/community/spaces/${space.id}/threads`, {
      kind: 'discussion',
      title: 'Again',
      body: 'Advert',
      locale: 'en',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { params: { reason: 'Repeated advertising' } } });
    const past = await moderator.request('POST', '/api/hub/community/bans', {
      userId: target.user.id,
      reason: 'x',
      endsAt: '2020-01-01T00:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    const { id } = ban.json() as { id: string };
    expect((await moderator.request('DELETE', `/api/hub/community/bans/${id}`)).statusCode).toBe(200);
    await newThread(target.client, space.id, { title: 'Back with a real question' });
    const audit = await hub.handle.db.selectFrom('audit_events').select('action').where('record_id', '=', id).execute();
    expect(audit.map((event) => event.action).sort()).toEqual(['create', 'revoke']);
  });

  it(`answers 429 past ${postingLimit.perWindow} posts in ${postingLimit.windowMinutes} minutes, and nothing is stored`, async () => {
    const { client, user } = await trustedMember();
    const space = await themeSpace(client);
    const thread = await newThread(client, space.id);
    for (let n = 1; n < postingLimit.perWindow; n++)
      expect(
        (await client.request('POST', `/api/hub/community/threads/${thread.id}/posts`, { body: `Reply ${n}` }))
          .statusCode,
      ).toBe(201);
    const limited = await client.request('POST', `/api/hub/community/threads/${thread.id}/posts`, { body: 'One more' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', params: { max: postingLimit.perWindow, minutes: postingLimit.windowMinutes } },
    });
    const posts = await hub.handle.db
      .selectFrom('hub_posts')
      .select((eb) => eb.fn.countAll<string>().as('c'))
      .where('author_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(Number(posts.c)).toBe(postingLimit.perWindow);
  });
});

describe('public pages', () => {
  it('serve spaces and a thread without sign-in, in Arabic right to left, and 404 an unknown theme', async () => {
    const { client } = await trustedMember();
    const space = await themeSpace(client, 'engagement_nhri');
    const thread = await newThread(client, space.id, { title: 'NHRI as observer?' });
    const list = await hub.app.inject({ method: 'GET', url: '/hub/ar/community' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('dir="rtl"');
    const spacePage = await hub.app.inject({ method: 'GET', url: '/hub/en/community/engagement_nhri' });
    expect(spacePage.body).toContain('NHRI as observer?');
    const page = await hub.app.inject({ method: 'GET', url: `/hub/fr/community/threads/${thread.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script');
    expect((await hub.app.inject({ method: 'GET', url: '/hub/en/community/nothing' })).statusCode).toBe(404);
  });
});
