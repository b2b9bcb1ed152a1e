import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';
import { isLocale, type Locale, negotiateLocale } from '../../shared/i18n/locales';
import type { Deps } from '../deps';
import { sameSecret } from '../lib/secrets';
import { resolveSession } from '../modules/identity/identity.service';
import { resolveApiToken } from '../modules/users/api-tokens.service';
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
 * A machine sends `Authorization: Bearer <API token>` instead: the token acts as its owner
 * (request.actor.apiToken says which token and scope; http/api-tokens.ts limits and bounds it).
 * Its cookie, if any, is ignored, and CSRF does not apply: a browser never attaches a bearer
 * header by itself, so a cross-site page cannot make a request carry one.
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
      const bearer = request.url.startsWith('/api/') ? bearerTokenOf(request) : null;
      if (bearer !== null) {
        const resolved = await resolveApiToken(options.deps, bearer);
        if (!resolved.ok) throw new AppError(resolved.code);
        request.actor = {
          ...request.actor,
          user: resolved.user,
          locale: isLocale(headerLocale) ? headerLocale : resolved.user.locale,
          apiToken: resolved.token,
        };
        return;
      }
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

/** The token of an `Authorization: Bearer …` header ('' when the header names none); null without one. */
export function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : null;
}

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
