import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type {
  CreateInvitationInput,
  InvitationSummary,
  UpdateUserInput,
  UserListQuery,
  UserSummary,
} from '../../../shared/schemas/identity';
import type { DB, UserRow } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { signedIn } from '../../lib/guards';
import { hashToken, newToken } from '../../lib/secrets';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { canUsers } from './users.policy';
import { auditedUser, presentInvitation, presentUserSummary } from './users.presenter';
import {
  deleteSessionsOf,
  findInvitationById,
  findInvitations,
  findUserByEmail,
  findUserById,
  findUsers,
  insertToken,
  insertUser,
  revokeOpenTokens,
  updateUserAtVersion,
} from './users.repo';

export const invitationHours = 72;

/** Lists people for the admin page, searched and paged in the database. */
export async function listUsers(deps: Deps, actor: Actor, query: UserListQuery): Promise<Page<UserSummary>> {
  if (!canUsers(signedIn(actor), 'list')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findUsers(deps.db, query);
  return { items: rows.map(presentUserSummary), total, page: query.page, pageSize: query.pageSize };
}

/** Changes a person's role or status; a stale version is refused with STALE_VERSION. */
export async function updateUser(deps: Deps, actor: Actor, id: string, input: UpdateUserInput): Promise<UserSummary> {
  const user = signedIn(actor);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (!canUsers(user, 'update', { id, role: before.role as UserSummary['role'], newRole: input.role }))
      throw new AppError('FORBIDDEN');
    if (input.status === 'active' && before.status === 'invited') throw new AppError('CONFLICT');
    const after = await updateUserAtVersion(trx, id, input.version, {
      ...(input.role ? { role: input.role } : {}),
      ...(input.status ? { status: input.status } : {}),
    });
    if (!after) throw new AppError('STALE_VERSION');
    if (input.status === 'disabled') await deleteSessionsOf(trx, id);
    const action = input.role && input.role !== before.role ? 'role_change' : 'update';
    await recordAudit(trx, actor, {
      action,
      recordType: 'user',
      recordId: id,
      before: auditedUser(before),
      after: auditedUser(after),
    });
    return presentUserSummary(after);
  });
}

/**
 * Invites a person: creates the account (status invited) and a single-use link, and queues the
 * mail with the link in the invitee's language in the same transaction. The job worker sends it,
 * retrying while the mail server is down; the admin's outbox shows a mail that never went.
 */
export async function createInvitation(
  deps: Deps,
  actor: Actor,
  input: CreateInvitationInput,
): Promise<InvitationSummary> {
  return deps.db.transaction().execute(async (trx) => {
    const { tokenId } = await inviteWithin(trx, deps, actor, input);
    const row = await findInvitationById(trx, tokenId);
    if (!row) throw new AppError('INTERNAL');
    return presentInvitation(row);
  });
}

/**
 * The invitation inside the caller's transaction, for changes that invite someone as part of
 * themselves (a focal point invited from an entity's page): policy, account, link, audit, mail.
 */
export async function inviteWithin(
  trx: Transaction<DB>,
  deps: Deps,
  actor: Actor,
  input: CreateInvitationInput,
): Promise<{ invitee: UserRow; tokenId: string }> {
  const user = signedIn(actor);
  if (!canUsers(user, 'invite', { newRole: input.role })) throw new AppError('FORBIDDEN');
  if (await findUserByEmail(trx, input.email)) throw new AppError('EMAIL_TAKEN', { params: { email: input.email } });
  const invitee = await insertUser(trx, {
    email: input.email,
    name: input.name,
    role: input.role,
    organisation: input.organisation ?? null,
    locale: input.locale,
    status: 'invited',
  });
  const token = newToken();
  const record = await insertToken(trx, {
    kind: 'invitation',
    token_hash: hashToken(token),
    user_id: invitee.id,
    created_by: user.id,
    expires_at: new Date(Date.now() + invitationHours * 3_600_000),
  });
  await recordAudit(trx, actor, {
    action: 'invite',
    recordType: 'user',
    recordId: invitee.id,
    after: auditedUser(invitee),
  });
  const t = translatorFor(input.locale);
  await queueMail(trx, deps, {
    kind: 'invitation',
    to: invitee.email,
    userId: invitee.id,
    subject: t('mail.invitation.subject', { appName: 'Implementa' }),
    text: t('mail.invitation.body', {
      name: invitee.name,
      inviter: user.name,
      link: `${deps.settings.publicUrl}/accept-invitation?token=${token}`,
      hours: invitationHours,
    }),
  });
  return { invitee, tokenId: record.id };
}

export async function listInvitations(
  deps: Deps,
  actor: Actor,
  query: { status?: InvitationSummary['status']; page: number; pageSize: number },
): Promise<Page<InvitationSummary>> {
  if (!canUsers(signedIn(actor), 'list')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findInvitations(deps.db, query);
  return { items: rows.map((row) => presentInvitation(row)), total, page: query.page, pageSize: query.pageSize };
}

/** Revokes a pending invitation; the link stops working at once. */
export async function revokeInvitation(deps: Deps, actor: Actor, id: string): Promise<void> {
  const user = signedIn(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await findInvitationById(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!canUsers(user, 'revokeInvitation', { role: row.role as InvitationSummary['role'] }))
      throw new AppError('FORBIDDEN');
    const before = presentInvitation(row);
    if (before.status !== 'pending') throw new AppError('CONFLICT');
    await revokeOpenTokens(trx, row.user_id, 'invitation');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'invitation',
      recordId: id,
      before,
      after: { ...before, status: 'revoked' },
    });
  });
}

// What other modules read and write of a person's account, with no rule of this module's own
// (identity signs in, resets passwords and accepts invitations; entities seat people): the
// account table's reads and writes stay in users.repo.ts, reached through this face.
export {
  findToken,
  findTokenForUse,
  findUserByEmail,
  findUserById,
  insertToken,
  markTokenUsed,
  revokeOpenTokens,
  updateUserAtVersion,
  updateUserCounters,
} from './users.repo';
