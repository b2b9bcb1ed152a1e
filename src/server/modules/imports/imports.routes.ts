import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common';
import {
  applyImportSchema,
  columnMappingSchema,
  importListQuerySchema,
  importOptionsSchema,
  importPreviewSchema,
  importSummarySchema,
} from '../../../shared/schemas/imports';
import type { Deps } from '../../deps';
import { acceptFileBodies, fileBody, uploadMaxBytes } from '../../lib/upload-body';
import {
  applyImport,
  downloadOriginal,
  getImport,
  listColumnMappings,
  listImports,
  previewImport,
  requireImporter,
  uploadImport,
} from './imports.service';

const uploadQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255) });

/** Uploads are the raw file body (application/octet-stream), limited by UPLOAD_MAX_MB. */
export function importsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  const maxBytes = uploadMaxBytes(deps.settings);
  return async (app) => {
    acceptFileBodies(app, maxBytes);
    const tags = ['imports'];
    app.post(
      '/api/imports',
      {
        bodyLimit: maxBytes,
        config: { uploadPolicy: ({ actor }) => requireImporter(actor) },
        schema: { tags, querystring: uploadQuerySchema, response: { 201: importPreviewSchema } },
      },
      async (request, reply) => {
        const { fileName } = request.query;
        return reply
          .status(201)
          .send(await uploadImport(db, request.actor, fileName, fileBody(request.body, fileName)));
      },
    );
    app.get(
      '/api/imports',
      { schema: { tags, querystring: importListQuerySchema, response: { 200: pageOf(importSummarySchema) } } },
      (request) => listImports(db, request.actor, request.query),
    );
    app.get('/api/imports/mappings', { schema: { tags, response: { 200: z.array(columnMappingSchema) } } }, (request) =>
      listColumnMappings(db, request.actor),
    );
    app.get(
      '/api/imports/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: importSummarySchema } } },
      (request) => getImport(db, request.actor, request.params.id),
    );
    app.post(
      '/api/imports/:id/preview',
      { schema: { tags, params: idParamsSchema, body: importOptionsSchema, response: { 200: importPreviewSchema } } },
      (request) => previewImport(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/imports/:id/apply',
      { schema: { tags, params: idParamsSchema, body: applyImportSchema, response: { 200: importSummarySchema } } },
      (request) => applyImport(db, request.actor, request.params.id, request.body),
    );
    app.get('/api/imports/:id/original', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      const file = await downloadOriginal(db, request.actor, request.params.id);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.data);
    });
  };
}
