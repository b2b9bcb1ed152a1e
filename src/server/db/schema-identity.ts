/** The tables of people and their traces: accounts, sessions, tokens, the audit trail, the mail outbox. */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Locale } from '../../shared/i18n/locales';
import type { apiTokenScopes } from '../../shared/schemas/api-tokens';
import type { Role, signInMethods, tokenKinds, userStatuses } from '../../shared/schemas/identity';
import type { mailStatuses } from '../../shared/schemas/outbox';
import type { Json, OneOf } from './column-types';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  organisation: string | null;
  locale: Generated<Locale>;
  password_hash: string | null;
  status: Generated<OneOf<typeof userStatuses>>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Date | null;
  /** The 30-second step of the last code accepted (bigint, read as a number by database.ts). */
  totp_last_step: number | null;
}

export interface UserRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
  public_id: Generated<string>;
  last_seen_at: Generated<Date>;
  second_factor_pending: Generated<boolean>;
  second_factor_attempts: Generated<number>;
  sign_in_method: Generated<OneOf<typeof signInMethods>>;
}

export interface UserTokensTable {
  id: Generated<string>;
  kind: OneOf<typeof tokenKinds>;
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** A machine's bearer token (migration 0042); token_hash is the SHA-256 of the token, never the token. */
export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  prefix: string;
  name: string;
  scope: OneOf<typeof apiTokenScopes>;
  user_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
  ip: string | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  recipient_user_id: string | null;
  to_address: string;
  subject: string;
  body: string | null;
  /** The HTML part, rendered when the mail was queued (mail/html.ts); null for a text-only mail. */
  body_html: Generated<string | null>;
  status: Generated<OneOf<typeof mailStatuses>>;
  attempts: Generated<number>;
  last_error: string | null;
  job_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  sent_at: Date | null;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
