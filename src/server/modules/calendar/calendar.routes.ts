import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  calendarEventSchema,
  calendarFeedSchema,
  calendarPreferencesSchema,
  calendarQuerySchema,
  calendarSettingsSchema,
  calendarVersionQuerySchema,
  createCalendarEventSchema,
  recomputeResultSchema,
  updateCalendarEventSchema,
} from '../../../shared/schemas/calendar';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import { createFeed, getFeed, renderFeed, revokeFeed } from './calendar.feed.service';
import { createEvent, deleteEvent, getEvent, listEvents, recompute, updateEvent } from './calendar.service';
import { getPreferences, getSettings, setPreferences, setSettings } from './calendar.settings.service';

export function calendarRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['calendar'];
    const { db } = deps;
    app.get(
      '/api/calendar/events',
      { schema: { tags, querystring: calendarQuerySchema, response: { 200: pageOf(calendarEventSchema) } } },
      (request) => listEvents(db, request.actor, request.query),
    );
    app.post(
      '/api/calendar/events',
      { schema: { tags, body: createCalendarEventSchema, response: { 201: calendarEventSchema } } },
      async (request, reply) => reply.status(201).send(await createEvent(db, request.actor, request.body)),
    );
    app.get(
      '/api/calendar/events/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: calendarEventSchema } } },
      (request) => getEvent(db, request.actor, request.params.id),
    );
    app.put(
      '/api/calendar/events/:id',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: updateCalendarEventSchema,
          response: { 200: calendarEventSchema },
        },
      },
      (request) => updateEvent(db, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/calendar/events/:id',
      {
        schema: { tags, params: idParamsSchema, querystring: calendarVersionQuerySchema, response: { 200: okSchema } },
      },
      async (request) => {
        await deleteEvent(db, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.post('/api/calendar/recompute', { schema: { tags, response: { 200: recomputeResultSchema } } }, (request) =>
      recompute(db, request.actor),
    );
    app.get('/api/calendar/settings', { schema: { tags, response: { 200: calendarSettingsSchema } } }, (request) =>
      getSettings(db, request.actor),
    );
    app.put(
      '/api/calendar/settings',
      { schema: { tags, body: calendarSettingsSchema, response: { 200: calendarSettingsSchema } } },
      (request) => setSettings(db, request.actor, request.body),
    );
    app.get(
      '/api/calendar/preferences',
      { schema: { tags, response: { 200: calendarPreferencesSchema } } },
      (request) => getPreferences(db, request.actor),
    );
    app.put(
      '/api/calendar/preferences',
      { schema: { tags, body: calendarPreferencesSchema, response: { 200: calendarPreferencesSchema } } },
      (request) => setPreferences(db, request.actor, request.body),
    );
    app.get('/api/calendar/feed', { schema: { tags, response: { 200: calendarFeedSchema } } }, (request) =>
      getFeed(db, request.actor),
    );
    app.post('/api/calendar/feed', { schema: { tags, response: { 200: calendarFeedSchema } } }, (request) =>
      createFeed(deps, request.actor),
    );
    app.delete('/api/calendar/feed', { schema: { tags, response: { 200: okSchema } } }, async (request) => {
      await revokeFeed(db, request.actor);
      return { ok: true as const };
    });
    // Polled by calendar applications, without a session: the token in the address is the key.
    app.get(
      '/api/calendar/feed/:file',
      {
        schema: { tags, params: z.object({ file: z.string().max(100) }) },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const match = /^(.+)\.ics$/.exec(request.params.file);
        if (!match?.[1]) throw new AppError('NOT_FOUND');
        const text = await renderFeed(deps, match[1]);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(text);
      },
    );
  };
}
