import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common';
import {
  bulkProgressResultSchema,
  bulkProgressStepSchema,
  createProgressUpdateSchema,
  progressDetailSchema,
  progressListQuerySchema,
  progressOptionsQuerySchema,
  progressOptionsSchema,
  progressStepSchema,
  progressSummarySchema,
  updateProgressUpdateSchema,
} from '../../../shared/schemas/progress';
import type { Deps } from '../../deps';
import { bulkStep } from './progress.bulk.service';
import { createUpdate, editUpdate, getOptions, getUpdate, listUpdates } from './progress.service';
import { approveUpdate, returnUpdate, submitUpdate } from './progress.workflow.service';

/** Progress updates on recommendations and actions, and their validation. */
export function progressRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['progress'];
    const detail = { 200: progressDetailSchema };
    app.get(
      '/api/progress-updates',
      { schema: { tags, querystring: progressListQuerySchema, response: { 200: pageOf(progressSummarySchema) } } },
      (request) => listUpdates(deps.db, request.actor, request.query),
    );
    app.get(
      '/api/progress-updates/options',
      { schema: { tags, querystring: progressOptionsQuerySchema, response: { 200: progressOptionsSchema } } },
      (request) => getOptions(deps.db, request.actor, request.query),
    );
    app.post(
      '/api/progress-updates',
      { schema: { tags, body: createProgressUpdateSchema, response: { 201: progressDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createUpdate(deps.db, request.actor, request.body)),
    );
    app.get('/api/progress-updates/:id', { schema: { tags, params: idParamsSchema, response: detail } }, (request) =>
      getUpdate(deps.db, request.actor, request.params.id),
    );
    app.put(
      '/api/progress-updates/:id',
      { schema: { tags, params: idParamsSchema, body: updateProgressUpdateSchema, response: detail } },
      (request) => editUpdate(deps.db, request.actor, request.params.id, request.body),
    );
    // Before the `:id` routes' neighbours: one step on many updates, with a result per item.
    for (const step of ['approve', 'return'] as const) {
      app.post(
        `/api/progress-updates/bulk/${step}`,
        { schema: { tags, body: bulkProgressStepSchema, response: { 200: bulkProgressResultSchema } } },
        (request) => bulkStep(deps, request.actor, step, request.body),
      );
    }
    const steps = { submit: submitUpdate, approve: approveUpdate, return: returnUpdate } as const;
    for (const [name, step] of Object.entries(steps)) {
      app.post(
        `/api/progress-updates/:id/${name}`,
        { schema: { tags, params: idParamsSchema, body: progressStepSchema, response: detail } },
        (request) => step(deps, request.actor, request.params.id, request.body),
      );
    }
  };
}
