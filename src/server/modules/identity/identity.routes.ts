import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../shared/schemas/common';
import {
  acceptInvitationSchema,
  completePasswordResetSchema,
  inspectInvitationSchema,
  invitationDetailsSchema,
  requestPasswordResetSchema,
  revokedSessionsSchema,
  type SessionResponse,
  type SessionUser,
  sessionInfoSchema,
  sessionResponseSchema,
  sessionUserSchema,
  signInSchema,
  updateMeSchema,
} from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import { clearSessionCookie, setSessionCookie } from '../../http/auth';
import { demoAccounts } from '../../seed/demo-accounts';
import { capabilitiesOf } from './capabilities';
import {
  acceptInvitation,
  completePasswordReset,
  inspectInvitation,
  listMySessions,
  listSessionsOfUser,
  requestPasswordReset,
  revokeMyOtherSessions,
  revokeMySession,
  revokeSessionsOfUser,
  signIn,
  signOut,
  updateMe,
} from './identity.service';

export function identityRoutes(deps: Deps): FastifyPluginAsyncZod {
  const shownAccounts = deps.settings.demo ? demoAccounts : [];
  const tags = ['identity'];
  const sessionOf = (user: SessionUser | null, csrfToken: string | null): SessionResponse => ({
    user,
    capabilities: user ? capabilitiesOf(user) : null,
    csrfToken,
    demoAccounts: shownAccounts,
  });
  const rateLimit = { max: deps.settings.AUTH_RATE_PER_MINUTE, timeWindow: '1 minute' };
  const resetRateLimit = {
    max: Math.max(1, Math.ceil(deps.settings.AUTH_RATE_PER_MINUTE / 2)),
    timeWindow: '1 minute',
  };
  return async (app) => {
    app.get('/api/session', { schema: { tags, response: { 200: sessionResponseSchema } } }, async (request) =>
      sessionOf(request.actor.user, request.csrfToken),
    );

    app.post(
      '/api/session',
      {
        schema: { tags, body: signInSchema, response: { 200: sessionResponseSchema } },
        config: { rateLimit },
      },
      async (request, reply): Promise<SessionResponse> => {
        const session = await signIn(deps, request.actor, request.body, {
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, session.token, deps.settings.SESSION_TTL_HOURS);
        return sessionOf(session.user, session.csrfToken);
      },
    );

    app.delete('/api/session', { schema: { tags, response: { 200: okSchema } } }, async (request, reply) => {
      await signOut(deps, request.actor);
      clearSessionCookie(reply);
      return { ok: true as const };
    });

    app.post(
      '/api/password-resets',
      {
        schema: { tags, body: requestPasswordResetSchema, response: { 202: okSchema } },
        config: { rateLimit: resetRateLimit },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.actor, request.body.email);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/api/password-resets/complete',
      {
        schema: { tags, body: completePasswordResetSchema, response: { 200: okSchema } },
        config: { rateLimit },
      },
      async (request) => {
        await completePasswordReset(deps, request.actor, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/invitations/accept',
      {
        schema: { tags, body: acceptInvitationSchema, response: { 200: sessionResponseSchema } },
        config: { rateLimit },
      },
      async (request, reply): Promise<SessionResponse> => {
        const session = await acceptInvitation(deps, request.actor, request.body, {
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(request, reply, session.token, deps.settings.SESSION_TTL_HOURS);
        return sessionOf(session.user, session.csrfToken);
      },
    );

    app.post(
      '/api/invitations/inspect',
      {
        schema: { tags, body: inspectInvitationSchema, response: { 200: invitationDetailsSchema } },
        config: { rateLimit },
      },
      (request) => inspectInvitation(deps, request.body.token),
    );

    app.patch(
      '/api/me',
      { schema: { tags: ['me'], body: updateMeSchema, response: { 200: sessionUserSchema } } },
      (request) => updateMe(deps, request.actor, request.body),
    );

    // Where I am signed in, and signing out elsewhere; administrators for someone else.
    const sessionList = { 200: z.array(sessionInfoSchema) };
    app.get('/api/me/sessions', { schema: { tags: ['me'], response: sessionList } }, (request) =>
      listMySessions(deps, request.actor),
    );
    app.delete(
      '/api/me/sessions',
      { schema: { tags: ['me'], response: { 200: revokedSessionsSchema } } },
      async (request) => ({ revoked: await revokeMyOtherSessions(deps, request.actor) }),
    );
    app.delete(
      '/api/me/sessions/:id',
      { schema: { tags: ['me'], params: idParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await revokeMySession(deps, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/admin/users/:id/sessions',
      { schema: { tags: ['users'], params: idParamsSchema, response: sessionList } },
      (request) => listSessionsOfUser(deps, request.actor, request.params.id),
    );
    app.delete(
      '/api/admin/users/:id/sessions',
      { schema: { tags: ['users'], params: idParamsSchema, response: { 200: revokedSessionsSchema } } },
      async (request) => ({ revoked: await revokeSessionsOfUser(deps, request.actor, request.params.id) }),
    );
  };
}
