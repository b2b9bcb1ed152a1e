import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiTokenQuerySchema,
  apiTokenSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
} from '../../../shared/schemas/api-tokens';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service';

/** Admins' management of machines' tokens; a token itself may never call these (http/auth.ts). */
export function apiTokensRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin'];
    app.get(
      '/api/admin/api-tokens',
      { schema: { tags, querystring: apiTokenQuerySchema, response: { 200: pageOf(apiTokenSchema) } } },
      (request) => listApiTokens(deps, request.actor, request.query),
    );
    app.post(
      '/api/admin/api-tokens',
      { schema: { tags, body: createApiTokenSchema, response: { 201: createdApiTokenSchema } } },
      async (request, reply) => reply.status(201).send(await createApiToken(deps, request.actor, request.body)),
    );
    app.post(
      '/api/admin/api-tokens/:id/revoke',
      { schema: { tags, params: idParamsSchema, response: { 200: apiTokenSchema } } },
      (request) => revokeApiToken(deps, request.actor, request.params.id),
    );
  };
}
