import * as oidc from 'openid-client';
import type { SessionUser, SsoRefusal } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import type { OidcSettings } from '../../env';
import type { Actor } from '../../http/context';
import { recordAudit } from '../audit/audit.service';
import * as users from '../users/users.service';
import { deleteExpiredSessions } from './identity.repo';
import { type ClientMeta, type NewSession, openSignedInSession } from './identity.service';

/**
 * Single sign-on through one OpenID Connect provider (decision 022): the authorization code flow
 * with PKCE (S256), state and nonce, done by openid-client. The provider proves who the person is;
 * Implementa still decides who may come in: the provider's verified e-mail must be that of an
 * existing, active, unlocked account (no account is ever created here). The session opened is
 * the one a password opens, marked 'sso'.
 */

/** What the browser carries between leaving for the provider and coming back (a signed cookie). */
export interface SsoFlow {
  state: string;
  nonce: string;
  verifier: string;
  /** The page to open after signing in (a path on this site). */
  next: string;
}

export type SsoOutcome = { session: NewSession & { user: SessionUser } } | { refused: SsoRefusal };

const configurations = new WeakMap<OidcSettings, Promise<oidc.Configuration>>();

/**
 * The provider's metadata and keys, discovered once and kept (a failure is not kept: the next
 * sign-in tries again). Plain http is accepted only for a provider on this machine (tests, a
 * development IdP); anywhere else openid-client's refusal of http stands.
 */
function configurationOf(settings: OidcSettings): Promise<oidc.Configuration> {
  let found = configurations.get(settings);
  if (!found) {
    const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(settings.issuer.hostname);
    found = oidc.discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
      timeout: 10,
      ...(settings.issuer.protocol === 'http:' && loopback ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    configurations.set(settings, found);
    found.catch(() => configurations.delete(settings));
  }
  return found;
}

/** Where to send the browser, and what it must bring back; null: the provider cannot be reached. */
export async function startSso(settings: OidcSettings, next: string): Promise<{ url: string; flow: SsoFlow } | null> {
  let config: oidc.Configuration;
  try {
    config = await configurationOf(settings);
  } catch {
    return null;
  }
  const flow: SsoFlow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    next,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUrl.href,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url: url.href, flow };
}

/**
 * The provider's answer at the callback: the code is exchanged (with the PKCE verifier; state and
 * nonce must be the ones this browser left with), the ID token checked by openid-client
 * (signature, issuer, audience, expiry, nonce), then the account matched by verified e-mail.
 * Every refusal is audited with its reason; the person sees only the reason's message.
 */
export async function completeSso(
  deps: Deps,
  actor: Actor,
  settings: OidcSettings,
  flow: SsoFlow | null,
  query: string,
  meta: ClientMeta,
): Promise<SsoOutcome> {
  const refuse = async (reason: SsoRefusal, email: string | null, userId: string | null, detail?: string) => {
    await recordAudit(deps.db, actor, {
      action: 'sign_in_failed',
      recordType: 'user',
      recordId: userId,
      actorLabel: email ?? 'single sign-on',
      after: { method: 'sso', reason, ...(detail ? { detail } : {}) },
    });
    return { refused: reason };
  };
  if (!flow) return refuse('failed', null, null, 'no sign-in under way in this browser (expired or already used)');
  let config: oidc.Configuration;
  try {
    config = await configurationOf(settings);
  } catch (error) {
    return refuse('unavailable', null, null, describe(error));
  }
  const current = new URL(settings.redirectUrl);
  current.search = query;
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return refuse('failed', null, null, 'no ID token');
    claims = { ...idToken };
    // Many providers put e-mail only in the UserInfo answer, not in the ID token.
    if (typeof claims.email !== 'string') {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      claims = { ...claims, email: info.email, email_verified: info.email_verified };
    }
  } catch (error) {
    return refuse('failed', null, null, describe(error));
  }
  const email = typeof claims.email === 'string' ? claims.email : null;
  if (!email || claims.email_verified !== true) return refuse('email_unverified', email, null);
  const user = await users.findUserByEmail(deps.db, email);
  if (!user || user.status === 'invited') return refuse('unknown_account', email, null);
  if (user.status !== 'active') return refuse('account_disabled', email, user.id);
  if (user.locked_until && user.locked_until > new Date()) return refuse('account_locked', email, user.id);
  const session = await deps.db.transaction().execute(async (trx) => {
    // A sign-in the provider vouched for is a successful sign-in: like the password's, it clears
    // the count of wrong passwords (a locked account never gets here: the lock is refused above).
    await users.updateUserCounters(trx, user.id, { failed_sign_ins: 0, last_sign_in_at: new Date() });
    await deleteExpiredSessions(trx);
    return openSignedInSession(trx, deps, actor, user, meta, 'sso', {
      method: 'sso',
      issuer: settings.issuer.href,
      subject: String(claims.sub),
      ...(Array.isArray(claims.amr) ? { amr: claims.amr } : {}),
    });
  });
  return { session };
}

function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError)
    return `${error.error}: ${error.error_description ?? ''}`.trim();
  if (!(error instanceof Error)) return String(error);
  // openid-client wraps the precise reason (e.g. 'unexpected "state" response parameter value') in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${(error as { code?: string }).code ?? error.name}: ${error.message}${cause}`;
}
