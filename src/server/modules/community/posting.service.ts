import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { queueMail } from '../outbox/outbox.service';
import { canCommunity } from './community.policy';
import {
  countPostsSince,
  findAccount,
  findMentions,
  findParticipant,
  findPost,
  findSpaceKind,
  findUsersByHandles,
  handleTaken,
  insertMentions,
  insertParticipant,
  networksOf,
} from './community.repo';
import { handleBase, mentionedHandles, plainText, postingLimit } from './community.rules';
import { findActiveBan } from './moderation.repo';

/**
 * A person's row as a participant, made the first time they take part: a handle from their name
 * (a number added when it is taken), the daily digest, and trust for moderators (their posts are
 * never held).
 */
export async function ensureParticipant(db: Executor, user: Pick<SessionUser, 'id' | 'name' | 'email' | 'role'>) {
  const found = await findParticipant(db, user.id);
  if (found) return found;
  const base = handleBase(user.name, user.email);
  let handle = base;
  for (let n = 2; await handleTaken(db, handle); n++) handle = `${base.slice(0, 26)}${n}`;
  await insertParticipant(db, user.id, handle, is(user.role, 'moderatesHub'));
  const made = await findParticipant(db, user.id);
  if (!made) throw new Error(`participant ${user.id} was not made`);
  return made;
}

/**
 * Before a post: a banned account is refused (FORBIDDEN, with the ban's reason and end); an
 * account past the posting limit gets RATE_LIMITED (429) saying when it may post again; the post
 * is then held for a moderator unless the account is trusted (decision 037).
 */
export async function assertMayPost(trx: Executor, user: SessionUser): Promise<'visible' | 'held'> {
  const ban = await findActiveBan(trx, user.id);
  if (ban)
    throw new AppError('FORBIDDEN', {
      detail: 'banned from posting',
      params: { reason: ban.reason, until: ban.ends_at?.toISOString() ?? '' },
      issues: [{ message: ban.ends_at ? 'hubCommunity.errors.bannedUntil' : 'hubCommunity.errors.banned' }],
    });
  const moderates = is(user.role, 'moderatesHub');
  if (!moderates) {
    const since = new Date(Date.now() - postingLimit.windowMinutes * 60_000);
    if ((await countPostsSince(trx, user.id, since)) >= postingLimit.perWindow)
      throw new AppError('RATE_LIMITED', {
        detail: `at most ${postingLimit.perWindow} posts in ${postingLimit.windowMinutes} minutes`,
        params: { max: postingLimit.perWindow, minutes: postingLimit.windowMinutes },
        issues: [{ path: 'body', message: 'hubCommunity.errors.postingLimit' }],
      });
  }
  const participant = await ensureParticipant(trx, user);
  return participant.trusted || moderates ? 'visible' : 'held';
}

type MailDeps = Pick<Deps, 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

/**
 * Mails the people a visible post mentions (@handle), once each, in their language, in the
 * transaction that made the post visible; never its author, and never someone who may not read
 * the space (a network's space mentions reach only its members' accounts and moderators).
 */
export async function notifyMentions(trx: Transaction<DB>, deps: MailDeps, postId: string): Promise<number> {
  const post = await findPost(trx, postId);
  if (post?.status !== 'visible') return 0;
  const already = new Set((await findMentions(trx, postId)).map((person) => person.id));
  const space = await findSpaceKind(trx, post.space_id);
  const author = post.author_id ? await findAccount(trx, post.author_id) : undefined;
  const people = (await findUsersByHandles(trx, mentionedHandles(post.body))).filter(
    (person) => person.id !== post.author_id && !already.has(person.id),
  );
  const reached = [];
  for (const person of people) {
    const inNetwork = space.network_id ? (await networksOf(trx, person.id)).includes(space.network_id) : false;
    const user = { id: person.id, role: person.role, email: person.email, name: person.name } as SessionUser;
    if (!canCommunity(user, 'read', { audience: space.kind === 'theme' ? 'public' : 'members', inNetwork })) continue;
    reached.push(person);
  }
  await insertMentions(
    trx,
    postId,
    reached.map((person) => person.id),
  );
  for (const person of reached) {
    const locale = person.locale as Locale;
    const t = translatorFor(locale);
    await queueMail(trx, deps, {
      kind: 'hub_mention',
      locale,
      to: person.email,
      userId: person.id,
      subject: t('hubCommunity.mail.mention.subject', { author: author?.name ?? '', title: post.title }),
      text: t('hubCommunity.mail.mention.body', {
        name: person.name,
        author: author?.name ?? '',
        title: post.title,
        excerpt: plainText(post.body, 500),
        link: `${deps.settings.publicUrl}/community/threads/${post.thread_id}`,
      }),
    });
  }
  return reached.length;
}
