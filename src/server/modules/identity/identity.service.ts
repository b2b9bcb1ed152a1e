import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type {
  AcceptInvitationInput,
  InvitationDetails,
  SessionInfo,
  SessionUser,
  SignInInput,
  SignInMethod,
  UpdateMeInput,
} from '../../../shared/schemas/identity';
import type { UserRow } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { hashPassword, hashToken, newToken, verifyAgainstNothing, verifyPassword } from '../../lib/secrets';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { canUsers } from '../users/users.policy';
import { auditedUser, presentSessionUser } from '../users/users.presenter';
import * as users from '../users/users.service';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionOf,
  deleteSessionsOf,
  deleteSessionsOfExcept,
  findLiveSession,
  findLiveSessionsOf,
  insertSession,
  type SessionRow,
  touchSession,
} from './identity.repo';
import { checkSecondFactor } from './second-factor.service';

export const passwordResetMinutes = 60;

export interface NewSession {
  /** null while the second factor is still to come (the token then opens only that step). */
  user: SessionUser | null;
  /** Goes into the signed cookie; the database keeps only its hash. */
  token: string;
  csrfToken: string;
}

export interface ClientMeta {
  userAgent: string | null;
}

/**
 * Checks e-mail and password. An unknown e-mail, a wrong password and a locked account get the
 * same answer (401, one generic message) after the same work: one argon2 verification (against a
 * dummy hash when there is no account) and one audited write. The lock is told to the account's
 * owner by e-mail, never to whoever is trying. Repeated failures lock the account for a while,
 * and the route is rate limited per address.
 */
export async function signIn(deps: Deps, actor: Actor, input: SignInInput, meta: ClientMeta): Promise<NewSession> {
  const found = await users.findUserByEmail(deps.db, input.email);
  const user = found?.password_hash ? found : null;
  let valid = false;
  if (user?.password_hash) valid = await verifyPassword(user.password_hash, input.password);
  else await verifyAgainstNothing(input.password);
  const locked = Boolean(user?.locked_until && user.locked_until > new Date());
  if (!user || locked || !valid) {
    await recordFailedSignIn(deps, actor, input.email, user, locked);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  if (user.totp_enabled_at) return openPendingSession(deps, user.id, actor.ip, meta);
  return deps.db.transaction().execute(async (trx) => {
    await users.updateUserCounters(trx, user.id, {
      failed_sign_ins: 0,
      locked_until: null,
      last_sign_in_at: new Date(),
    });
    // Sign-ins are rare and the delete uses sessions_expires_idx: expired rows never pile up.
    await deleteExpiredSessions(trx);
    return openSignedInSession(trx, deps, actor, user, meta, 'password');
  });
}

type KnownUser = NonNullable<Awaited<ReturnType<typeof users.findUserByEmail>>>;

/** Counts a failure against a known, unlocked account (locking it and mailing its owner at the limit); audits every failure. */
async function recordFailedSignIn(deps: Deps, actor: Actor, email: string, user: KnownUser | null, locked: boolean) {
  await deps.db.transaction().execute(async (trx) => {
    if (!user || locked) {
      await recordAudit(trx, actor, {
        action: 'sign_in_failed',
        recordType: 'user',
        recordId: user?.id ?? null,
        actorLabel: email,
        after: { known: Boolean(user), locked },
      });
      return;
    }
    const failures = user.failed_sign_ins + 1;
    const lock = failures >= deps.settings.SIGN_IN_MAX_FAILURES;
    const minutes = deps.settings.SIGN_IN_LOCK_MINUTES;
    await users.updateUserCounters(trx, user.id, {
      failed_sign_ins: lock ? 0 : failures,
      locked_until: lock ? new Date(Date.now() + minutes * 60_000) : null,
    });
    await recordAudit(trx, actor, {
      action: 'sign_in_failed',
      recordType: 'user',
      recordId: user.id,
      actorLabel: email,
      after: { failures, locked: lock },
    });
    if (lock && user.status === 'active') {
      const t = translatorFor(user.locale as Locale);
      await queueMail(trx, deps, {
        kind: 'account_locked',
        to: user.email,
        userId: user.id,
        subject: t('mail.accountLocked.subject', { appName: 'Implementa' }),
        text: t('mail.accountLocked.body', {
          name: user.name,
          failures,
          minutes,
          link: `${deps.settings.publicUrl}/forgot-password`,
        }),
      });
    }
  });
}

/** How long the password's half of a sign-in waits for the code from the authenticator. */
export const secondFactorMinutes = 10;

async function openPendingSession(
  deps: Deps,
  userId: string,
  ip: string | null,
  meta: ClientMeta,
): Promise<NewSession> {
  const token = newToken();
  await insertSession(deps.db, {
    id: hashToken(token),
    userId,
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + secondFactorMinutes * 60_000),
    ip,
    userAgent: meta.userAgent,
    secondFactorPending: true,
  });
  return { user: null, token, csrfToken: '' };
}

