import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { waitingSchema } from '../../../shared/schemas/waiting';
import type { Deps } from '../../deps';
import { waitingFor } from './waiting.service';

export function waitingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/me/waiting', { schema: { tags: ['me'], response: { 200: waitingSchema } } }, (request) =>
      waitingFor(deps, request.actor),
    );
  };
}
