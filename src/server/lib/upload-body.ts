import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Actor } from '../http/context';

// Uploads are the raw file body (application/octet-stream) with the file's name in the query:
// no multipart parsing, and the byte limit is Fastify's body limit.
//
// Permission comes before the body: a route of a plugin that accepts file bodies must name its
// policy (`config.uploadPolicy`); it runs in preParsing, before a byte of the body is read, so a
// viewer's 95 MB spreadsheet is refused without being buffered or parsed. A route without a
// policy refuses file bodies outright, so a new upload route cannot forget its check.

/** What a policy sees: the actor and the raw path parameters (`id` already checked to be a UUID). */
export interface UploadRequest {
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, unknown>;
}

/** Throws (FORBIDDEN, NOT_FOUND) when the actor may not send this file; runs before the body is read. */
export type UploadPolicy = (request: UploadRequest) => Promise<unknown> | unknown;

declare module 'fastify' {
  interface FastifyContextConfig {
    uploadPolicy?: UploadPolicy;
  }
}

/** UPLOAD_MAX_MB as bytes. */
export const uploadMaxBytes = (settings: { UPLOAD_MAX_MB: number }) => Math.floor(settings.UPLOAD_MAX_MB * 1_048_576);

/** Every `METHOD /url` registered with a file body and its policy (the test enumerates them). */
export const uploadRoutes = new Set<string>();

const uuid = z.uuid();

const isFileBody = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/octet-stream';

/** Checks the route's policy before the body is read; refuses file bodies on routes without one. */
async function policyFirst(request: FastifyRequest): Promise<void> {
  if (!isFileBody(request)) return;
  const policy = request.routeOptions.config.uploadPolicy;
  if (!policy) throw new AppError('UNSUPPORTED_FILE', { issues: [{ message: 'issues.noFileHere' }] });
  const params = (request.params ?? {}) as Record<string, string>;
  // Path ids reach the database in the policy before the route's schema has validated them.
  if (params.id !== undefined && !uuid.safeParse(params.id).success)
    throw new AppError('VALIDATION', {
      issues: [{ path: 'id', message: 'Invalid UUID' }],
      params: { where: 'params' },
    });
  await policy({ actor: request.actor, params, query: (request.query ?? {}) as Record<string, unknown> });
}

/** Lets this plugin's routes receive a file body up to `maxBytes` as a Buffer, each after its policy. */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.uploadPolicy)
      for (const method of [route.method].flat()) uploadRoutes.add(`${method} ${route.url}`);
  });
  app.addHook('preParsing', async (request, _reply, payload) => {
    await policyFirst(request);
    return payload;
  });
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  );
}

/** The uploaded bytes, or UNSUPPORTED_FILE naming the file when the body is not a file (JSON, a form). */
export function fileBody(body: unknown, fileName: string, path?: string): Buffer {
  if (!Buffer.isBuffer(body))
    throw new AppError('UNSUPPORTED_FILE', {
      issues: [{ ...(path ? { path } : {}), file: fileName, message: 'issues.sendFileBody' }],
    });
  return body;
}
