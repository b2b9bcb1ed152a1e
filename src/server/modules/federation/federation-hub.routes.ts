import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { isLocale, negotiateLocale } from '../../../shared/i18n/locales';
import { idParamsSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common';
import {
  createdFederationLinkSchema,
  createFederationLinkSchema,
  federationLinkSchema,
  federationOriginSchema,
  inboundResultSchema,
  memberStatisticsSchema,
  originRefSchema,
} from '../../../shared/schemas/federation';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { hubPage } from '../../lib/hub-site';
import {
  deleteEverything,
  deletePractice,
  deleteProfile,
  deleteStatisticsOf,
  type InboundRequest,
  putPractice,
  putProfile,
  putStatistics,
} from './federation-inbound.service';
import {
  createFederationLink,
  listFederationLinks,
  memberStatistics,
  membersToLink,
  practiceOrigin,
  revokeFederationLink,
} from './federation-links.service';
import { notFoundBody, statisticsBody, statisticsStyles } from './federation-statistics.page';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's exact bytes as text: what Content-Digest and the signature cover. */
    federationRawBody?: string;
  }
}

/** The hub's inbound federation routes: signed requests of member instances (decision 038). */
export function federationInboundRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // These routes read JSON themselves, after the signature is checked over the bytes received.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.federationRawBody = body as string;
      try {
        done(null, body === '' ? {} : JSON.parse(body as string));
      } catch {
        done(new AppError('VALIDATION', { issues: [{ path: 'body', message: 'not JSON' }] }), undefined);
      }
    });
    const tags = ['federation'];
    const response = { 200: inboundResultSchema };
    const inbound = (request: FastifyRequest): InboundRequest => ({
      actor: request.actor,
      method: request.method,
      url: `${request.protocol}://${request.host}${request.url}`,
      headers: request.headers,
      rawBody: request.federationRawBody ?? '',
      body: request.body,
    });
    const ref = { params: originRefSchema };
    app.put('/api/federation/inbound/practices/:ref', { schema: { tags, ...ref, response } }, (request) =>
      putPractice(deps, inbound(request), request.params.ref),
    );
    app.delete('/api/federation/inbound/practices/:ref', { schema: { tags, ...ref, response } }, (request) =>
      deletePractice(deps, inbound(request), request.params.ref),
    );
    app.put('/api/federation/inbound/profile', { schema: { tags, response } }, (request) =>
      putProfile(deps, inbound(request)),
    );
    app.delete('/api/federation/inbound/profile', { schema: { tags, response } }, (request) =>
      deleteProfile(deps, inbound(request)),
    );
    app.put('/api/federation/inbound/statistics', { schema: { tags, response } }, (request) =>
      putStatistics(deps, inbound(request)),
    );
    app.delete('/api/federation/inbound/statistics', { schema: { tags, response } }, (request) =>
      deleteStatisticsOf(deps, inbound(request)),
    );
    app.delete('/api/federation/inbound/everything', { schema: { tags, response } }, (request) =>
      deleteEverything(deps, inbound(request)),
    );
  };
}

/** The hub admin's federation links, and what federation shows publicly (origins, statistics). */
export function federationHubRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['federation'];
    app.get(
      '/api/hub/federation-links',
      { schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(federationLinkSchema) } } },
      (request) => listFederationLinks(deps, request.actor, request.query),
    );
    app.post(
      '/api/hub/federation-links',
      { schema: { tags, body: createFederationLinkSchema, response: { 201: createdFederationLinkSchema } } },
      async (request, reply) => reply.status(201).send(await createFederationLink(deps, request.actor, request.body)),
    );
    app.get(
      '/api/hub/federation-links/members',
      {
        schema: {
          tags,
          querystring: z.object({ q: z.string().max(200).default('') }),
          response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), countryCode: z.string() })) },
        },
      },
      (request) => membersToLink(deps, request.actor, request.query.q),
    );
    app.post(
      '/api/hub/federation-links/:id/revoke',
      { schema: { tags, params: idParamsSchema, response: { 200: federationLinkSchema } } },
      (request) => revokeFederationLink(deps, request.actor, request.params.id),
    );
    // Public: aggregates only, and where a practice came from.
    const publicConfig = { publicData: true };
    app.get(
      '/api/hub/members/:id/statistics',
      { schema: { tags, params: idParamsSchema, response: { 200: memberStatisticsSchema } }, config: publicConfig },
      async (request) => {
        const found = await memberStatistics(deps.db, request.params.id);
        if (!found) throw new AppError('NOT_FOUND');
        const { memberName: _name, ...rest } = found;
        return rest;
      },
    );
    app.get(
      '/api/hub/practices/:id/origin',
      {
        schema: {
          tags,
          params: idParamsSchema,
          response: { 200: z.object({ origin: federationOriginSchema.nullable() }) },
        },
        config: publicConfig,
      },
      async (request) => ({ origin: await practiceOrigin(deps.db, request.params.id) }),
    );
    app.get(
      '/hub/:locale/members/:id/statistics',
      { schema: { hide: true }, config: { rateLimit: { max: 600, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const params = request.params as { locale: string; id: string };
        const locale = isLocale(params.locale)
          ? params.locale
          : negotiateLocale(request.headers['accept-language'], 'en');
        const t = translatorFor(locale);
        const uuid = z.uuid().safeParse(params.id);
        const found = isLocale(params.locale) && uuid.success ? await memberStatistics(deps.db, uuid.data) : undefined;
        const path = `/members/${params.id}/statistics`;
        const page = found
          ? {
              title: t('federation.statistics.title', { member: found.memberName }),
              body: statisticsBody(locale, t, found),
            }
          : { title: t('federation.statistics.notFound'), body: notFoundBody(t) };
        return reply
          .status(found ? 200 : 404)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(hubPage({ locale, t, path, styles: statisticsStyles, ...page }));
      },
    );
  };
}
