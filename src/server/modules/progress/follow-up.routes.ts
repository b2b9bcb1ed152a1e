import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common';
import { followUpGradeInputSchema, followUpItemSchema, followUpQuerySchema } from '../../../shared/schemas/progress';
import type { Deps } from '../../deps';
import { gradeFollowUp, listFollowUps } from './follow-up.service';

/** Treaty body follow-up: the recommendations picked, their deadlines, the committee's grades. */
export function followUpRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['follow-up'];
    app.get(
      '/api/follow-up',
      { schema: { tags, querystring: followUpQuerySchema, response: { 200: pageOf(followUpItemSchema) } } },
      (request) => listFollowUps(db, request.actor, request.query),
    );
    app.put(
      '/api/follow-up/:id/grade',
      {
        schema: { tags, params: idParamsSchema, body: followUpGradeInputSchema, response: { 200: followUpItemSchema } },
      },
      (request) => gradeFollowUp(db, request.actor, request.params.id, request.body),
    );
  };
}
