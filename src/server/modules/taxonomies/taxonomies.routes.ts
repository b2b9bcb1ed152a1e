import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okSchema, pageOf } from '../../../shared/schemas/common';
import {
  bodyRecordSchema,
  bodySchema,
  countrySchema,
  createBodySchema,
  createTaxonomySchema,
  createTermSchema,
  mergeTermSchema,
  mergeTermsSchema,
  taxonomySchema,
  termListQuerySchema,
  termSchema,
  untranslatedCountsSchema,
  updateBodySchema,
  updateTermSchema,
  variantGroupSchema,
} from '../../../shared/schemas/taxonomies';
import type { Deps } from '../../deps';
import { createBody, listBodyRecords, updateBody } from './bodies.service';
import {
  createTaxonomy,
  createTerm,
  deleteTerm,
  listBodies,
  listCountries,
  listTaxonomies,
  listTerms,
  listVariantGroups,
  mergeTerm,
  mergeTerms,
  untranslatedCounts,
  updateTerm,
} from './taxonomies.service';

const codeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/) });
const termParams = z.object({ id: z.coerce.number().int().positive() });
const bodyParams = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9-]{1,39}$/) });

export function taxonomiesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['taxonomies'];
    app.get('/api/countries', { schema: { tags, response: { 200: z.array(countrySchema) } } }, (request) =>
      listCountries(db, request.actor),
    );
    app.get('/api/bodies', { schema: { tags, response: { 200: z.array(bodySchema) } } }, (request) =>
      listBodies(db, request.actor),
    );
    app.get('/api/bodies/records', { schema: { tags, response: { 200: z.array(bodyRecordSchema) } } }, (request) =>
      listBodyRecords(db, request.actor),
    );
    app.post(
      '/api/bodies',
      { schema: { tags, body: createBodySchema, response: { 201: bodyRecordSchema } } },
      async (request, reply) => reply.status(201).send(await createBody(db, request.actor, request.body)),
    );
    app.patch(
      '/api/bodies/:code',
      { schema: { tags, params: bodyParams, body: updateBodySchema, response: { 200: bodyRecordSchema } } },
      (request) => updateBody(db, request.actor, request.params.code, request.body),
    );
    app.get('/api/taxonomies', { schema: { tags, response: { 200: z.array(taxonomySchema) } } }, (request) =>
      listTaxonomies(db, request.actor),
    );
    app.post(
      '/api/taxonomies',
      { schema: { tags, body: createTaxonomySchema, response: { 201: taxonomySchema } } },
      async (request, reply) => reply.status(201).send(await createTaxonomy(db, request.actor, request.body)),
    );
    app.get(
      '/api/taxonomies/:code/terms',
      { schema: { tags, params: codeParams, querystring: termListQuerySchema, response: { 200: pageOf(termSchema) } } },
      (request) => listTerms(db, request.actor, request.params.code, request.query),
    );
    app.post(
      '/api/taxonomies/:code/terms',
      { schema: { tags, params: codeParams, body: createTermSchema, response: { 201: termSchema } } },
      async (request, reply) =>
        reply.status(201).send(await createTerm(db, request.actor, request.params.code, request.body)),
    );
    app.get(
      '/api/taxonomies/:code/variants',
      { schema: { tags, params: codeParams, response: { 200: z.array(variantGroupSchema) } } },
      (request) => listVariantGroups(db, request.actor, request.params.code),
    );
    app.get(
      '/api/taxonomies/:code/untranslated',
      { schema: { tags, params: codeParams, response: { 200: untranslatedCountsSchema } } },
      (request) => untranslatedCounts(db, request.actor, request.params.code),
    );
    app.post(
      '/api/terms/merge',
      {
        schema: { tags, body: mergeTermsSchema, response: { 200: z.object({ recommendations: z.number().int() }) } },
      },
      (request) => mergeTerms(db, request.actor, request.body),
    );
    app.patch(
      '/api/terms/:id',
      { schema: { tags, params: termParams, body: updateTermSchema, response: { 200: termSchema } } },
      (request) => updateTerm(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/terms/:id/merge',
      {
        schema: {
          tags,
          params: termParams,
          body: mergeTermSchema,
          response: { 200: z.object({ recommendations: z.number().int() }) },
        },
      },
      (request) => mergeTerm(db, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/terms/:id',
      { schema: { tags, params: termParams, response: { 200: okSchema } } },
      async (request) => {
        await deleteTerm(db, request.actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
