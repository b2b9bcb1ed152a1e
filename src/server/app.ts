import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
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
import { authPlugin } from './http/auth';
import { registerErrorHandling } from './http/errors';
import { type ApiDocsAccess, apiDocsGate, headersPlugin } from './http/headers';
import { fastifyTrustProxy } from './http/proxy';
import { actionsRoutes } from './modules/actions/actions.routes';
import { assignmentsRoutes } from './modules/assignments/assignments.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { callsRoutes } from './modules/calls/calls.routes';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes';
import { entitiesRoutes } from './modules/entities/entities.routes';
import { networksRoutes } from './modules/entities/networks.routes';
import { identityRoutes } from './modules/identity/identity.routes';
import { ssoRoutes } from './modules/identity/sso.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { indicatorsRoutes } from './modules/indicators/indicators.routes';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { peersRoutes } from './modules/peers/peers.routes';
import { attachmentsRoutes } from './modules/progress/attachments.routes';
import { followUpRoutes } from './modules/progress/follow-up.routes';
import { progressRoutes } from './modules/progress/progress.routes';
import { registerRoutes } from './modules/register/register.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { stateProfileRoutes } from './modules/state-profile/state-profile.routes';
import { taxonomiesRoutes } from './modules/taxonomies/taxonomies.routes';
import { usersRoutes } from './modules/users/users.routes';

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
  /** Built web client to serve; absent in API-only tests. */
  webDir?: string;
  /** Told of every route as it is registered (the access matrix test lists them so). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

const defaultWebDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Builds the HTTP app without listening: main.ts listens, tests call app.inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
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
  await app.register(auditRoutes(options.deps));
  await app.register(outboxRoutes(options.deps));
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

  const webDir = options.webDir ?? defaultWebDir;
  const serveWeb = existsSync(`${webDir}/index.html`);
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the app; unknown API paths get a JSON NOT_FOUND.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && serveWeb;
    if (isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    throw new AppError('NOT_FOUND');
  });
  return app;
}
