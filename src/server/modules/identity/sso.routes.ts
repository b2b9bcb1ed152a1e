import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { safeNext } from '../../../shared/http/safe-path';
import type { Deps } from '../../deps';
import { setSessionCookie } from '../../http/auth';
import { completeSso, type SsoFlow, startSso } from './sso.service';

const flowCookie = 'implementa_sso';
const flowPath = '/api/sso';
/** How long the provider may take (the person typing a password, a code) before the flow is void. */
const flowMinutes = 10;

const flowSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  next: z.string(),
});

/**
 * Single sign-on (decision 022): /api/sso/start sends the browser to the provider with a fresh
 * state, nonce and PKCE challenge, and keeps them in a signed, HTTP-only cookie scoped to
 * /api/sso; /api/sso/callback is where the provider sends it back. SameSite=Lax, because the way
 * back is a top-level navigation from the provider's site. Either way the browser ends on a page:
 * the one it asked for, signed in, or the sign-in page with ?sso=<reason>. Both routes answer 404
 * when single sign-on is not configured.
 */
export function ssoRoutes(deps: Deps): FastifyPluginAsyncZod {
  const tags = ['identity'];
  const rateLimit = { max: deps.settings.AUTH_RATE_PER_MINUTE, timeWindow: '1 minute' };
  const refusedUrl = (reason: string) => `/sign-in?sso=${encodeURIComponent(reason)}`;
  return async (app) => {
    app.get(
      '/api/sso/start',
      {
        schema: { tags, querystring: z.object({ next: z.string().max(500).optional() }) },
        config: { rateLimit },
      },
      async (request, reply) => {
        const settings = deps.settings.oidc;
        if (!settings) throw new AppError('NOT_FOUND');
        const started = await startSso(settings, safeNext(request.query.next));
        if (!started) return reply.redirect(refusedUrl('unavailable'));
        reply.setCookie(flowCookie, JSON.stringify(started.flow), {
          path: flowPath,
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          signed: true,
          maxAge: flowMinutes * 60,
        });
        return reply.redirect(started.url);
      },
    );

    app.get(
      '/api/sso/callback',
      {
        // The provider's parameters (code, state, iss, error…) are read by openid-client from the raw query.
        schema: { tags, querystring: z.record(z.string(), z.unknown()) },
        config: { rateLimit },
      },
      async (request, reply) => {
        const settings = deps.settings.oidc;
        if (!settings) throw new AppError('NOT_FOUND');
        const flow = readFlow(request.cookies[flowCookie], (raw) => request.unsignCookie(raw));
        // Used once: a replayed callback finds no flow (and the provider refuses a used code anyway).
        reply.clearCookie(flowCookie, { path: flowPath });
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const outcome = await completeSso(deps, request.actor, settings, flow, query, {
          userAgent: request.headers['user-agent'] ?? null,
        });
        if ('refused' in outcome) return reply.redirect(refusedUrl(outcome.refused));
        setSessionCookie(request, reply, outcome.session.token, deps.settings.SESSION_TTL_HOURS);
        return reply.redirect(flow?.next ?? '/');
      },
    );
  };
}

function readFlow(
  raw: string | undefined,
  unsign: (raw: string) => { valid: boolean; value: string | null },
): SsoFlow | null {
  if (!raw) return null;
  const unsigned = unsign(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(unsigned.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
