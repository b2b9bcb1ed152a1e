import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';

/** Browser features the app never uses, refused for it and for anything it might embed. */
export const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

const hsts = 'max-age=31536000; includeSubDomains';

/**
 * Helmet's headers that only a document (or a worker, which the app has none of) obeys. A script
 * or a style sheet under /assets/ is sent without them: about 700 bytes less on each of the
 * 15–30 files of a first load, which on a slow line is worth 10–20 KB (decision 029). nosniff,
 * Cross-Origin-Resource-Policy and Referrer-Policy stay, as they apply to the file itself.
 */
export const documentOnlyHeaders = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** Answers about the person asking, whether or not a session came with the request. */
const personalPaths = ['/api/session', '/api/me'];

function isPersonal(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/api/')) return false;
  if (request.actor?.user) return true;
  const path = request.url.split('?')[0] ?? '';
  return personalPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Headers helmet does not set the way we need: HSTS only on HTTPS responses (over plain HTTP a
 * browser ignores it, and a LAN installation over HTTP must not be told otherwise), a
 * Permissions-Policy, and no-store on anything personal, so that no shared or back-button cache
 * keeps one person's data for the next person at the same computer.
 * Registered after the auth plugin, so request.actor is known.
 */
export const headersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (request, reply) => {
    // Scripts, style sheets and fonts only: an image (an SVG can run script when opened alone) keeps them all.
    if (/^\/assets\/[^?#]+\.(?:js|css|woff2?)(?:[?#]|$)/.test(request.url)) {
      for (const name of documentOnlyHeaders) reply.removeHeader(name);
    } else reply.header('permissions-policy', permissionsPolicy);
    if (request.protocol === 'https') reply.header('strict-transport-security', hsts);
    if (isPersonal(request)) {
      const given = reply.getHeader('cache-control');
      if (typeof given !== 'string' || !given.includes('no-store')) reply.header('cache-control', 'no-store');
    }
  });
});

export type ApiDocsAccess = 'public' | 'signed-in' | 'off';

/** An onRequest hook for the API reference routes: absent when off, 401 without a session when signed-in. */
export function apiDocsGate(access: ApiDocsAccess) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (access === 'off') throw new AppError('NOT_FOUND');
    if (access === 'signed-in' && !request.actor?.user) throw new AppError('UNAUTHENTICATED');
  };
}
