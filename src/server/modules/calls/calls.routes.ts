import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCallEntitiesSchema,
  addCallRecommendationsSchema,
  answerPageSchema,
  answerQuerySchema,
  callDetailSchema,
  callEntityParamsSchema,
  callEntityQuerySchema,
  callEntitySchema,
  callListQuerySchema,
  callRecommendationParamsSchema,
  callRecommendationSchema,
  callSummarySchema,
  callVersionQuerySchema,
  createCallSchema,
  inboxItemSchema,
  inboxQuerySchema,
  notificationPreferencesSchema,
  saveAnswersResultSchema,
  saveAnswersSchema,
  sendCallSchema,
  trackerPageSchema,
  trackerQuerySchema,
  updateCallSchema,
} from '../../../shared/schemas/calls';
import { idParamsSchema, okSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import { getAnswers, listInbox, saveAnswers } from './calls.answers.service';
import { getPreferences, remindNow, sendCall, setPreferences } from './calls.sending.service';
import {
  addEntities,
  addRecommendations,
  createCall,
  deleteCall,
  getCall,
  listCallEntities,
  listCallRecommendations,
  listCalls,
  removeEntity,
  removeRecommendation,
  updateCall,
} from './calls.service';
import { getTracker } from './calls.tracker.service';

const askedQuerySchema = callEntityQuerySchema.extend({
  asked: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export function callsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calls'];
    app.get(
      '/api/calls',
      { schema: { tags, querystring: callListQuerySchema, response: { 200: pageOf(callSummarySchema) } } },
      (request) => listCalls(deps, request.actor, request.query),
    );
    app.post(
      '/api/calls',
      { schema: { tags, body: createCallSchema, response: { 201: callDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createCall(deps, request.actor, request.body)),
    );
    app.get(
      '/api/calls/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: callDetailSchema } } },
      (request) => getCall(deps.db, request.actor, request.params.id),
    );
    app.patch(
      '/api/calls/:id',
      { schema: { tags, params: idParamsSchema, body: updateCallSchema, response: { 200: callDetailSchema } } },
      (request) => updateCall(deps, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/calls/:id',
      { schema: { tags, params: idParamsSchema, querystring: callVersionQuerySchema, response: { 200: okSchema } } },
      async (request) => {
        await deleteCall(deps, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/calls/:id/send',
      { schema: { tags, params: idParamsSchema, body: sendCallSchema, response: { 200: callDetailSchema } } },
      (request) => sendCall(deps, request.actor, request.params.id, request.body.version),
    );
    app.post(
      '/api/calls/:id/reminders',
      { schema: { tags, params: idParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await remindNow(deps, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/calls/:id/recommendations',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: pageOf(callRecommendationSchema) },
        },
      },
      (request) => listCallRecommendations(deps, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/calls/:id/recommendations',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: addCallRecommendationsSchema,
          response: { 200: callDetailSchema },
        },
      },
      (request) => addRecommendations(deps, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/calls/:id/recommendations/:recommendationId',
      { schema: { tags, params: callRecommendationParamsSchema, response: { 200: callDetailSchema } } },
      (request) => removeRecommendation(deps, request.actor, request.params.id, request.params.recommendationId),
    );
    app.get(
      '/api/calls/:id/entities',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: askedQuerySchema,
          response: { 200: pageOf(callEntitySchema) },
        },
      },
      (request) => listCallEntities(deps, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/calls/:id/entities',
      { schema: { tags, params: idParamsSchema, body: addCallEntitiesSchema, response: { 200: callDetailSchema } } },
      (request) => addEntities(deps, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/calls/:id/entities/:entityId',
      { schema: { tags, params: callEntityParamsSchema, response: { 200: callDetailSchema } } },
      (request) => removeEntity(deps, request.actor, request.params.id, request.params.entityId),
    );
    app.get(
      '/api/calls/:id/tracker',
      {
        schema: { tags, params: idParamsSchema, querystring: trackerQuerySchema, response: { 200: trackerPageSchema } },
      },
      (request) => getTracker(deps, request.actor, request.params.id, request.query),
    );
    app.get(
      '/api/calls/:id/entities/:entityId/answers',
      {
        schema: {
          tags,
          params: callEntityParamsSchema,
          querystring: answerQuerySchema,
          response: { 200: answerPageSchema },
        },
      },
      (request) => getAnswers(deps, request.actor, request.params.id, request.params.entityId, request.query),
    );
    app.put(
      '/api/calls/:id/entities/:entityId/answers',
      {
        schema: {
          tags,
          params: callEntityParamsSchema,
          body: saveAnswersSchema,
          response: { 200: saveAnswersResultSchema },
        },
      },
      (request) => saveAnswers(deps, request.actor, request.params.id, request.params.entityId, request.body),
    );
    app.get(
      '/api/inbox',
      { schema: { tags, querystring: inboxQuerySchema, response: { 200: pageOf(inboxItemSchema) } } },
      (request) => listInbox(deps, request.actor, request.query),
    );
    app.get(
      '/api/me/notifications',
      { schema: { tags: ['me'], response: { 200: notificationPreferencesSchema } } },
      (request) => getPreferences(deps.db, request.actor),
    );
    app.put(
      '/api/me/notifications',
      {
        schema: { tags: ['me'], body: notificationPreferencesSchema, response: { 200: notificationPreferencesSchema } },
      },
      (request) => setPreferences(deps.db, request.actor, request.body),
    );
  };
}