/**
 * The second step of a sign-in: with a TOTP or recovery code accepted, the pending session is
 * replaced by a full one under a new token (the half-signed-in cookie never becomes a session).
 */
export async function completeSecondFactor(
  deps: Deps,
  actor: Actor,
  pendingToken: string,
  code: string,
  meta: ClientMeta,
): Promise<NewSession> {
  const { userId, method } = await checkSecondFactor(deps, pendingToken, code);
  const found = await users.findUserById(deps.db, userId);
  if (found?.status !== 'active') throw new AppError('UNAUTHENTICATED');
  const locked = Boolean(found.locked_until && found.locked_until > new Date());
  if (!method || locked) {
    await recordFailedSignIn(deps, actor, found.email, found, locked);
    throw new AppError('INVALID_CREDENTIALS');
  }
  return deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, hashToken(pendingToken));
    const user = await users.findUserById(trx, userId);
    if (user?.status !== 'active') throw new AppError('UNAUTHENTICATED');
    await users.updateUserCounters(trx, user.id, {
      failed_sign_ins: 0,
      locked_until: null,
      last_sign_in_at: new Date(),
    });
    return openSignedInSession(trx, deps, actor, user, meta, 'two_step', { secondFactor: method });
  });
}

/**
 * The end of every sign-in that succeeded (password, second step, single sign-on): the full
 * session, opened and audited as a sign-in with what the method adds (`after`).
 */
export async function openSignedInSession(
  trx: Executor,
  deps: Deps,
  actor: Actor,
  user: UserRow,
  meta: ClientMeta,
  method: SignInMethod,
  after?: Record<string, unknown>,
): Promise<NewSession & { user: SessionUser }> {
  const created = await openSession(trx, deps, user.id, actor.ip, meta, method);
  const sessionUser = presentSessionUser(user);
  await recordAudit(
    trx,
    { ...actor, user: sessionUser },
    { action: 'sign_in', recordType: 'session', recordId: user.id, ...(after ? { after } : {}) },
  );
  return { user: sessionUser, ...created };
}

async function openSession(
  trx: Executor,
  deps: Deps,
  userId: string,
  ip: string | null,
  meta: ClientMeta,
  method: SignInMethod = 'password',
) {
  const token = newToken();
  const csrfToken = newToken();
  await insertSession(trx, {
    id: hashToken(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + deps.settings.SESSION_TTL_HOURS * 3_600_000),
    ip,
    userAgent: meta.userAgent,
    method,
  });
  return { token, csrfToken };
}

export async function signOut(deps: Deps, actor: Actor): Promise<void> {
  if (!actor.sessionId || !actor.user) return;
  const sessionId = actor.sessionId;
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAudit(trx, actor, { action: 'sign_out', recordType: 'session', recordId: actor.user?.id ?? null });
  });
}

/** The session behind a cookie's token, if it is live and its user active. */
export async function resolveSession(deps: Deps, token: string) {
  const sessionId = hashToken(token);
  const found = await findLiveSession(deps.db, sessionId);
  if (!found) return null;
  // One write per session every few minutes, not per request: enough for "last seen".
  if (Date.now() - found.lastSeenAt.getTime() > lastSeenResolutionMs) await touchSession(deps.db, sessionId);
  return { sessionId, csrfToken: found.csrfToken, user: presentSessionUser(found.user) };
}

