import type { Locale } from '../../../shared/i18n/locales';
import type { InvitationSummary, Role, SessionUser, UserSummary } from '../../../shared/schemas/identity';
import type { UserRow } from '../../db/schema';
import type { InvitationRow } from './users.repo';

export function presentSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    locale: row.locale as Locale,
    organisation: row.organisation,
    version: row.version,
  };
}

export function presentUserSummary(row: UserRow): UserSummary {
  return {
    ...presentSessionUser(row),
    status: row.status,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    secondFactor: row.totp_enabled_at !== null,
  };
}

/** The fields an audit event keeps of a user: never the password hash, never a two-step secret. */
export function auditedUser(row: UserRow) {
  const {
    password_hash: _hash,
    failed_sign_ins: _f,
    locked_until: _l,
    last_sign_in_at: _s,
    totp_secret: _secret,
    totp_pending_secret: _pending,
    totp_last_step: _step,
    ...rest
  } = row;
  return rest;
}

export function presentInvitation(row: InvitationRow, now = new Date()): InvitationSummary {
  const status = row.used_at ? 'accepted' : row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'pending';
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    status,
    invitedBy: row.invited_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}
