import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { AppError } from '../../../shared/errors';
import type { TotpSetup, TotpStatus } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { seal, unseal } from '../../lib/sealed';
import { hashPassword, hashToken, verifyPassword } from '../../lib/secrets';
import { recordAudit } from '../audit/audit.service';
import { canUsers } from '../users/users.policy';
import * as users from '../users/users.service';
import {
  deleteSession,
  findTotp,
  findUnusedRecoveryCodes,
  replaceRecoveryCodes,
  setTotp,
  spendRecoveryCode,
  takePendingSession,
} from './identity.repo';

/** Wrong codes allowed on one pending session before it is thrown away (then: the password again). */
export const maxSecondFactorAttempts = 5;
export const recoveryCodeCount = 10;

function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Implementa',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The 30-second step of a valid code (one step of clock drift either way), unless used already. */
function acceptedStep(secret: string, code: string, lastStep: number | null): number | null {
  const totp = totpFor(secret, '');
  const delta = totp.validate({ token: code, window: 1 });
  if (delta === null) return null;
  const step = totp.counter() + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten random codes, 50 bits each, shown once as xxxxx-xxxxx; only argon2 hashes are kept. */
function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: recoveryCodeCount }, () => {
    const bytes = randomBytes(10);
    const text = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

async function hashedRecoveryCodes() {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((one) => hashPassword(normaliseRecoveryCode(one))));
  return { codes, hashes };
}

function me(actor: Actor) {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

/**
 * Checks the second step of a sign-in on its pending session: a TOTP code or an unused recovery
 * code. Every attempt is counted first (in its own statement, so that a wrong code cannot roll
 * it back); past the limit the pending session is gone and the password must be given again.
 * Returns whose sign-in it is and how the code was accepted (null: it was not; the caller counts
 * that as a failed sign-in of the account, so that guessing codes locks it like guessing passwords).
 */
export async function checkSecondFactor(
  deps: Deps,
  token: string,
  code: string,
): Promise<{ userId: string; method: 'totp' | 'recovery_code' | null }> {
  const sessionId = hashToken(token);
  const pending = await takePendingSession(deps.db, sessionId);
  if (!pending) throw new AppError('UNAUTHENTICATED');
  if (pending.attempts > maxSecondFactorAttempts) {
    await deleteSession(deps.db, sessionId);
    throw new AppError('UNAUTHENTICATED');
  }
  const accepted = await deps.db.transaction().execute(async (trx) => {
    const totp = await findTotp(trx, pending.userId);
    if (!totp?.totp_secret) return null;
    if (/^\d{6}$/.test(code.trim())) {
      const step = acceptedStep(
        unseal(deps.settings.encryptionKey, totp.totp_secret),
        code.trim(),
        totp.totp_last_step,
      );
      if (step === null) return null;
      await setTotp(trx, pending.userId, { totp_last_step: step });
      return 'totp' as const;
    }
    const given = normaliseRecoveryCode(code);
    for (const stored of await findUnusedRecoveryCodes(trx, pending.userId)) {
      if ((await verifyPassword(stored.code_hash, given)) && (await spendRecoveryCode(trx, stored.id)))
        return 'recovery_code' as const;
    }
    return null;
  });
  return { userId: pending.userId, method: accepted };
}

export async function totpStatus(deps: Deps, actor: Actor): Promise<TotpStatus> {
  const user = me(actor);
  const totp = await findTotp(deps.db, user.id);
  const left = totp?.totp_enabled_at ? (await findUnusedRecoveryCodes(deps.db, user.id)).length : 0;
  return { enabled: Boolean(totp?.totp_enabled_at), recoveryCodesLeft: left };
}

/** A new secret for the authenticator app; it counts only once a code from it is confirmed. */
export async function startTotpSetup(deps: Deps, actor: Actor): Promise<TotpSetup> {
  const user = me(actor);
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await setTotp(deps.db, user.id, { totp_pending_secret: seal(deps.settings.encryptionKey, secret) });
  return { secret, uri: totpFor(secret, user.email).toString() };
}

/** Confirms the app with a first code: the second factor is on, and ten recovery codes are shown once. */
export async function enableTotp(deps: Deps, actor: Actor, code: string): Promise<string[]> {
  const user = me(actor);
  const pending = (await findTotp(deps.db, user.id))?.totp_pending_secret;
  if (!pending) throw new AppError('CONFLICT');
  const step = acceptedStep(unseal(deps.settings.encryptionKey, pending), code, null);
  if (step === null) throw new AppError('INVALID_CREDENTIALS');
  // Ten argon2 hashes cost about a second: only a right code pays for them.
  const { codes, hashes } = await hashedRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    // Another tab may have started over with a new secret meanwhile: this code was for the old one.
    if ((await findTotp(trx, user.id))?.totp_pending_secret !== pending) throw new AppError('CONFLICT');
    await setTotp(trx, user.id, {
      totp_secret: pending,
      totp_pending_secret: null,
      totp_enabled_at: new Date(),
      totp_last_step: step,
    });
    await replaceRecoveryCodes(trx, user.id, hashes);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      after: { secondFactor: 'enabled' },
    });
  });
  return codes;
}

