import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers only published data: the one kind of route a read_public token may call (issue 18). */
    publicData?: boolean;
  }
}

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes that make or end a person's ways in (sign-in, sessions, two-step sign-in, invitations,
 * password resets, single sign-on, other accounts' second factor and sessions, API tokens): a
 * person does these in the browser; a token, whatever its scope, never does.
 */
const accountPaths = [
  /^\/api\/session(?:[/?]|$)/,
  /^\/api\/sso\//,
  /^\/api\/password-resets(?:[/?]|$)/,
  /^\/api\/invitations\/(?:accept|inspect)/,
  /^\/api\/me\/(?:sessions|totp)(?:[/?]|$)/,
  /^\/api\/admin\/users\/[^/]+\/(?:totp|sessions)(?:[/?]|$)/,
  /^\/api\/admin\/api-tokens(?:[/?]|$)/,
];

/** The routes a national instance's signed requests reach on a hub (modules/federation). */
export const federationPath = /^\/api\/federation\/inbound\//;

function refuse(request: FastifyRequest, need: 'account' | 'write' | 'public' | 'federation'): never {
  throw new AppError('API_TOKEN_SCOPE', { params: { scope: request.actor.apiToken?.scope ?? '', need } });
}

/**
 * What a request made with an API token (http/auth.ts) may do, and how often: each token has its
 * own budget per minute, counted by its id whoever sends it, with `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` on every answer and 429 with `Retry-After` past it.
 * Session and anonymous traffic keep the per-address limits of their routes. Then the scope:
 * read_scoped reads only, read_public reads only routes marked `publicData` (as no one), and no
 * token touches the account routes above.
 */
export const apiTokensPlugin = fp(async (app: FastifyInstance, options: { perMinute: number }) => {
  const limit = app.createRateLimit({
    max: options.perMinute,
    timeWindow: 60_000,
    allowList: [],
    keyGenerator: (request) => `api-token:${request.actor.apiToken?.id}`,
  });

  app.addHook('onRequest', async (request, reply) => {
    const token = request.actor?.apiToken;
    if (!token) return;
    const state = await limit(request);
    if (!state.isAllowed) {
      reply.header('ratelimit-limit', state.max);
      reply.header('ratelimit-remaining', state.remaining);
      reply.header('ratelimit-reset', state.ttlInSeconds);
      if (state.isExceeded) {
        reply.header('retry-after', state.ttlInSeconds);
        throw new AppError('RATE_LIMITED', { params: { seconds: state.ttlInSeconds } });
      }
    }
    const path = request.url;
    if (accountPaths.some((pattern) => pattern.test(path))) refuse(request, 'account');
    // A hub's federation token (decision 038) acts for one member's instance on the federation
    // routes only; and only such a token reaches them (modules/federation checks the scope there).
    if (token.scope === 'federate') {
      if (!federationPath.test(path)) refuse(request, 'federation');
      return;
    }
    if (token.scope === 'read_public') {
      if (!request.routeOptions.config?.publicData || !readMethods.has(request.method)) refuse(request, 'public');
      // Published data is read as no one: the owner's own rights do not widen it.
      request.actor = { ...request.actor, user: null };
      return;
    }
    if (token.scope === 'read_scoped' && !readMethods.has(request.method)) refuse(request, 'write');
  });
});
