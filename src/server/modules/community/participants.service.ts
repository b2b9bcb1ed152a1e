import { AppError } from '../../../shared/errors';
import { rolesWith } from '../../../shared/roles';
import type { Participant } from '../../../shared/schemas/community';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { canCommunity } from './community.policy';
import {
  deleteFollow,
  ensureSpaces,
  findAccounts,
  findFollows,
  findSpaces,
  handleTaken,
  insertFollow,
  updateParticipant,
} from './community.repo';
import { getThread, readableSpace, spaceName } from './community.service';
import { ensureParticipant } from './posting.service';

function requireHubAccount(actor: Actor) {
  const user = signedIn(actor);
  if (!canCommunity(user, 'register')) throw new AppError('FORBIDDEN');
  return user;
}

/** The person's handle, digest choice and what they follow. */
export async function getParticipant(db: Database, actor: Actor): Promise<Participant> {
  const user = requireHubAccount(actor);
  const participant = await db.transaction().execute((trx) => ensureParticipant(trx, user));
  await ensureSpaces(db);
  const [follows, spaces] = await Promise.all([findFollows(db, user.id), findSpaces(db, user.id)]);
  return {
    handle: participant.handle,
    digest: participant.digest,
    follows: follows.map((follow) => {
      const space = spaces.find((row) => row.id === follow.space_id);
      return {
        id: follow.id,
        spaceId: follow.space_id,
        threadId: follow.thread_id,
        title: space ? spaceName(space, actor.locale) : (follow.thread_title ?? ''),
      };
    }),
  };
}

export async function setParticipant(
  db: Database,
  actor: Actor,
  input: { handle: string; digest: 'off' | 'daily' | 'weekly' },
): Promise<Participant> {
  const user = requireHubAccount(actor);
  await db.transaction().execute(async (trx) => {
    const before = await ensureParticipant(trx, user);
    if (await handleTaken(trx, input.handle, user.id))
      throw new AppError('CONFLICT', { issues: [{ path: 'handle', message: 'hubCommunity.errors.handleTaken' }] });
    await updateParticipant(trx, user.id, input);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_participant',
      recordId: user.id,
      before: { handle: before.handle, digest: before.digest },
      after: input,
    });
  });
  return getParticipant(db, actor);
}

/** Follows (or stops following) a space or thread the person may read. */
export async function setFollow(
  db: Database,
  actor: Actor,
  target: { spaceId?: string | undefined; threadId?: string | undefined },
  follow: boolean,
): Promise<void> {
  const user = requireHubAccount(actor);
  const clean = target.spaceId ? { spaceId: target.spaceId } : { threadId: target.threadId ?? '' };
  await db.transaction().execute(async (trx) => {
    if (clean.spaceId) await readableSpace(trx, actor, clean.spaceId);
    else await getThread(trx, actor, clean.threadId ?? '');
    await ensureParticipant(trx, user);
    if (follow) await insertFollow(trx, user.id, clean);
    else await deleteFollow(trx, user.id, clean);
  });
}

/** Hub accounts matching a name or handle, for the @ picker; each gets a handle if it had none. */
export async function mentionCandidates(db: Database, actor: Actor, text: string) {
  requireHubAccount(actor);
  const query = text.trim();
  if (query.length < 2) return [];
  return db.transaction().execute(async (trx) => {
    const rows = await findAccounts(trx, rolesWith('hubAccount'), query, 10);
    const out = [];
    for (const row of rows) {
      const participant = row.handle
        ? { handle: row.handle }
        : await ensureParticipant(trx, { id: row.id, name: row.name, email: row.email, role: 'member' });
      out.push({ id: row.id, name: row.name, handle: participant.handle });
    }
    return out;
  });
}
