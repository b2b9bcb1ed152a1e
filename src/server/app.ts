import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors';
import type { Locale } from '../shared/i18n/locales';
import { ping } from './db/database';
import type { Deps } from './deps';
import { apiTokensPlugin } from './http/api-tokens';
import { authPlugin } from './http/auth';
import { registerErrorHandling } from './http/errors';
import { type ApiDocsAccess, apiDocsGate, headersPlugin } from './http/headers';
import { sendCompressed } from './http/kept-answer';
import { pageBoot } from './http/page-boot';
import { fastifyTrustProxy } from './http/proxy';
import { webPage } from './http/web-page';
import { actionsRoutes } from './modules/actions/actions.routes';
import { assessmentRoutes } from './modules/assessment/assessment.routes';
import { assignmentsRoutes } from './modules/assignments/assignments.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { callsRoutes } from './modules/calls/calls.routes';
import { communityPublicRoutes } from './modules/community/community.public';
import { communityRoutes } from './modules/community/community.routes';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes';
import { entitiesRoutes } from './modules/entities/entities.routes';
import { networksRoutes } from './modules/entities/networks.routes';
import { federationHubRoutes, federationInboundRoutes } from './modules/federation/federation-hub.routes';
import { federationNationalRoutes } from './modules/federation/federation-national.routes';
import { hubProfilesRoutes } from './modules/hub-profiles/hub-profiles.routes';
import { hubPublicRoutes } from './modules/hub-profiles/hub-public.routes';
import { hubSearchRoutes } from './modules/hub-search/hub-search.routes';
import { identityRoutes } from './modules/identity/identity.routes';
import { ssoRoutes } from './modules/identity/sso.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { indicatorsRoutes } from './modules/indicators/indicators.routes';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { peersRoutes } from './modules/peers/peers.routes';
import { practicesPublicRoutes } from './modules/practices/practices.public.routes';
import { practicesRoutes } from './modules/practices/practices.routes';
import { attachmentsRoutes } from './modules/progress/attachments.routes';
import { followUpRoutes } from './modules/progress/follow-up.routes';
import { progressRoutes } from './modules/progress/progress.routes';
import { publicRoutes } from './modules/public/public.routes';
import { publicationRoutes } from './modules/public/publication.routes';
import { registerRoutes } from './modules/register/register.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { stateProfileRoutes } from './modules/state-profile/state-profile.routes';
import { taxonomiesRoutes } from './modules/taxonomies/taxonomies.routes';
import { apiTokensRoutes } from './modules/users/api-tokens.routes';
import { usersRoutes } from './modules/users/users.routes';
import { waitingRoutes } from './modules/waiting/waiting.routes';