const lastSeenResolutionMs = 5 * 60_000;

function presentSession(row: SessionRow, currentId: string | null): SessionInfo {
  return {
    id: row.public_id,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    ip: row.ip,
    userAgent: row.user_agent,
    current: row.id === currentId,
    method: row.sign_in_method,
  };
}

/** What an audit event keeps of an ended session: never its key, only what identifies it to a person. */
function auditedSession(row: SessionRow) {
  return { id: row.public_id, createdAt: row.created_at.toISOString(), ip: row.ip, userAgent: row.user_agent };
}

function signedInUser(actor: Actor): SessionUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

/** The signed-in person's live sessions (this one marked current). */
export async function listMySessions(deps: Deps, actor: Actor): Promise<SessionInfo[]> {
  const me = signedInUser(actor);
  const rows = await findLiveSessionsOf(deps.db, me.id);
  return rows.map((row) => presentSession(row, actor.sessionId));
}

/** Ends one of my sessions (another device, or this one, which signs me out). */
export async function revokeMySession(deps: Deps, actor: Actor, publicId: string): Promise<void> {
  const me = signedInUser(actor);
  await deps.db.transaction().execute(async (trx) => {
    const ended = await deleteSessionOf(trx, me.id, publicId);
    if (!ended) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'session_revoked',
      recordType: 'user',
      recordId: me.id,
      before: auditedSession(ended),
    });
  });
}

/** Ends every session of mine but this one ("sign out everywhere else"). */
export async function revokeMyOtherSessions(deps: Deps, actor: Actor): Promise<number> {
  const me = signedInUser(actor);
  return deps.db.transaction().execute(async (trx) => {
    const revoked = await deleteSessionsOfExcept(trx, me.id, actor.sessionId);
    await recordAudit(trx, actor, {
      action: 'session_revoked',
      recordType: 'user',
      recordId: me.id,
      after: { revoked, kept: 'current' },
    });
    return revoked;
  });
}

function assertMayManageSessionsOf(actor: Actor, userId: string): void {
  const user = signedInUser(actor);
  if (!canUsers(user, 'update', { id: userId })) throw new AppError('FORBIDDEN');
}

/** An administrator sees another person's live sessions. */
export async function listSessionsOfUser(deps: Deps, actor: Actor, userId: string): Promise<SessionInfo[]> {
  assertMayManageSessionsOf(actor, userId);
  const target = await users.findUserById(deps.db, userId);
  if (!target) throw new AppError('NOT_FOUND');
  const rows = await findLiveSessionsOf(deps.db, userId);
  return rows.map((row) => presentSession(row, null));
}

/** An administrator ends every session of another person (a lost laptop, a departure). */
export async function revokeSessionsOfUser(deps: Deps, actor: Actor, userId: string): Promise<number> {
  assertMayManageSessionsOf(actor, userId);
  return deps.db.transaction().execute(async (trx) => {
    const target = await users.findUserById(trx, userId);
    if (!target) throw new AppError('NOT_FOUND');
    const revoked = await deleteSessionsOfExcept(trx, userId, null);
    await recordAudit(trx, actor, {
      action: 'session_revoked',
      recordType: 'user',
      recordId: userId,
      after: { revoked },
    });
    return revoked;
  });
}

