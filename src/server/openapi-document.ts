import { buildApp } from './app';
import type { Deps } from './deps';
import { loadSettings } from './env';

/** The parts of an OpenAPI 3 document the client generator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
}

/**
 * The OpenAPI document the server serves at /api/openapi.json, built without a database or a
 * listening socket: the routes and their zod schemas are all it reads. The web's typed client is
 * generated from it (`npm run generate:api`, build/api-types.ts).
 */
export async function openApiDocument(): Promise<OpenApiDocument> {
  // Fixed secrets: nothing is signed or sealed, and no file is written for them.
  const settings = loadSettings({
    SESSION_SECRET: 'openapi-document-'.repeat(3),
    ENCRYPTION_KEY: 'openapi-'.repeat(5),
  });
  const deps = { settings } as unknown as Deps;
  const app = await buildApp({
    deps,
    sessionSecret: settings.sessionSecret,
    defaultLocale: 'en',
    databaseKind: 'pglite',
    webDir: '/nonexistent',
  });
  try {
    await app.ready();
    return app.swagger() as unknown as OpenApiDocument;
  } finally {
    await app.close();
  }
}
