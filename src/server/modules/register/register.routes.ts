import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import {
  batchEditResultSchema,
  batchEditSchema,
  clusterListQuerySchema,
  clusterSchema,
  createClusterSchema,
  createLinkSchema,
  createSavedViewSchema,
  numberLookupSchema,
  recommendationDetailSchema,
  recommendationRefSchema,
  recommendationSearchSchema,
  reviewListQuerySchema,
  reviewSummarySchema,
  savedViewSchema,
  searchResultSchema,
  updateClusterSchema,
  updateRecommendationSchema,
  versionQuerySchema,
} from '../../../shared/schemas/register';
import type { Deps } from '../../deps';
import { sendKept } from '../../http/kept-answer';
import { createCluster, deleteCluster, getCluster, listClusters, updateCluster } from './clusters.service';
import { exportCsv, exportXlsx } from './export.service';
import { linkRecommendations, unlinkRecommendations } from './links.service';
import {
  batchEdit,
  findRecommendationsByNumber,
  getRecommendation,
  updateRecommendation,
} from './recommendations.service';
import { getReview, listReviews } from './reviews.service';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-views.service';
import { searchRecommendations } from './search.service';

export function registerRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['register'];
    app.get(
      '/api/recommendations',
      { schema: { tags, querystring: recommendationSearchSchema, response: { 200: searchResultSchema } } },
      async (request, reply) =>
        sendKept(request, reply, await searchRecommendations(db, request.actor, request.query), searchResultSchema),
    );
    app.get(
      '/api/recommendations/export.csv',
      { schema: { tags, querystring: recommendationSearchSchema } },
      async (request, reply) => {
        // Awaited before any header: a refusal or a failing first query is a status, not a broken file.
        const file = await exportCsv(db, request.actor, request.query, exportFailure(request));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="recommendations.csv"')
          .send(file);
      },
    );
    app.get(
      '/api/recommendations/export.xlsx',
      { schema: { tags, querystring: recommendationSearchSchema } },
      async (request, reply) => {
        const file = await exportXlsx(db, request.actor, request.query, exportFailure(request));
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="recommendations.xlsx"')
          .send(file);
      },
    );
    app.post(
      '/api/recommendations/batch',
      { schema: { tags, body: batchEditSchema, response: { 200: batchEditResultSchema } } },
      (request) => batchEdit(db, request.actor, request.body),
    );
    app.get(
      '/api/recommendations/by-number',
      {
        schema: { tags, querystring: numberLookupSchema, response: { 200: pageOf(recommendationRefSchema) } },
      },
      (request) => findRecommendationsByNumber(db, request.actor, request.query),
    );
    app.get(
      '/api/recommendations/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: recommendationDetailSchema } } },
      (request) => getRecommendation(db, request.actor, request.params.id),
    );
    app.patch(
      '/api/recommendations/:id',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: updateRecommendationSchema,
          response: { 200: recommendationDetailSchema },
        },
      },
      (request) => updateRecommendation(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/recommendations/:id/links',
      { schema: { tags, params: idParamsSchema, body: createLinkSchema, response: { 200: okSchema } } },
      async (request) => {
        await linkRecommendations(db, request.actor, request.params.id, request.body.otherId, request.body.kind);
        return { ok: true as const };
      },
    );
    app.delete(
      '/api/recommendations/:id/links/:otherId',
      { schema: { tags, params: z.object({ id: z.uuid(), otherId: z.uuid() }), response: { 200: okSchema } } },
      async (request) => {
        await unlinkRecommendations(db, request.actor, request.params.id, request.params.otherId);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/reviews',
      { schema: { tags, querystring: reviewListQuerySchema, response: { 200: pageOf(reviewSummarySchema) } } },
      (request) => listReviews(db, request.actor, request.query),
    );
    app.get(
      '/api/reviews/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: reviewSummarySchema } } },
      (request) => getReview(db, request.actor, request.params.id),
    );
    app.get(
      '/api/clusters',
      { schema: { tags, querystring: clusterListQuerySchema, response: { 200: pageOf(clusterSchema) } } },
      (request) => listClusters(db, request.actor, request.query),
    );
    app.get(
      '/api/clusters/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: clusterSchema } } },
      (request) => getCluster(db, request.actor, request.params.id),
    );
    app.patch(
      '/api/clusters/:id',
      { schema: { tags, params: idParamsSchema, body: updateClusterSchema, response: { 200: clusterSchema } } },
      (request) => updateCluster(db, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/clusters/:id',
      { schema: { tags, params: idParamsSchema, querystring: versionQuerySchema, response: { 200: okSchema } } },
      async (request) => {
        await deleteCluster(db, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/clusters',
      { schema: { tags, body: createClusterSchema, response: { 201: clusterSchema } } },
      async (request, reply) => reply.status(201).send(await createCluster(db, request.actor, request.body)),
    );
    app.get('/api/saved-views', { schema: { tags, response: { 200: z.array(savedViewSchema) } } }, (request) =>
      listSavedViews(db, request.actor),
    );
    app.post(
      '/api/saved-views',
      { schema: { tags, body: createSavedViewSchema, response: { 201: savedViewSchema } } },
      async (request, reply) => reply.status(201).send(await createSavedView(db, request.actor, request.body)),
    );
    app.delete(
      '/api/saved-views/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await deleteSavedView(db, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}

/** A failure after an export's headers were sent cannot become a status: it is logged. */
const exportFailure = (request: FastifyRequest) => (error: unknown) =>
  request.log.error({ err: error }, 'export failed after the response started');
