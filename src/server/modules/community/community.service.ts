import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { is } from '../../../shared/roles';
import type { Page } from '../../../shared/schemas/common';
import type { CreateThread, Post, Space, Thread, ThreadSummary } from '../../../shared/schemas/community';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { conflict, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { reindexThread } from './community.index';
import { type CommunityAction, type CommunityRecord, canCommunity } from './community.policy';
import {
  ensureSpaces,
  findPosts,
  findSpace,
  findSpaces,
  findThread,
  findThreads,
  insertFollow,
  insertPost,
  insertThread,
  isFollowingThread,
  refreshThread,
  type SpaceRow,
  setAccepted,
  type ThreadRow,
} from './community.repo';
import { renderPost } from './community.rules';
import { assertMayPost, notifyMentions } from './posting.service';

type Texts = Partial<Record<Locale, string>>;

export function spaceName(row: Pick<SpaceRow, 'theme' | 'network_name' | 'network_name_i18n'>, locale: Locale): string {
  if (row.theme) return translatorFor(locale)(`hubThemes.${row.theme}`);
  return (row.network_name_i18n as Texts | null)?.[locale] ?? row.network_name ?? '';
}

export const spaceRecord = (row: Pick<SpaceRow, 'kind' | 'in_network'>): CommunityRecord => ({
  audience: row.kind === 'theme' ? 'public' : 'members',
  inNetwork: Boolean(row.in_network),
});

/** Whether the actor (or the public, signed out) may do this in the space. */
export function mayIn(actor: Actor, action: CommunityAction, row: SpaceRow, extra: CommunityRecord = {}): boolean {
  if (!actor.user) return action === 'read' && row.kind === 'theme';
  return canCommunity(actor.user, action, { ...spaceRecord(row), ...extra });
}

/** A space the actor may read, or NOT_FOUND as for a space that does not exist. */
export async function readableSpace(db: Executor, actor: Actor, spaceId: string): Promise<SpaceRow> {
  await ensureSpaces(db);
  const row = await findSpace(db, spaceId, actor.user?.id ?? null);
  if (!row || !mayIn(actor, 'read', row)) throw new AppError('NOT_FOUND');
  return row;
}

export async function listSpaces(db: Database, actor: Actor): Promise<Space[]> {
  if (actor.user && !is(actor.user.role, 'hubAccount')) throw new AppError('FORBIDDEN');
  await ensureSpaces(db);
  const rows = await findSpaces(db, actor.user?.id ?? null);
  return rows.filter((row) => mayIn(actor, 'read', row)).map((row) => presentSpace(row, actor));
}

export function presentSpace(row: SpaceRow, actor: Actor): Space {
  return {
    id: row.id,
    kind: row.kind,
    theme: row.theme,
    networkId: row.network_id,
    name: spaceName(row, actor.locale),
    audience: row.kind === 'theme' ? 'public' : 'members',
    threadCount: Number(row.thread_count ?? 0),
    following: Boolean(row.following),
    canPost: mayIn(actor, 'post', row),
  };
}

const sees = (actor: Actor) => Boolean(actor.user && is(actor.user.role, 'moderatesHub'));

function presentSummary(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    spaceId: row.space_id,
    kind: row.kind,
    title: row.title,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? '', handle: row.author_handle } : null,
    replyCount: row.reply_count,
    answered: row.accepted_post_id !== null,
    status: row.status,
    lastPostAt: row.last_post_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

export async function listThreads(
  db: Database,
  actor: Actor,
  spaceId: string,
  query: { page: number; pageSize: number; kind?: 'discussion' | 'question' | undefined },
): Promise<Page<ThreadSummary> & { space: Space }> {
  const space = await readableSpace(db, actor, spaceId);
  const { items, total } = await findThreads(db, spaceId, {
    viewerId: actor.user?.id ?? null,
    all: sees(actor),
    ...(query.kind ? { kind: query.kind } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map(presentSummary),
    total,
    page: query.page,
    pageSize: query.pageSize,
    space: presentSpace(space, actor),
  };
}

/**
 * A thread as the actor sees it: NOT_FOUND when the space is not theirs to read or the thread is
 * hidden or held (but for its author and moderators), exactly as for an id that does not exist.
 * Hidden replies are left out for all but moderators; the accepted answer comes right after the
 * opening post.
 */
export async function getThread(db: Executor, actor: Actor, id: string): Promise<Thread> {
  const row = await findThread(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const space = await readableSpace(db, actor, row.space_id);
  const moderator = sees(actor);
  const own = (authorId: string | null) => actor.user !== null && authorId === actor.user.id;
  if (row.status === 'hidden' && !moderator) throw new AppError('NOT_FOUND');
  if (row.status === 'held' && !moderator && !own(row.author_id)) throw new AppError('NOT_FOUND');
  const posts = (await findPosts(db, id)).filter(
    (post) => post.status === 'visible' || moderator || (post.status === 'held' && own(post.author_id)),
  );
  const accepted = posts.find((post) => post.id === row.accepted_post_id && post.status === 'visible');
  const ordered = [
    ...posts.filter((post) => post.opening),
    ...(accepted ? [accepted] : []),
    ...posts.filter((post) => !post.opening && post !== accepted),
  ];
  const present = (post: (typeof posts)[number]): Post => ({
    id: post.id,
    opening: post.opening,
    author: post.author_id ? { id: post.author_id, name: post.author_name ?? '', handle: post.author_handle } : null,
    html: post.body_html,
    body: post.body,
    status: post.status,
    accepted: post === accepted,
    createdAt: post.created_at.toISOString(),
  });
  return {
    ...presentSummary(row),
    answered: Boolean(accepted),
    locale: row.locale,
    source: row.source,
    spaceName: spaceName(space, actor.locale),
    posts: ordered.map(present),
    following: actor.user ? await isFollowingThread(db, actor.user.id, id) : false,
    canReply: mayIn(actor, 'post', space) && row.status === 'visible',
    canAccept: row.kind === 'question' && mayIn(actor, 'accept', space, { isAuthor: own(row.author_id) }),
  };
}

type PostDeps = Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

export async function createThread(
  deps: PostDeps,
  actor: Actor,
  spaceId: string,
  input: CreateThread,
): Promise<Thread> {
  const user = signedIn(actor);
  const id = await deps.db.transaction().execute(async (trx) => {
    const space = await readableSpace(trx, actor, spaceId);
    if (!mayIn(actor, 'post', space)) throw new AppError('FORBIDDEN');
    const status = await assertMayPost(trx, user);
    const thread = await insertThread(trx, {
      space_id: spaceId,
      kind: input.kind,
      title: input.title,
      author_id: user.id,
      locale: input.locale,
    });
    const post = await insertPost(trx, {
      thread_id: thread.id,
      opening: true,
      author_id: user.id,
      body: input.body,
      body_html: renderPost(input.body),
      status,
    });
    await insertFollow(trx, user.id, { threadId: thread.id });
    if (status === 'visible') await notifyMentions(trx, deps, post.id);
    await reindexThread(trx, thread.id);
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'hub_thread',
      recordId: thread.id,
      after: { spaceId, kind: input.kind, title: input.title, status },
    });
    return thread.id;
  });
  return getThread(deps.db, actor, id);
}

export async function reply(deps: PostDeps, actor: Actor, threadId: string, body: string): Promise<Thread> {
  const user = signedIn(actor);
  await deps.db.transaction().execute(async (trx) => {
    const thread = await getThread(trx, actor, threadId);
    if (!thread.canReply) {
      if (thread.status !== 'visible') conflict('hubCommunity.errors.threadNotOpen');
      throw new AppError('FORBIDDEN');
    }
    const status = await assertMayPost(trx, user);
    const post = await insertPost(trx, {
      thread_id: threadId,
      opening: false,
      author_id: user.id,
      body,
      body_html: renderPost(body),
      status,
    });
    if (status === 'visible') {
      await refreshThread(trx, threadId);
      await notifyMentions(trx, deps, post.id);
      await reindexThread(trx, threadId);
    }
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'hub_post',
      recordId: post.id,
      after: { threadId, status },
    });
  });
  return getThread(deps.db, actor, threadId);
}

/** Accepts one reply as a question's answer (or, with null, withdraws the acceptance). */
export async function acceptAnswer(
  db: Database,
  actor: Actor,
  threadId: string,
  postId: string | null,
): Promise<Thread> {
  signedIn(actor);
  await db.transaction().execute(async (trx: Transaction<DB>) => {
    const thread = await getThread(trx, actor, threadId);
    if (!thread.canAccept) {
      if (thread.kind !== 'question') conflict('hubCommunity.errors.notAQuestion');
      throw new AppError('FORBIDDEN');
    }
    if (postId !== null) {
      const post = thread.posts.find((candidate) => candidate.id === postId);
      if (!post || post.opening || post.status !== 'visible') conflict('hubCommunity.errors.notAnAnswer', 'postId');
    }
    await setAccepted(trx, threadId, postId);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_thread',
      recordId: threadId,
      after: { acceptedPostId: postId },
    });
  });
  return getThread(db, actor, threadId);
}
