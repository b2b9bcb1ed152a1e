import type { FastifyRequest } from 'fastify';
import { AppError, type ErrorIssue } from '../../shared/errors';

/**
 * PostgreSQL refuses text holding a NUL byte (U+0000), so a query parameter, path parameter or
 * JSON body carrying one would fail at the database as a 500. Refused here, once for every route,
 * as a 400 naming each field. File uploads (Buffers, streams) are not text and are not walked.
 */
export async function rejectNulBytes(request: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const issues: ErrorIssue[] = [];
    collect(value, [], issues);
    // The same shape as a schema refusal: field paths within `where` (query, params or body).
    if (issues.length > 0) throw new AppError('VALIDATION', { issues, params: { where } });
  }
}

const maxDepth = 32;

function collect(value: unknown, path: string[], issues: ErrorIssue[]): void {
  if (issues.length >= 20 || path.length > maxDepth) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) issues.push({ path: path.join('.'), message: 'issues.nulByte' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) collect(item, [...path, String(index)], issues);
    return;
  }
  // Parsed JSON and query strings (fast-querystring's objects have a prototype of their own),
  // never file bodies: Buffers, typed arrays, streams.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000'))
      issues.push({ path: [...path, key.replaceAll('\u0000', '\\u0000')].join('.'), message: 'issues.nulByte' });
    collect(item, [...path, key], issues);
  }
}
