import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { peersPageSchema, peersQuerySchema } from '../../../shared/schemas/peers';
import type { Deps } from '../../deps';
import { listPeers } from './peers.service';

export function peersRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/peers',
      { schema: { tags: ['peers'], querystring: peersQuerySchema, response: { 200: peersPageSchema } } },
      (request) => listPeers(db, request.actor, request.query),
    );
  };
}