export interface AppOptions {
  deps: Deps;
  sessionSecret: string;
  defaultLocale: Locale;
  databaseKind: 'postgres' | 'pglite';
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  /** Hop count or proxy addresses (never `true`: a client would choose its own address). */
  trustProxy?: false | number | string[];
  /** Who may read /api/docs and /api/openapi.json; signed-in people only unless set. */
  apiDocs?: ApiDocsAccess;
  bodyLimitBytes?: number;
  /** Addresses never rate limited (tests sign in many times from loopback). */
  rateLimitAllowList?: string[];
  /** Requests per minute per address on the public portal (its own bucket); 600 unless set. */
  publicRatePerMinute?: number;
  /** Built web client to serve; absent in API-only tests. */
  webDir?: string;
  /** Told of every route as it is registered (the access matrix test lists them so). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/**
 * Files under assets/ carry a hash of their content in their name: a new build has new names, so
 * they never change and are kept a year. Everything else (index.html above all) is revalidated.
 */
export function webCacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

const defaultWebDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Builds the HTTP app without listening: main.ts listens, tests call app.inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // One line per request (below), not Fastify's two: under load the log is a fair share of the work.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrustProxy(options.trustProxy),
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (options.logger)
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Installations on a LAN address over plain HTTP must still load their own scripts.
        upgradeInsecureRequests: null,
      },
    },
    // Set by headersPlugin, and only on HTTPS responses.
    strictTransportSecurity: false,
  });
  // API answers compressed on the fly (brotli quality 4, gzip); the web files are precompressed,
  // and an answer that already names its encoding is left alone.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(rateLimit, {
    global: false,
    allowList: options.rateLimitAllowList ?? [],
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Implementa API',
        description:
          'Recommendations, coordination, follow-up and reporting for NMIRFs and local and regional governments.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'implementa_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          // An API token made by an admin (Administration → API tokens); no CSRF token with it.
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token: `Authorization: Bearer imp_…`' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authPlugin, {
    deps: options.deps,
    secret: options.sessionSecret,
    defaultLocale: options.defaultLocale,
  });
  await app.register(apiTokensPlugin, { perMinute: options.deps.settings.API_TOKEN_RATE_PER_MINUTE });
  await app.register(headersPlugin);
  // After the auth plugin, so that the gate knows who asks.
  const docsGate = apiDocsGate(options.apiDocs ?? 'signed-in');
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiHooks: { onRequest: docsGate } });

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ping(options.deps.db);
      return { status: 'ready', database: options.databaseKind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: options.databaseKind });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true }, onRequest: docsGate }, async () => app.swagger());

  await app.register(identityRoutes(options.deps));
  await app.register(ssoRoutes(options.deps));
  await app.register(usersRoutes(options.deps));
  await app.register(apiTokensRoutes(options.deps));
  await app.register(auditRoutes(options.deps));
  await app.register(outboxRoutes(options.deps));
  // A national instance keeps a State's register and everything around it; a knowledge hub
  // (decision 034) hosts NMIRFs as members and has none of it. Accounts, the audit trail, the
  // outbox and API tokens serve both.
  if (options.deps.settings.INSTANCE_MODE === 'national') {
    await app.register(stateProfileRoutes(options.deps));
    await app.register(entitiesRoutes(options.deps));
    await app.register(networksRoutes(options.deps));
    await app.register(registerRoutes(options.deps));
    await app.register(assignmentsRoutes(options.deps));
    await app.register(peersRoutes(options.deps));
    await app.register(dashboardsRoutes(options.deps));
    await app.register(callsRoutes(options.deps));
    await app.register(reportsRoutes(options.deps));
    await app.register(indicatorsRoutes(options.deps));
    await app.register(progressRoutes(options.deps));
    await app.register(attachmentsRoutes(options.deps));
    await app.register(followUpRoutes(options.deps));
    await app.register(calendarRoutes(options.deps));
    await app.register(actionsRoutes(options.deps));
    await app.register(taxonomiesRoutes(options.deps));
    await app.register(importsRoutes(options.deps));
    await app.register(waitingRoutes(options.deps));
    await app.register(publicationRoutes(options.deps));
    await app.register(federationNationalRoutes(options.deps));
    await app.register(publicRoutes(options.deps, { ratePerMinute: options.publicRatePerMinute ?? 600 }));
  } else {
    // The hub's parts (profiles and networks, practices, community, federation, self-assessment,
    // search) register here.
    await app.register(hubProfilesRoutes(options.deps));
    await app.register(hubPublicRoutes(options.deps, { ratePerMinute: options.publicRatePerMinute ?? 600 }));
    await app.register(communityRoutes(options.deps));
    await app.register(communityPublicRoutes(options.deps));
    await app.register(practicesRoutes(options.deps));
    await app.register(practicesPublicRoutes(options.deps, { ratePerMinute: options.publicRatePerMinute ?? 600 }));
    await app.register(federationInboundRoutes(options.deps));
    await app.register(federationHubRoutes(options.deps));
    await app.register(assessmentRoutes(options.deps));
    await app.register(hubSearchRoutes(options.deps));
  }

  const webDir = options.webDir ?? defaultWebDir;
  const serveWeb = existsSync(`${webDir}/index.html`);
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // The build wrote .br and .gz beside each file (build/compress-plugin.ts): sent as they are.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('cache-control', webCacheControl(path));
      },
    });
  // index.html with the page's chunks and catalogue named for preloading (decision 029).
  const page = serveWeb ? webPage(webDir) : null;
  app.setNotFoundHandler(async (request, reply) => {
    // Client-side routes get the app; unknown API paths get a JSON NOT_FOUND.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && serveWeb;
    if (isPage && page) {
      const [path = '/', query] = request.url.split('?');
      // With its first API answers (decision 041): the page is this person's, cached by no one else.
      const boot = await pageBoot(app, request, path, Boolean(query));
      reply.header('cache-control', 'private, no-cache').header('vary', 'cookie, accept-language');
      const html = page(path, request.actor.locale, request.actor.user !== null, boot);
      return sendCompressed(request, reply, html, 'text/html; charset=utf-8');
    }
    throw new AppError('NOT_FOUND');
  });
  return app;
}
