import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common';
import {
  connectHubSchema,
  federationShareKinds,
  federationShareSchema,
  hubLinkSchema,
  sharedPracticeInputSchema,
  sharedPracticeSchema,
  sharedPracticeUpdateSchema,
  sharedProfileInputSchema,
} from '../../../shared/schemas/federation';
import { profilePayloadSchema } from '../../../shared/schemas/hub';
import type { Deps } from '../../deps';
import {
  chooseStatistics,
  connectHub,
  createKey,
  createSharedPractice,
  getHubLink,
  getSharedPractice,
  getSharedProfile,
  listShares,
  retryShare,
  saveSharedProfile,
  unlinkHub,
  updateSharedPractice,
} from './federation-national.service';

/** A national instance's link to its hub and what it shares there (decision 038). */
export function federationNationalRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['federation'];
    const version = z.object({ version: z.number().int().positive() });
    app.get(
      '/api/federation/link',
      { schema: { tags, response: { 200: z.object({ link: hubLinkSchema.nullable() }) } } },
      async (request) => ({
        link: await getHubLink(deps, request.actor),
      }),
    );
    app.post('/api/federation/link/key', { schema: { tags, response: { 200: hubLinkSchema } } }, (request) =>
      createKey(deps, request.actor),
    );
    app.put(
      '/api/federation/link',
      { schema: { tags, body: connectHubSchema, response: { 200: hubLinkSchema } } },
      (request) => connectHub(deps, request.actor, request.body),
    );
    app.post(
      '/api/federation/link/unlink',
      { schema: { tags, body: version, response: { 200: hubLinkSchema } } },
      (request) => unlinkHub(deps, request.actor, request.body.version),
    );
    app.get(
      '/api/federation/shares',
      {
        schema: {
          tags,
          querystring: pageQuerySchema.extend({ kind: z.enum(federationShareKinds).optional() }),
          response: { 200: pageOf(federationShareSchema) },
        },
      },
      (request) => listShares(deps, request.actor, request.query),
    );
    app.post(
      '/api/federation/shares/:id/retry',
      { schema: { tags, params: idParamsSchema, response: { 200: federationShareSchema } } },
      (request) => retryShare(deps, request.actor, request.params.id),
    );
    app.post(
      '/api/federation/practices',
      { schema: { tags, body: sharedPracticeInputSchema, response: { 201: sharedPracticeSchema } } },
      async (request, reply) => reply.status(201).send(await createSharedPractice(deps, request.actor, request.body)),
    );
    app.get(
      '/api/federation/practices/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: sharedPracticeSchema } } },
      (request) => getSharedPractice(deps, request.actor, request.params.id),
    );
    app.put(
      '/api/federation/practices/:id',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: sharedPracticeUpdateSchema,
          response: { 200: sharedPracticeSchema },
        },
      },
      (request) => updateSharedPractice(deps, request.actor, request.params.id, request.body),
    );
    const profileAnswer = z.object({ share: federationShareSchema.nullable(), profile: profilePayloadSchema });
    app.get('/api/federation/profile', { schema: { tags, response: { 200: profileAnswer } } }, (request) =>
      getSharedProfile(deps, request.actor),
    );
    app.put(
      '/api/federation/profile',
      { schema: { tags, body: sharedProfileInputSchema, response: { 200: profileAnswer } } },
      (request) => saveSharedProfile(deps, request.actor, request.body),
    );
    app.put(
      '/api/federation/statistics',
      {
        schema: {
          tags,
          body: z.object({ shared: z.boolean(), version: z.number().int().positive().nullable() }),
          response: { 200: federationShareSchema },
        },
      },
      (request) => chooseStatistics(deps, request.actor, request.body),
    );
  };
}
