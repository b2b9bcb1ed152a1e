import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/schemas/common';
import { attachmentListSchema, attachmentSchema, attachmentUploadQuerySchema } from '../../../shared/schemas/progress';
import type { Deps } from '../../deps';
import { acceptFileBodies, fileBody } from '../../lib/upload-body';
import {
  deleteAttachment,
  downloadAttachment,
  listAttachments,
  maxBytesOf,
  requireAttachmentWriter,
  uploadAttachment,
} from './attachments.service';

/** ASCII fallback for old clients beside the UTF-8 name. */
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

/**
 * Files of progress updates (evidence) and of actions (documents). Uploads are the raw body
 * (application/octet-stream) with the name in the query, as for imports.
 */
export function attachmentsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // One byte over the limit still reaches the service, which names the file in its answer.
    const bodyLimit = maxBytesOf(deps) + 1;
    acceptFileBodies(app, bodyLimit);
    const tags = ['attachments'];
    for (const [prefix, kind] of [
      ['/api/progress-updates', 'progress_update'],
      ['/api/actions', 'action'],
    ] as const) {
      app.get(
        `${prefix}/:id/attachments`,
        { schema: { tags, params: idParamsSchema, response: { 200: attachmentListSchema } } },
        (request) => listAttachments(deps, request.actor, { kind, id: request.params.id }),
      );
      app.post(
        `${prefix}/:id/attachments`,
        {
          bodyLimit,
          config: {
            uploadPolicy: ({ actor, params }) => requireAttachmentWriter(deps.db, actor, { kind, id: params.id ?? '' }),
          },
          schema: {
            tags,
            params: idParamsSchema,
            querystring: attachmentUploadQuerySchema,
            response: { 201: attachmentSchema },
          },
        },
        async (request, reply) => {
          const body = fileBody(request.body ?? Buffer.alloc(0), request.query.fileName, 'file');
          const added = await uploadAttachment(
            deps,
            request.actor,
            { kind, id: request.params.id },
            request.query.fileName,
            body,
          );
          return reply.status(201).send(added);
        },
      );
    }
    app.get('/api/attachments/:id/download', { schema: { tags, params: idParamsSchema } }, async (request, reply) => {
      const file = await downloadAttachment(deps, request.actor, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(file.data);
    });
    app.delete(
      '/api/attachments/:id',
      { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
      async (request, reply) => {
        await deleteAttachment(deps, request.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
