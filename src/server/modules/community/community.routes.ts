import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import {
  banItemSchema,
  banSchema,
  createPostSchema,
  createThreadSchema,
  eventPayloadSchema,
  eventStatuses,
  eventsQuerySchema,
  followSchema,
  hubEventSchema,
  mentionCandidateSchema,
  moderateSchema,
  moderationItemSchema,
  moderationQuerySchema,
  participantSchema,
  participantUpdateSchema,
  registrationSchema,
  reportSchema,
  spaceSchema,
  threadSchema,
  threadSummarySchema,
  threadsQuerySchema,
} from '../../../shared/schemas/community';
import type { Deps } from '../../deps';
import { acceptAnswer, createThread, getThread, listSpaces, listThreads, reply } from './community.service';
import { changeEvent, createEvent, eventIcs, getEvent, listEvents, setRegistration } from './events.service';
import { banAccount, liftAccountBan, listBans, moderatePost, moderationQueue, reportPost } from './moderation.service';
import { getParticipant, mentionCandidates, setFollow, setParticipant } from './participants.service';

const ok = { ok: true as const };

/** The community's API (decision 037), for the signed-in pages; a hub registers it. */
export function communityRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['hub community'];
    const { db } = deps;
    app.get('/api/hub/community/spaces', { schema: { tags, response: { 200: z.array(spaceSchema) } } }, (request) =>
      listSpaces(db, request.actor),
    );
    app.get(
      '/api/hub/community/spaces/:id/threads',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: threadsQuerySchema,
          response: { 200: pageOf(threadSummarySchema).extend({ space: spaceSchema }) },
        },
      },
      (request) => listThreads(db, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/hub/community/spaces/:id/threads',
      { schema: { tags, params: idParamsSchema, body: createThreadSchema, response: { 201: threadSchema } } },
      async (request, reply) =>
        reply.status(201).send(await createThread(deps, request.actor, request.params.id, request.body)),
    );
    app.get(
      '/api/hub/community/threads/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: threadSchema } } },
      (request) => getThread(db, request.actor, request.params.id),
    );
    app.post(
      '/api/hub/community/threads/:id/posts',
      { schema: { tags, params: idParamsSchema, body: createPostSchema, response: { 201: threadSchema } } },
      async (request, res) =>
        res.status(201).send(await reply(deps, request.actor, request.params.id, request.body.body)),
    );
    app.put(
      '/api/hub/community/threads/:id/accepted',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ postId: z.uuid().nullable() }),
          response: { 200: threadSchema },
        },
      },
      (request) => acceptAnswer(db, request.actor, request.params.id, request.body.postId),
    );
    app.post(
      '/api/hub/community/posts/:id/reports',
      { schema: { tags, params: idParamsSchema, body: reportSchema, response: { 200: okSchema } } },
      async (request) => {
        await reportPost(db, request.actor, request.params.id, request.body);
        return ok;
      },
    );
    app.get('/api/hub/community/me', { schema: { tags, response: { 200: participantSchema } } }, (request) =>
      getParticipant(db, request.actor),
    );
    app.put(
      '/api/hub/community/me',
      { schema: { tags, body: participantUpdateSchema, response: { 200: participantSchema } } },
      (request) => setParticipant(db, request.actor, request.body),
    );
    app.post(
      '/api/hub/community/follows',
      { schema: { tags, body: followSchema, response: { 200: okSchema } } },
      async (request) => {
        await setFollow(db, request.actor, request.body, true);
        return ok;
      },
    );
    app.delete(
      '/api/hub/community/follows',
      { schema: { tags, querystring: followSchema, response: { 200: okSchema } } },
      async (request) => {
        await setFollow(db, request.actor, request.query, false);
        return ok;
      },
    );
    app.get(
      '/api/hub/community/people',
      {
        schema: {
          tags,
          querystring: z.object({ q: z.string().max(100).default('') }),
          response: { 200: z.array(mentionCandidateSchema) },
        },
      },
      (request) => mentionCandidates(db, request.actor, request.query.q),
    );

    // Moderation
    app.get(
      '/api/hub/community/moderation',
      { schema: { tags, querystring: moderationQuerySchema, response: { 200: pageOf(moderationItemSchema) } } },
      (request) => moderationQueue(db, request.actor, request.query),
    );
    app.post(
      '/api/hub/community/posts/:id/moderation',
      { schema: { tags, params: idParamsSchema, body: moderateSchema, response: { 200: okSchema } } },
      async (request) => {
        await moderatePost(deps, request.actor, request.params.id, request.body);
        return ok;
      },
    );
    app.get('/api/hub/community/bans', { schema: { tags, response: { 200: z.array(banItemSchema) } } }, (request) =>
      listBans(db, request.actor),
    );
    app.post(
      '/api/hub/community/bans',
      { schema: { tags, body: banSchema, response: { 201: z.object({ id: z.uuid() }) } } },
      async (request, res) => res.status(201).send(await banAccount(db, request.actor, request.body)),
    );
    app.delete(
      '/api/hub/community/bans/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await liftAccountBan(db, request.actor, request.params.id);
        return ok;
      },
    );

    // Events
    app.get(
      '/api/hub/events',
      { schema: { tags, querystring: eventsQuerySchema, response: { 200: pageOf(hubEventSchema) } } },
      (request) => listEvents(db, request.actor, request.query),
    );
    app.post(
      '/api/hub/events',
      { schema: { tags, body: eventPayloadSchema, response: { 201: hubEventSchema } } },
      async (request, res) => res.status(201).send(await createEvent(db, request.actor, request.body)),
    );
    app.get(
      '/api/hub/events/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: hubEventSchema } } },
      (request) => getEvent(db, request.actor, request.params.id),
    );
    app.put(
      '/api/hub/events/:id',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: eventPayloadSchema.and(
            z.object({ version: z.number().int().positive(), status: z.enum(eventStatuses) }),
          ),
          response: { 200: hubEventSchema },
        },
      },
      (request) => changeEvent(db, request.actor, request.params.id, request.body),
    );
    app.put(
      '/api/hub/events/:id/registration',
      { schema: { tags, params: idParamsSchema, body: registrationSchema, response: { 200: hubEventSchema } } },
      (request) => setRegistration(deps, request.actor, request.params.id, request.body.status),
    );
    app.get('/api/hub/events/:id/ics', { schema: { tags, params: idParamsSchema } }, async (request, res) =>
      res
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${request.params.id}.ics"`)
        .send(await eventIcs(db, request.actor, request.params.id, deps.settings.publicUrl)),
    );
  };
}
