import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { banItemSchema, ModerationItem, moderateSchema, reportSchema } from '../../../shared/schemas/community';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { conflict, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { reindexThread } from './community.index';
import { canCommunity } from './community.policy';
import { clearAcceptedAnswer, findAccount, findPost, refreshThread, updateParticipant } from './community.repo';
import { getThread } from './community.service';
import {
  closeReports,
  findActiveBans,
  findQueue,
  insertBan,
  insertReport,
  liftBan,
  setPostStatus,
} from './moderation.repo';
import { ensureParticipant, notifyMentions } from './posting.service';

type Report = z.infer<typeof reportSchema>;
type Moderate = z.infer<typeof moderateSchema>;
type BanItem = z.infer<typeof banItemSchema>;

function requireModerator(actor: Actor) {
  const user = signedIn(actor);
  if (!canCommunity(user, 'moderate')) throw new AppError('FORBIDDEN');
  return user;
}

/**
 * Any account that can read a post reports it, once while the report is open (a second report of
 * the same post by the same person changes nothing).
 */
export async function reportPost(db: Database, actor: Actor, postId: string, input: Report): Promise<void> {
  const user = signedIn(actor);
  await db.transaction().execute(async (trx) => {
    const post = await findPost(trx, postId);
    if (!post) throw new AppError('NOT_FOUND');
    const thread = await getThread(trx, actor, post.thread_id);
    if (!thread.posts.some((shown) => shown.id === postId)) throw new AppError('NOT_FOUND');
    if (!canCommunity(user, 'report')) throw new AppError('FORBIDDEN');
    const id = await insertReport(trx, {
      post_id: postId,
      reporter_id: user.id,
      reason: input.reason,
      note: input.note,
    });
    if (id)
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'hub_report',
        recordId: id,
        after: { postId, ...input },
      });
  });
}

export async function moderationQueue(
  db: Database,
  actor: Actor,
  query: { queue: 'reported' | 'held'; page: number; pageSize: number },
): Promise<Page<ModerationItem>> {
  requireModerator(actor);
  const { items, reports, total } = await findQueue(db, query.queue, query.pageSize, (query.page - 1) * query.pageSize);
  return {
    items: items.map((item) => ({
      postId: item.id,
      threadId: item.thread_id,
      threadTitle: item.title,
      opening: item.opening,
      author: item.author_id ? { id: item.author_id, name: item.author_name ?? '', handle: item.author_handle } : null,
      body: item.body,
      status: item.status,
      reports: reports
        .filter((report) => report.post_id === item.id)
        .map((report) => ({ id: report.id, reason: report.reason, note: report.note })),
      createdAt: item.created_at.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * A moderator's decision on a post. hide: it vanishes for everyone else (a hidden opening post
 * hides the thread) and leaves the search; its open reports are resolved. unhide: back. approve:
 * a held post is shown and its author trusted from then on (their next posts are not held); the
 * people it mentions are mailed now. dismiss: the reports are closed, the post stays.
 */
export async function moderatePost(
  deps: Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> },
  actor: Actor,
  postId: string,
  input: Moderate,
): Promise<void> {
  const user = requireModerator(actor);
  await deps.db.transaction().execute(async (trx) => {
    const post = await findPost(trx, postId);
    if (!post) throw new AppError('NOT_FOUND');
    const before = { status: post.status };
    switch (input.action) {
      case 'hide':
        if (post.status === 'hidden') conflict('hubCommunity.errors.alreadyHidden');
        await setPostStatus(trx, postId, 'hidden', input.reason);
        await closeReports(trx, postId, 'resolved', user.id);
        await clearAcceptedAnswer(trx, postId);
        break;
      case 'unhide':
        if (post.status !== 'hidden') conflict('hubCommunity.errors.notHidden');
        await setPostStatus(trx, postId, 'visible', null);
        break;
      case 'approve': {
        if (post.status !== 'held') conflict('hubCommunity.errors.notHeld');
        await setPostStatus(trx, postId, 'visible', null);
        if (post.author_id) {
          const author = await findAccount(trx, post.author_id);
          if (author) {
            await ensureParticipant(trx, author);
            await updateParticipant(trx, author.id, { trusted: true });
          }
        }
        await notifyMentions(trx, deps, postId);
        break;
      }
      case 'dismiss':
        if ((await closeReports(trx, postId, 'dismissed', user.id)) === 0) conflict('hubCommunity.errors.noOpenReport');
        break;
    }
    await refreshThread(trx, post.thread_id);
    await reindexThread(trx, post.thread_id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_post',
      recordId: postId,
      before,
      after: { action: input.action, reason: input.reason },
    });
  });
}

export async function banAccount(
  db: Database,
  actor: Actor,
  input: { userId: string; reason: string; endsAt: string | null },
): Promise<{ id: string }> {
  const user = requireModerator(actor);
  if (input.userId === user.id) conflict('hubCommunity.errors.banSelf', 'userId');
  const endsAt = input.endsAt ? new Date(input.endsAt) : null;
  if (endsAt && endsAt <= new Date())
    throw new AppError('VALIDATION', { issues: [{ path: 'endsAt', message: 'hubCommunity.errors.banEndPast' }] });
  return db.transaction().execute(async (trx) => {
    const target = await findAccount(trx, input.userId);
    if (!target) throw new AppError('NOT_FOUND');
    const ban = await insertBan(trx, {
      user_id: input.userId,
      reason: input.reason,
      ends_at: endsAt,
      created_by: user.id,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'hub_ban',
      recordId: ban.id,
      after: { userId: input.userId, reason: input.reason, endsAt: input.endsAt },
    });
    return ban;
  });
}

export async function liftAccountBan(db: Database, actor: Actor, banId: string): Promise<void> {
  const user = requireModerator(actor);
  await db.transaction().execute(async (trx) => {
    const userId = await liftBan(trx, banId, user.id);
    if (!userId) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, { action: 'revoke', recordType: 'hub_ban', recordId: banId, after: { userId } });
  });
}

export async function listBans(db: Database, actor: Actor): Promise<BanItem[]> {
  requireModerator(actor);
  const rows = await findActiveBans(db);
  return rows.map((row) => ({
    id: row.id,
    user: { id: row.user_id, name: row.name, handle: row.handle },
    reason: row.reason,
    endsAt: row.ends_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }));
}