async function clearTotp(deps: Deps, actor: Actor, userId: string, why: 'disabled' | 'reset') {
  await deps.db.transaction().execute(async (trx) => {
    await setTotp(trx, userId, {
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
    });
    await replaceRecoveryCodes(trx, userId, []);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: userId,
      after: { secondFactor: why },
    });
  });
}

/** Turns the second factor off; the password is asked again, so an unattended session cannot. */
export async function disableTotp(deps: Deps, actor: Actor, password: string): Promise<void> {
  const user = me(actor);
  const row = await users.findUserById(deps.db, user.id);
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, password)))
    throw new AppError('INVALID_CREDENTIALS');
  await clearTotp(deps, actor, user.id, 'disabled');
}

/** An administrator removes someone's second factor (a lost phone and lost recovery codes). */
export async function resetTotpOf(deps: Deps, actor: Actor, userId: string): Promise<void> {
  if (!canUsers(me(actor), 'update', { id: userId })) throw new AppError('FORBIDDEN');
  const row = await users.findUserById(deps.db, userId);
  if (!row) throw new AppError('NOT_FOUND');
  await clearTotp(deps, actor, userId, 'reset');
}

/**
 * Ten new recovery codes for the signed-in person, the old ones void at once (used up, or seen by
 * someone else). Proof is asked again, the password or a current code from the app, so that an
 * unattended session cannot take the codes and with them the account.
 */
export async function regenerateRecoveryCodes(
  deps: Deps,
  actor: Actor,
  proof: { password?: string | undefined; code?: string | undefined },
): Promise<string[]> {
  const user = me(actor);
  const row = await users.findUserById(deps.db, user.id);
  if (!row) throw new AppError('UNAUTHENTICATED');
  const passwordOk = Boolean(
    proof.password && row.password_hash && (await verifyPassword(row.password_hash, proof.password)),
  );
  // A wrong password with no code to try is refused before the ten argon2 hashes of new codes.
  if (!passwordOk && !proof.code) throw new AppError('INVALID_CREDENTIALS');
  const { codes, hashes } = await hashedRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    const totp = await findTotp(trx, user.id);
    if (!totp?.totp_enabled_at || !totp.totp_secret) throw new AppError('CONFLICT');
    let proven: 'password' | 'totp' | null = passwordOk ? 'password' : null;
    if (!proven && proof.code) {
      const secret = unseal(deps.settings.encryptionKey, totp.totp_secret);
      const step = acceptedStep(secret, proof.code.trim(), totp.totp_last_step);
      if (step !== null) {
        await setTotp(trx, user.id, { totp_last_step: step });
        proven = 'totp';
      }
    }
    if (!proven) throw new AppError('INVALID_CREDENTIALS');
    await replaceRecoveryCodes(trx, user.id, hashes);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: user.id,
      after: { recoveryCodes: 'regenerated', proof: proven },
    });
  });
  return codes;
}
