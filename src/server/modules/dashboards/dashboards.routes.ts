import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  overduePageSchema,
  overdueQuerySchema,
  statusBreakdownQuerySchema,
  statusBreakdownSchema,
  statusTrendQuerySchema,
  statusTrendSchema,
} from '../../../shared/schemas/dashboards';
import type { Deps } from '../../deps';
import { sendKept } from '../../http/kept-answer';
import { overdueItems, statusBreakdown, statusTrend } from './dashboards.service';

export function dashboardsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/dashboards/status',
      {
        schema: {
          tags: ['dashboards'],
          querystring: statusBreakdownQuerySchema,
          response: { 200: statusBreakdownSchema },
        },
      },
      async (request, reply) =>
        sendKept(request, reply, await statusBreakdown(db, request.actor, request.query), statusBreakdownSchema),
    );
    app.get(
      '/api/dashboards/overdue',
      { schema: { tags: ['dashboards'], querystring: overdueQuerySchema, response: { 200: overduePageSchema } } },
      (request) => overdueItems(db, request.actor, request.query),
    );
    app.get(
      '/api/dashboards/trend',
      { schema: { tags: ['dashboards'], querystring: statusTrendQuerySchema, response: { 200: statusTrendSchema } } },
      (request) => statusTrend(db, request.actor, request.query),
    );
  };
}
