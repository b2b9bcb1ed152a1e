import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common';
import {
  annexParamsSchema,
  annexSelectionSchema,
  approveReportSchema,
  commentParamsSchema,
  consultationSchema,
  createCommentSchema,
  createReportSchema,
  diffQuerySchema,
  openConsultationSchema,
  replySchema,
  reportDetailSchema,
  reportDiffSchema,
  reportListQuerySchema,
  reportSectionSchema,
  reportSummarySchema,
  reportVersionSchema,
  resolveSchema,
  saveVersionSchema,
  sectionParamsSchema,
  updateReportSchema,
  updateSectionSchema,
} from '../../../shared/schemas/reports';
import type { Deps } from '../../deps';
import { type ExportedFile, exportDocx, exportPdf } from './reports.export.service';
import { cleanLeftoverPdfRuns, stopPdfConversions } from './reports.pdf';
import {
  createReport,
  getReport,
  listReports,
  setAnnexInclusion,
  updateReport,
  updateSection,
} from './reports.service';
import {
  addComment,
  approveReport,
  diffVersions,
  getConsultation,
  listVersions,
  openConsultation,
  replyToComment,
  resolveComment,
  saveVersion,
} from './reports.versions.service';

const idSchema = z.object({ id: z.uuid() });
const versionNumberSchema = z.object({ versionNumber: z.number().int() });
const consultationQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function reportsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // PDF conversions (LibreOffice) leave nothing behind: a crashed server's at start-up, this one's at shutdown.
    app.addHook('onReady', async () => {
      const left = await cleanLeftoverPdfRuns();
      if (left.removed > 0) app.log.warn(left, 'cleaned up PDF conversions left by a server that stopped');
    });
    app.addHook('onClose', async () => stopPdfConversions());
    const tags = ['reports'];
    app.get(
      '/api/reports',
      { schema: { tags, querystring: reportListQuerySchema, response: { 200: pageOf(reportSummarySchema) } } },
      (request) => listReports(deps, request.actor, request.query),
    );
    app.post(
      '/api/reports',
      { schema: { tags, body: createReportSchema, response: { 201: reportDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createReport(deps, request.actor, request.body)),
    );
    app.get(
      '/api/reports/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: reportDetailSchema } } },
      (request) => getReport(deps, request.actor, request.params.id),
    );
    app.patch(
      '/api/reports/:id',
      { schema: { tags, params: idParamsSchema, body: updateReportSchema, response: { 200: reportDetailSchema } } },
      (request) => updateReport(deps, request.actor, request.params.id, request.body),
    );
    app.put(
      '/api/reports/:id/sections/:sectionId',
      {
        schema: {
          tags,
          params: sectionParamsSchema,
          body: updateSectionSchema,
          response: { 200: reportSectionSchema },
        },
      },
      (request) => updateSection(deps, request.actor, request.params.id, request.params.sectionId, request.body),
    );
    app.put(
      '/api/reports/:id/annex/:entityId',
      {
        schema: { tags, params: annexParamsSchema, body: annexSelectionSchema, response: { 200: reportDetailSchema } },
      },
      (request) => setAnnexInclusion(deps, request.actor, request.params.id, request.params.entityId, request.body),
    );
    app.get(
      '/api/reports/:id/versions',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: pageOf(reportVersionSchema) },
        },
      },
      (request) => listVersions(deps, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/reports/:id/versions',
      { schema: { tags, params: idParamsSchema, body: saveVersionSchema, response: { 201: reportVersionSchema } } },
      async (request, reply) =>
        reply.status(201).send(await saveVersion(deps, request.actor, request.params.id, request.body.note)),
    );
    app.get(
      '/api/reports/:id/diff',
      { schema: { tags, params: idParamsSchema, querystring: diffQuerySchema, response: { 200: reportDiffSchema } } },
      (request) => diffVersions(deps, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/reports/:id/consultation',
      {
        schema: { tags, params: idParamsSchema, body: openConsultationSchema, response: { 200: versionNumberSchema } },
      },
      (request) => openConsultation(deps, request.actor, request.params.id, request.body),
    );
    app.get(
      '/api/reports/:id/consultation',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: consultationQuerySchema,
          response: { 200: consultationSchema },
        },
      },
      (request) => getConsultation(deps, request.actor, request.params.id, request.query.version),
    );
    app.post(
      '/api/reports/:id/comments',
      { schema: { tags, params: idParamsSchema, body: createCommentSchema, response: { 201: idSchema } } },
      async (request, reply) =>
        reply.status(201).send(await addComment(deps, request.actor, request.params.id, request.body)),
    );
    app.post(
      '/api/reports/:id/comments/:commentId/replies',
      { schema: { tags, params: commentParamsSchema, body: replySchema, response: { 201: idSchema } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await replyToComment(deps, request.actor, request.params.id, request.params.commentId, request.body.body),
          ),
    );
    app.patch(
      '/api/reports/:id/comments/:commentId',
      { schema: { tags, params: commentParamsSchema, body: resolveSchema, response: { 200: okSchema } } },
      async (request) => {
        await resolveComment(deps, request.actor, request.params.id, request.params.commentId, request.body.resolved);
        return { ok: true as const };
      },
    );
    app.post(
      '/api/reports/:id/approve',
      { schema: { tags, params: idParamsSchema, body: approveReportSchema, response: { 200: versionNumberSchema } } },
      (request) => approveReport(deps, request.actor, request.params.id, request.body),
    );
    const send = (kind: 'docx' | 'pdf') => (file: ExportedFile) => ({
      headers: {
        'content-type': contentTypes[kind],
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-word-limit-exceeded': String(file.overLimit),
      },
      bytes: file.bytes,
    });
    app.get('/api/reports/:id/export.docx', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      const file = send('docx')(await exportDocx(deps, request.actor, request.params.id));
      return reply.headers(file.headers).send(file.bytes);
    });
    app.get('/api/reports/:id/export.pdf', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      // The connection closing before the answer is complete stops the conversion.
      const gone = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) gone.abort();
      });
      const file = send('pdf')(await exportPdf(deps, request.actor, request.params.id, gone.signal));
      return reply.headers(file.headers).send(file.bytes);
    });
  };
}
