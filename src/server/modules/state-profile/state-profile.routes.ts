import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stateProfileSchema, updateStateProfileSchema } from '../../../shared/schemas/state-profile';
import type { Deps } from '../../deps';
import { getStateProfile, updateStateProfile } from './state-profile.service';

export function stateProfileRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['state'];
    app.get('/api/state-profile', { schema: { tags, response: { 200: stateProfileSchema } } }, (request) =>
      getStateProfile(db, request.actor),
    );
    app.put(
      '/api/state-profile',
      { schema: { tags, body: updateStateProfileSchema, response: { 200: stateProfileSchema } } },
      (request) => updateStateProfile(db, request.actor, request.body),
    );
  };
}
