import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/schemas/common';
import {
  bulkPublicationSchema,
  publicationDecisionSchema,
  publicationParamsSchema,
  publicationStateSchema,
} from '../../../shared/schemas/publication';
import type { Deps } from '../../deps';
import { decidePublication, getPublication, publishValidatedUpdates } from './publication.service';

export function publicationRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['publication'];
    app.get(
      '/api/publication/:subject/:id',
      { schema: { tags, params: publicationParamsSchema, response: { 200: publicationStateSchema } } },
      (request) => getPublication(db, request.actor, request.params.subject, request.params.id),
    );
    app.put(
      '/api/publication/:subject/:id',
      {
        schema: {
          tags,
          params: publicationParamsSchema,
          body: publicationDecisionSchema,
          response: { 200: publicationStateSchema },
        },
      },
      (request) => decidePublication(db, request.actor, request.params.subject, request.params.id, request.body),
    );
    app.post(
      '/api/publication/reviews/:id/validated-updates',
      { schema: { tags, params: idParamsSchema, response: { 200: bulkPublicationSchema } } },
      (request) => publishValidatedUpdates(db, request.actor, request.params.id),
    );
  };
}
