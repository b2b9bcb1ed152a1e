import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorIssue } from '../../shared/errors';
import { translatorFor } from '../i18n';
import {
  badTextCodes,
  isConnectionLost,
  issueOfConstraint,
  pgCode,
  pgConstraint,
  uniqueViolation,
} from '../lib/pg-errors';
import { rejectNulBytes } from './nul-guard';

/** The one place where errors become HTTP: AppError codes map to statuses in shared/errors.ts. */
export function registerErrorHandling(app: FastifyInstance): void {
  // Before any route's validation: text with a NUL byte cannot be stored, so it is a 400 naming the field.
  app.addHook('preValidation', rejectNulBytes);
  app.setErrorHandler((raw: FastifyError | AppError, request, reply) => {
    const error = toAppError(raw);
    if (error.code === 'INTERNAL') request.log.error({ err: raw }, 'unhandled error');
    else request.log.info({ code: error.code }, 'request refused');
    const t = translatorFor(request.actor?.locale ?? 'en');
    const body = error.toJSON();
    body.error.message = t(`errors.${error.code}`, error.params);
    if (error.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', '5');
    // A refusal that says when to come back (busy parse slots) says it to HTTP clients too.
    if (error.code === 'RATE_LIMITED' && typeof error.params.seconds === 'number' && !reply.hasHeader('retry-after'))
      reply.header('retry-after', String(error.params.seconds));
    return reply.status(error.status).send(body);
  });
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (isConnectionLost(error)) return new AppError('DATABASE_UNAVAILABLE', { cause: error });
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: ErrorIssue[] = error.validation.map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'invalid',
    }));
    return new AppError('VALIDATION', { issues, params: { where: error.validationContext ?? 'body' } });
  }
  if (isResponseSerializationError(error)) return new AppError('INTERNAL', { cause: error });
  const fromDatabase = databaseRefusal(error);
  if (fromDatabase) return fromDatabase;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_FILE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('VALIDATION', { issues: [{ message: error.message }] });
  }
  if (error.statusCode === 400) return new AppError('VALIDATION', { issues: [{ message: error.message }] });
  if (error.statusCode === 404) return new AppError('NOT_FOUND');
  return new AppError('INTERNAL', { cause: error });
}

/**
 * Database refusals that are the request's fault, whichever service let them through: a unique
 * key lost in a race (two identical requests at once) is the 409 the service's own check gives,
 * and text PostgreSQL cannot store is a 400.
 */
function databaseRefusal(error: unknown): AppError | undefined {
  const code = pgCode(error);
  if (code === uniqueViolation) {
    const issue = issueOfConstraint(pgConstraint(error));
    return new AppError('CONFLICT', { cause: error, issues: issue ? [issue] : [] });
  }
  if (code && badTextCodes.has(code))
    return new AppError('VALIDATION', { cause: error, issues: [{ message: 'issues.nulByte' }] });
  return undefined;
}
