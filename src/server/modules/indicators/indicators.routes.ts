import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import {
  acrossPlacesQuerySchema,
  acrossPlacesSchema,
  indicatorDetailSchema,
  indicatorFieldsSchema,
  indicatorListQuerySchema,
  indicatorNotificationSchema,
  indicatorSummarySchema,
  observationFieldsSchema,
  observationImportPlanSchema,
  observationImportQuerySchema,
  observationListQuerySchema,
  observationParamsSchema,
  observationSchema,
  overTimeQuerySchema,
  overTimeSchema,
  placePeriodsSchema,
  updateIndicatorSchema,
  updateObservationSchema,
  versionQuerySchema,
} from '../../../shared/schemas/indicators';
import type { Deps } from '../../deps';
import { acceptFileBodies, fileBody, uploadMaxBytes } from '../../lib/upload-body';
import {
  createIndicator,
  deleteIndicator,
  getIndicator,
  getIndicatorNotification,
  listIndicators,
  setIndicatorNotification,
  updateIndicator,
} from './indicators.service';
import {
  applyObservationImport,
  previewObservationImport,
  requireObservationImporter,
} from './observation-import.service';
import {
  addObservation,
  deleteObservation,
  getAcrossPlaces,
  getOverTime,
  getPlacePeriods,
  listObservations,
  updateObservation,
} from './observations.service';

/** Indicators, their observations (one by one or from a file), the series for charts. */
export function indicatorsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const maxBytes = uploadMaxBytes(deps.settings);
  return async (app) => {
    acceptFileBodies(app, maxBytes);
    const tags = ['indicators'];
    app.get(
      '/api/indicators',
      { schema: { tags, querystring: indicatorListQuerySchema, response: { 200: pageOf(indicatorSummarySchema) } } },
      (request) => listIndicators(deps, request.actor, request.query),
    );
    app.post(
      '/api/indicators',
      { schema: { tags, body: indicatorFieldsSchema, response: { 201: indicatorDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createIndicator(deps, request.actor, request.body)),
    );
    app.get(
      '/api/indicators/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: indicatorDetailSchema } } },
      (request) => getIndicator(deps.db, request.actor, request.params.id),
    );
    app.put(
      '/api/indicators/:id',
      {
        schema: { tags, params: idParamsSchema, body: updateIndicatorSchema, response: { 200: indicatorDetailSchema } },
      },
      (request) => updateIndicator(deps, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/indicators/:id',
      { schema: { tags, params: idParamsSchema, querystring: versionQuerySchema, response: { 200: okSchema } } },
      async (request) => {
        await deleteIndicator(deps, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/indicators/:id/observations',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: observationListQuerySchema,
          response: { 200: pageOf(observationSchema) },
        },
      },
      (request) => listObservations(deps, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/indicators/:id/observations',
      { schema: { tags, params: idParamsSchema, body: observationFieldsSchema, response: { 201: observationSchema } } },
      async (request, reply) =>
        reply.status(201).send(await addObservation(deps, request.actor, request.params.id, request.body)),
    );
    app.put(
      '/api/indicators/:id/observations/:observationId',
      {
        schema: {
          tags,
          params: observationParamsSchema,
          body: updateObservationSchema,
          response: { 200: observationSchema },
        },
      },
      (request) =>
        updateObservation(deps, request.actor, request.params.id, request.params.observationId, request.body),
    );
    app.delete(
      '/api/indicators/:id/observations/:observationId',
      {
        schema: { tags, params: observationParamsSchema, querystring: versionQuerySchema, response: { 200: okSchema } },
      },
      async (request) => {
        const { id, observationId } = request.params;
        await deleteObservation(deps, request.actor, id, observationId, request.query.version);
        return { ok: true as const };
      },
    );
    for (const step of ['preview', 'apply'] as const) {
      app.post(
        `/api/indicators/:id/observations/import/${step}`,
        {
          bodyLimit: maxBytes,
          config: { uploadPolicy: ({ actor, params }) => requireObservationImporter(deps.db, actor, params.id ?? '') },
          schema: {
            tags,
            params: idParamsSchema,
            querystring: observationImportQuerySchema,
            response: { 200: observationImportPlanSchema },
          },
        },
        async (request) => {
          const { fileName, iso3 } = request.query;
          const run = step === 'preview' ? previewObservationImport : applyObservationImport;
          return run(deps, request.actor, request.params.id, fileName, fileBody(request.body, fileName), iso3);
        },
      );
    }
    app.get(
      '/api/indicators/:id/series/over-time',
      { schema: { tags, params: idParamsSchema, querystring: overTimeQuerySchema, response: { 200: overTimeSchema } } },
      (request) => getOverTime(deps, request.actor, request.params.id, request.query.placeId),
    );
    app.get(
      '/api/indicators/:id/series/across-places',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: acrossPlacesQuerySchema,
          response: { 200: acrossPlacesSchema },
        },
      },
      (request) => getAcrossPlaces(deps, request.actor, request.params.id, request.query),
    );
    app.get(
      '/api/indicators/:id/series/periods',
      { schema: { tags, params: idParamsSchema, response: { 200: placePeriodsSchema } } },
      (request) => getPlacePeriods(deps, request.actor, request.params.id),
    );
    app.get(
      '/api/me/notifications/indicators',
      { schema: { tags: ['me'], response: { 200: indicatorNotificationSchema } } },
      (request) => getIndicatorNotification(deps, request.actor),
    );
    app.put(
      '/api/me/notifications/indicators',
      { schema: { tags: ['me'], body: indicatorNotificationSchema, response: { 200: indicatorNotificationSchema } } },
      (request) => setIndicatorNotification(deps, request.actor, request.body),
    );
  };
}
