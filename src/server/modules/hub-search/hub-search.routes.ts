import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubSearchQuerySchema, hubSearchResultSchema } from '../../../shared/schemas/hub-search';
import type { Deps } from '../../deps';
import { hubSearchPage } from './hub-search.page';
import { searchHub } from './hub-search.service';

/**
 * The hub's one search: the API (anyone; signed-in hub accounts also find what is for accounts)
 * and its public page, server-rendered without script at /hub/<locale>/search.
 */
export function hubSearchRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/hub/search',
      { schema: { tags: ['hub'], querystring: hubSearchQuerySchema, response: { 200: hubSearchResultSchema } } },
      (request) => searchHub(db, request.actor.user, request.actor.locale, request.query),
    );
    app.get('/hub/:locale/search', { schema: { hide: true } }, (request, reply) => hubSearchPage(db, request, reply));
  };
}
