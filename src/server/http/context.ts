import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '../../shared/i18n/locales';
import type { ApiTokenScope } from '../../shared/schemas/api-tokens';
import type { SessionUser } from '../../shared/schemas/identity';
import type { DB } from '../db/schema';

/** Who is acting, for policies and for the audit trail. Built per request by the auth hook. */
export interface Actor {
  user: SessionUser | null;
  sessionId: string | null;
  requestId: string;
  ip: string | null;
  locale: Locale;
  /** Set when a machine acts through an API token (as its owner, `user`, within the scope). */
  apiToken?: { id: string; scope: ApiTokenScope; prefix: string };
}

/** A query runner: the database or a transaction on it. Repositories accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;

export function systemActor(requestId = 'system'): Actor {
  return { user: null, sessionId: null, requestId, ip: null, locale: 'en' };
}
