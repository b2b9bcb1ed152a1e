import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  actionDetailSchema,
  actionListQuerySchema,
  actionNotificationSchema,
  actionSummarySchema,
  actionVersionQuerySchema,
  createActionSchema,
  updateActionSchema,
} from '../../../shared/schemas/actions';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import { getActionNotification, setActionNotification } from './actions.reminders.service';
import { createAction, deleteAction, getAction, listActions, updateAction } from './actions.service';

export function actionsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['actions'];
    app.get(
      '/api/actions',
      { schema: { tags, querystring: actionListQuerySchema, response: { 200: pageOf(actionSummarySchema) } } },
      (request) => listActions(deps, request.actor, request.query),
    );
    app.post(
      '/api/actions',
      { schema: { tags, body: createActionSchema, response: { 201: actionDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createAction(deps, request.actor, request.body)),
    );
    app.get(
      '/api/actions/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: actionDetailSchema } } },
      (request) => getAction(deps.db, request.actor, request.params.id),
    );
    app.put(
      '/api/actions/:id',
      { schema: { tags, params: idParamsSchema, body: updateActionSchema, response: { 200: actionDetailSchema } } },
      (request) => updateAction(deps, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/actions/:id',
      { schema: { tags, params: idParamsSchema, querystring: actionVersionQuerySchema, response: { 200: okSchema } } },
      async (request) => {
        await deleteAction(deps, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/me/notifications/actions',
      { schema: { tags: ['me'], response: { 200: actionNotificationSchema } } },
      (request) => getActionNotification(deps.db, request.actor),
    );
    app.put(
      '/api/me/notifications/actions',
      { schema: { tags: ['me'], body: actionNotificationSchema, response: { 200: actionNotificationSchema } } },
      (request) => setActionNotification(deps.db, request.actor, request.body),
    );
  };
}
