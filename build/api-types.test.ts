import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/server/openapi-document';
import { apiTypesPath, renderApiTypes } from './api-types';

describe('the web client API types', () => {
  it('are those the server document gives today (else: npm run generate:api)', async () => {
    const committed = readFileSync(new URL(`../${apiTypesPath}`, import.meta.url), 'utf8');
    expect(committed === renderApiTypes(await openApiDocument()), `${apiTypesPath} is stale: npm run generate:api`).toBe(
      true,
    );
  });

  it('render the JSON Schema zod emits as TypeScript', () => {
    const text = renderApiTypes({
      paths: {
        '/api/things/{id}': {
          patch: {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
              { name: 'lang', in: 'query', schema: { type: 'string', enum: ['en', 'fr'] } },
            ],
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { name: { type: 'string' }, 'odd-key': { type: 'integer', nullable: true } },
                    required: ['name'],
                  },
                },
              },
            },
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        tags: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
                        texts: { type: 'object', additionalProperties: { type: 'string' } },
                        kind: { const: 'thing' },
                      },
                      required: ['tags', 'texts', 'kind'],
                    },
                  },
                },
              },
            },
          },
        },
        '/api/files/{id}': { get: { responses: { '200': {} } } },
      },
    });
    expect(text).toContain(`  'PATCH /api/things/{id}': {
    path: {
      id: string;
    };
    query: {
      lang?: 'en' | 'fr';
    };
    body: {
      name: string;
      'odd-key'?: number | null;
    };
    response: {
      tags: Array<string | number>;
      texts: Record<string, string>;
      kind: 'thing';
    };
  };`);
    expect(text).toContain(`  'GET /api/files/{id}': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: unknown;
  };`);
  });
});
