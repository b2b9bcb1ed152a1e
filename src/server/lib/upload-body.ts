import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors';

// Uploads are the raw file body (application/octet-stream) with the file's name in the query:
// no multipart parsing, and the byte limit is Fastify's body limit.

/** UPLOAD_MAX_MB as bytes. */
export const uploadMaxBytes = (settings: { UPLOAD_MAX_MB: number }) => Math.floor(settings.UPLOAD_MAX_MB * 1_048_576);

/** Lets this plugin's routes receive a file body up to `maxBytes` as a Buffer. */
export function acceptFileBodies(app: FastifyInstance, maxBytes: number): void {
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
