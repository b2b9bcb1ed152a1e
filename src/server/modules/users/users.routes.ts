import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import {
  createInvitationSchema,
  invitationListQuerySchema,
  invitationSummarySchema,
  updateUserSchema,
  userListQuerySchema,
  userSummarySchema,
} from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import { createInvitation, listInvitations, listUsers, revokeInvitation, updateUser } from './users.service';

export function usersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin'];
    app.get(
      '/api/admin/users',
      { schema: { tags, querystring: userListQuerySchema, response: { 200: pageOf(userSummarySchema) } } },
      (request) => listUsers(deps, request.actor, request.query),
    );
    app.patch(
      '/api/admin/users/:id',
      { schema: { tags, params: idParamsSchema, body: updateUserSchema, response: { 200: userSummarySchema } } },
      (request) => updateUser(deps, request.actor, request.params.id, request.body),
    );
    app.get(
      '/api/admin/invitations',
      { schema: { tags, querystring: invitationListQuerySchema, response: { 200: pageOf(invitationSummarySchema) } } },
      (request) => listInvitations(deps, request.actor, request.query),
    );
    app.post(
      '/api/admin/invitations',
      { schema: { tags, body: createInvitationSchema, response: { 201: invitationSummarySchema } } },
      async (request, reply) => reply.status(201).send(await createInvitation(deps, request.actor, request.body)),
    );
    app.delete(
      '/api/admin/invitations/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await revokeInvitation(deps, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
