import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';
import { isLocale, type Locale, negotiateLocale } from '../../shared/i18n/locales';
import type { Deps } from '../deps';
import { sameSecret } from '../lib/secrets';
import { resolveSession } from '../modules/identity/identity.service';
import type { Actor } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
  }
}

export const sessionCookie = 'implementa_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the signed session cookie into request.actor, and guards cookie-authenticated writes
 * with a synchronizer CSRF token (the session's own token, sent back in x-csrf-token). A
 * tampered cookie fails its signature and counts as no session. Sign-in itself carries no
 * session: it is protected by SameSite cookies and by accepting only application/json, which a
 * cross-site form cannot send.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: { deps: Deps; secret: string; defaultLocale: Locale }) => {
    await app.register(cookie, { secret: options.secret });
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('csrfToken', null);

    app.addHook('onRequest', async (request) => {
      const headerLocale = request.headers['x-locale'];
      const locale = isLocale(headerLocale)
        ? headerLocale
        : negotiateLocale(request.headers['accept-language'], options.defaultLocale);
      request.actor = { user: null, sessionId: null, requestId: request.id, ip: request.ip, locale };
      const token = sessionTokenOf(request);
      if (!token) return;
      const session = await resolveSession(options.deps, token);
      if (!session) return;
      request.actor = {
        ...request.actor,
        user: session.user,
        sessionId: session.sessionId,
        locale: session.user.locale,
      };
      request.csrfToken = session.csrfToken;
    });

    app.addHook('preHandler', async (request) => {
      if (safeMethods.has(request.method) || !request.actor.sessionId || !request.csrfToken) return;
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, request.csrfToken)) throw new AppError('CSRF');
    });
  },
);

/** The token in the signed session cookie, if the signature holds. */
export function sessionTokenOf(request: FastifyRequest): string | null {
  const raw = request.cookies[sessionCookie];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeHours: number,
): void {
  reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    signed: true,
    maxAge: maxAgeHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}