/** Queues a mail with a reset link if the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(deps: Deps, _actor: Actor, email: string): Promise<void> {
  const user = await users.findUserByEmail(deps.db, email);
  if (user?.status !== 'active') return;
  await deps.db.transaction().execute(async (trx) => {
    await users.revokeOpenTokens(trx, user.id, 'password_reset');
    const token = newToken();
    await users.insertToken(trx, {
      kind: 'password_reset',
      token_hash: hashToken(token),
      user_id: user.id,
      created_by: null,
      expires_at: new Date(Date.now() + passwordResetMinutes * 60_000),
    });
    const t = translatorFor(user.locale as Locale);
    await queueMail(trx, deps, {
      kind: 'password_reset',
      to: user.email,
      userId: user.id,
      subject: t('mail.passwordReset.subject', { appName: 'Implementa' }),
      text: t('mail.passwordReset.body', {
        name: user.name,
        link: `${deps.settings.publicUrl}/reset-password?token=${token}`,
        minutes: passwordResetMinutes,
      }),
    });
  });
}

/** Uses a single-use link: sets the password, ends every session of that person. */
export async function completePasswordReset(
  deps: Deps,
  actor: Actor,
  input: { token: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const token = await useToken(trx, input.token, 'password_reset');
    const before = await users.findUserById(trx, token.user_id);
    if (before?.status !== 'active') throw new AppError('TOKEN_INVALID');
    const after = await users.updateUserAtVersion(trx, before.id, before.version, {
      password_hash: passwordHash,
      failed_sign_ins: 0,
      locked_until: null,
    });
    if (!after) throw new AppError('STALE_VERSION');
    await deleteSessionsOf(trx, before.id);
    await recordAudit(
      trx,
      { ...actor, user: presentSessionUser(before) },
      {
        action: 'password_reset',
        recordType: 'user',
        recordId: before.id,
      },
    );
  });
}

/** Accepts an invitation: names the person, sets the password, activates and signs in. */
export async function acceptInvitation(
  deps: Deps,
  actor: Actor,
  input: AcceptInvitationInput,
  meta: ClientMeta,
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const token = await useToken(trx, input.token, 'invitation');
    const before = await users.findUserById(trx, token.user_id);
    if (before?.status !== 'invited') throw new AppError('TOKEN_INVALID');
    const after = await users.updateUserAtVersion(trx, before.id, before.version, {
      name: input.name,
      password_hash: passwordHash,
      status: 'active',
      last_sign_in_at: new Date(),
    });
    if (!after) throw new AppError('STALE_VERSION');
    const user = presentSessionUser(after);
    await recordAudit(
      trx,
      { ...actor, user },
      {
        action: 'update',
        recordType: 'user',
        recordId: user.id,
        before: auditedUser(before),
        after: auditedUser(after),
      },
    );
    const created = await openSession(trx, deps, user.id, actor.ip, meta);
    return { user, ...created };
  });
}

/** Tells the invitee whose account a link creates, without using the link up. */
export async function inspectInvitation(deps: Deps, token: string): Promise<InvitationDetails> {
  const row = await users.findToken(deps.db, hashToken(token));
  if (row?.kind !== 'invitation' || row.revoked_at) throw new AppError('TOKEN_INVALID');
  if (row.used_at) throw new AppError('TOKEN_USED');
  if (row.expires_at <= new Date()) throw new AppError('TOKEN_EXPIRED');
  const user = await users.findUserById(deps.db, row.user_id);
  if (user?.status !== 'invited') throw new AppError('TOKEN_INVALID');
  return {
    email: user.email,
    name: user.name,
    role: user.role as InvitationDetails['role'],
    organisation: user.organisation,
    locale: user.locale as Locale,
    expiresAt: row.expires_at.toISOString(),
  };
}

async function useToken(trx: Executor, token: string, kind: 'invitation' | 'password_reset') {
  const row = await users.findTokenForUse(trx, hashToken(token));
  if (!row || row.kind !== kind || row.revoked_at) throw new AppError('TOKEN_INVALID');
  if (row.used_at) throw new AppError('TOKEN_USED');
  if (row.expires_at <= new Date()) throw new AppError('TOKEN_EXPIRED');
  await users.markTokenUsed(trx, row.id);
  return row;
}

/** The signed-in person changes their own name or language (remembered for every device). */
export async function updateMe(deps: Deps, actor: Actor, input: UpdateMeInput): Promise<SessionUser> {
  const me = actor.user;
  if (!me) throw new AppError('UNAUTHENTICATED');
  return deps.db.transaction().execute(async (trx) => {
    const before = await users.findUserById(trx, me.id);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await users.updateUserAtVersion(trx, me.id, input.version, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    });
    if (!after) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: me.id,
      before: auditedUser(before),
      after: auditedUser(after),
    });
    return presentSessionUser(after);
  });
}
