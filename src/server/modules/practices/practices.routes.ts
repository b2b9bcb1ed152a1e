import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { idParamsSchema } from '../../../shared/schemas/common';
import {
  practiceAttachmentSchema,
  practiceCreateSchema,
  practiceDetailSchema,
  practiceLocaleParamsSchema,
  practiceMembersSchema,
  practiceMineQuerySchema,
  practiceReturnSchema,
  practiceRowPageSchema,
  practiceStepSchema,
  practiceTextUpdateSchema,
  practiceUpdateSchema,
} from '../../../shared/schemas/hub-practices';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { acceptFileBodies, fileBody } from '../../lib/upload-body';
import {
  deletePracticeFile,
  downloadPracticeFile,
  hubAttachmentMaxBytes,
  requirePracticeFileWriter,
  tooLarge,
  uploadPracticeFile,
} from './practices.files.service';
import {
  createPractice,
  listMyPractices,
  listQueue,
  myMembers,
  publishPractice,
  readPractice,
  returnPractice,
  submitPractice,
  updatePracticeContent,
  updatePracticeText,
  withdrawPractice,
} from './practices.service';

const fileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });
const fileQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255) });
const queueQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** ASCII fallback for old clients beside the UTF-8 name. */
export const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

/**
 * The practices library's API (decision 036): a member's drafts, translations, files and
 * submissions; the moderators' queue and decisions. Creating and submitting are limited per
 * account (HUB_PRACTICE_WRITES_PER_HOUR), whatever address they come from: spam from one account
 * stops at the limit with 429 and Retry-After.
 */
export function practicesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['hub practices'];
    const bodyLimit = hubAttachmentMaxBytes(deps) + 1;
    acceptFileBodies(app, bodyLimit);
    // A file over the limit answers 413 whose message names the file and the limit, in the
    // reader's language: whether the service refused it or Fastify's body limit stopped it first
    // (far over the limit). Every other error goes on to the app's handler.
    app.setErrorHandler((error, request, reply) => {
      const fileName = (request.query as { fileName?: unknown } | undefined)?.fileName;
      const refused =
        error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE'
          ? error
          : (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE' && typeof fileName === 'string'
            ? tooLarge(fileName, deps.settings.HUB_ATTACHMENT_MAX_MB)
            : null;
      if (!refused) throw error;
      const body = refused.toJSON();
      body.error.message = translatorFor(request.actor?.locale ?? 'en')(
        'hubPractices.issues.fileTooLarge',
        refused.params,
      );
      return reply.status(413).send(body);
    });
    const perAccount = {
      rateLimit: {
        max: deps.settings.HUB_PRACTICE_WRITES_PER_HOUR,
        timeWindow: '1 hour',
        allowList: [],
        keyGenerator: (request: { actor?: { user: { id: string } | null } | null; ip: string }) =>
          `hub-practice-writes:${request.actor?.user?.id ?? request.ip}`,
      },
    };

    app.get('/api/hub/practices/members', { schema: { tags, response: { 200: practiceMembersSchema } } }, (request) =>
      myMembers(deps, request.actor),
    );
    app.get(
      '/api/hub/practices/mine',
      { schema: { tags, querystring: practiceMineQuerySchema, response: { 200: practiceRowPageSchema } } },
      (request) => listMyPractices(deps, request.actor, request.query),
    );
    app.get(
      '/api/hub/practices/queue',
      { schema: { tags, querystring: queueQuerySchema, response: { 200: practiceRowPageSchema } } },
      (request) => listQueue(deps, request.actor, request.query),
    );
    app.post(
      '/api/hub/practices',
      { config: perAccount, schema: { tags, body: practiceCreateSchema, response: { 201: practiceDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createPractice(deps, request.actor, request.body)),
    );
    app.get(
      '/api/hub/practices/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: practiceDetailSchema } } },
      (request) => readPractice(deps, request.actor, request.params.id),
    );
    app.put(
      '/api/hub/practices/:id',
      { schema: { tags, params: idParamsSchema, body: practiceUpdateSchema, response: { 200: practiceDetailSchema } } },
      (request) => updatePracticeContent(deps, request.actor, request.params.id, request.body),
    );
    app.put(
      '/api/hub/practices/:id/texts/:locale',
      {
        schema: {
          tags,
          params: practiceLocaleParamsSchema,
          body: practiceTextUpdateSchema,
          response: { 200: practiceDetailSchema },
        },
      },
      (request) => updatePracticeText(deps, request.actor, request.params.id, request.params.locale, request.body),
    );
    app.post(
      '/api/hub/practices/:id/submit',
      {
        config: perAccount,
        schema: { tags, params: idParamsSchema, body: practiceStepSchema, response: { 200: practiceDetailSchema } },
      },
      (request) => submitPractice(deps, request.actor, request.params.id, request.body.version),
    );
    app.post(
      '/api/hub/practices/:id/publish',
      { schema: { tags, params: idParamsSchema, body: practiceStepSchema, response: { 200: practiceDetailSchema } } },
      (request) => publishPractice(deps, request.actor, request.params.id, request.body.version),
    );
    app.post(
      '/api/hub/practices/:id/return',
      { schema: { tags, params: idParamsSchema, body: practiceReturnSchema, response: { 200: practiceDetailSchema } } },
      (request) => returnPractice(deps, request.actor, request.params.id, request.body.version, request.body.note),
    );
    app.post(
      '/api/hub/practices/:id/withdraw',
      { schema: { tags, params: idParamsSchema, body: practiceStepSchema, response: { 200: practiceDetailSchema } } },
      (request) => withdrawPractice(deps, request.actor, request.params.id, request.body.version),
    );
    app.post(
      '/api/hub/practices/:id/files',
      {
        bodyLimit,
        config: {
          ...perAccount,
          uploadPolicy: ({ actor, params }) => requirePracticeFileWriter(deps.db, actor, params.id ?? ''),
        },
        schema: {
          tags,
          params: idParamsSchema,
          querystring: fileQuerySchema,
          response: { 201: practiceAttachmentSchema },
        },
      },
      async (request, reply) => {
        const body = fileBody(request.body ?? Buffer.alloc(0), request.query.fileName, 'file');
        const added = await uploadPracticeFile(deps, request.actor, request.params.id, request.query.fileName, body);
        return reply.status(201).send(added);
      },
    );
    app.get(
      '/api/hub/practices/:id/files/:fileId',
      { schema: { tags, params: fileParamsSchema } },
      async (request, reply) => {
        const file = await downloadPracticeFile(deps, request.actor, request.params.id, request.params.fileId);
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('cache-control', 'private, no-store')
          .send(file.data);
      },
    );
    app.delete(
      '/api/hub/practices/:id/files/:fileId',
      { schema: { tags, params: fileParamsSchema, response: { 204: z.null() } } },
      async (request, reply) => {
        await deletePracticeFile(deps, request.actor, request.params.id, request.params.fileId);
        return reply.status(204).send(null);
      },
    );
  };
}
