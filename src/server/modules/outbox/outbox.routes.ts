import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common';
import { outboxMailSchema, outboxQuerySchema } from '../../../shared/schemas/outbox';
import type { Deps } from '../../deps';
import { listOutbox, retryMail } from './outbox.service';

export function outboxRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin'];
    app.get(
      '/api/admin/outbox',
      { schema: { tags, querystring: outboxQuerySchema, response: { 200: pageOf(outboxMailSchema) } } },
      (request) => listOutbox(deps, request.actor, request.query),
    );
    app.post(
      '/api/admin/outbox/:id/retry',
      { schema: { tags, params: idParamsSchema, response: { 200: outboxMailSchema } } },
      (request) => retryMail(deps, request.actor, request.params.id),
    );
  };
}
