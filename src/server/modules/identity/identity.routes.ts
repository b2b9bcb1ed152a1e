import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { idParamsSchema, okSchema } from '../../../shared/schemas/common';
import {
  acceptInvitationSchema,
  completePasswordResetSchema,
  disableTotpSchema,
  inspectInvitationSchema,
  invitationDetailsSchema,
  recoveryCodesSchema,
  regenerateRecoveryCodesSchema,
  requestPasswordResetSchema,
  revokedSessionsSchema,
  type SessionResponse,
  type SessionUser,
  secondFactorSchema,
  sessionInfoSchema,
  sessionResponseSchema,
  sessionUserSchema,
  signInSchema,
  totpEnableSchema,
  totpSetupSchema,
  totpStatusSchema,
  updateMeSchema,
} from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../../http/auth';
import { demoAccounts } from '../../seed/demo-accounts';
import { hubDemoAccounts } from '../../seed/hub/accounts';
import { capabilitiesOf } from './capabilities';
import {
  acceptInvitation,
  completePasswordReset,
  completeSecondFactor,
  inspectInvitation,
  listMySessions,
  listSessionsOfUser,
  requestPasswordReset,
  revokeMyOtherSessions,
  revokeMySession,
  revokeSessionsOfUser,
  secondFactorMinutes,
  signIn,
  signOut,
  updateMe,
} from './identity.service';
import {
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  resetTotpOf,
  startTotpSetup,
  totpStatus,
} from './second-factor.service';

export function identityRoutes(deps: Deps): FastifyPluginAsyncZod {
  // A demo hub shows its own accounts (seed/hub), a demo State the State's.
  const shownAccounts = deps.settings.demo
    ? deps.settings.INSTANCE_MODE === 'hub'
      ? hubDemoAccounts.map(({ country: _country, ...account }) => account)
      : demoAccounts
    : [];
  const tags = ['identity'];
  const sessionOf = (user: SessionUser | null, csrfToken: string | null): SessionResponse => ({
    user,
    capabilities: user ? capabilitiesOf(user) : null,
    csrfToken,
    demoAccounts: shownAccounts,
    singleSignOn: deps.settings.oidc ? { name: deps.settings.oidc.name } : null,
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
        if (!session.user) {
          setSessionCookie(request, reply, session.token, secondFactorMinutes / 60);
          return { ...sessionOf(null, null), secondFactorRequired: true };
        }
        setSessionCookie(request, reply, session.token, deps.settings.SESSION_TTL_HOURS);
        return sessionOf(session.user, session.csrfToken);
      },
    );

    // The second step of a sign-in, on the cookie the password step set.
    app.post(
      '/api/session/second-factor',
      {
        schema: { tags, body: secondFactorSchema, response: { 200: sessionResponseSchema } },
        config: { rateLimit },
      },
      async (request, reply): Promise<SessionResponse> => {
        const token = sessionTokenOf(request);
        if (!token) throw new AppError('UNAUTHENTICATED');
        const session = await completeSecondFactor(deps, request.actor, token, request.body.code, {
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
    // The TOTP second factor: state, enrolment (secret, then a first code), turning it off.
    app.get('/api/me/totp', { schema: { tags: ['me'], response: { 200: totpStatusSchema } } }, (request) =>
      totpStatus(deps, request.actor),
    );
    app.post('/api/me/totp/setup', { schema: { tags: ['me'], response: { 200: totpSetupSchema } } }, (request) =>
      startTotpSetup(deps, request.actor),
    );
    app.post(
      '/api/me/totp/enable',
      {
        schema: { tags: ['me'], body: totpEnableSchema, response: { 200: recoveryCodesSchema } },
        config: { rateLimit },
      },
      async (request) => ({ recoveryCodes: await enableTotp(deps, request.actor, request.body.code) }),
    );
    app.post(
      '/api/me/totp/disable',
      { schema: { tags: ['me'], body: disableTotpSchema, response: { 200: okSchema } }, config: { rateLimit } },
      async (request) => {
        await disableTotp(deps, request.actor, request.body.password);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/me/totp/recovery-codes',
      {
        schema: { tags: ['me'], body: regenerateRecoveryCodesSchema, response: { 200: recoveryCodesSchema } },
        config: { rateLimit },
      },
      async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(deps, request.actor, request.body) }),
    );
    app.delete(
      '/api/admin/users/:id/totp',
      { schema: { tags: ['users'], params: idParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await resetTotpOf(deps, request.actor, request.params.id);
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
