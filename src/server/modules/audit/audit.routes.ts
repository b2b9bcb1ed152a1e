import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventSchema, auditQuerySchema } from '../../../shared/schemas/audit';
import { pageOf, pageQuerySchema } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import { listAuditEvents, listMyActivity } from './audit.service';

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/api/admin/audit',
      { schema: { tags: ['admin'], querystring: auditQuerySchema, response: { 200: pageOf(auditEventSchema) } } },
      (request) => listAuditEvents(db, request.actor, request.query),
    );
    app.get(
      '/api/me/activity',
      { schema: { tags: ['me'], querystring: pageQuerySchema, response: { 200: pageOf(auditEventSchema) } } },
      (request) => listMyActivity(db, request.actor, request.query),
    );
  };
}
