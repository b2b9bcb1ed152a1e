import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import {
  addMembersSchema,
  candidateParamsSchema,
  chooseSchema,
  memberParamsSchema,
  nominateSchema,
  nominationDetailSchema,
  nominationListQuerySchema,
  nominationRequestInputSchema,
  nominationRequestSchema,
  updateNominationRequestSchema,
} from '../../../shared/schemas/entities';
import type { Deps } from '../../deps';
import {
  addMembers,
  choose,
  createRequest,
  getRequest,
  listRequests,
  nominate,
  removeMember,
  updateRequest,
  withdraw,
} from './networks.service';

/** Networks of LRGs: their members, and requests to nominate members for a topic. */
export function networksRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['networks'];
    app.post(
      '/api/networks/:id/members',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: addMembersSchema,
          response: { 200: z.object({ added: z.number().int() }) },
        },
      },
      (request) => addMembers(db, request.actor, request.params.id, request.body.memberIds),
    );
    app.delete(
      '/api/networks/:id/members/:memberId',
      { schema: { tags, params: memberParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await removeMember(db, request.actor, request.params.id, request.params.memberId);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/networks/:id/nominations',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: nominationListQuerySchema,
          response: { 200: pageOf(nominationRequestSchema) },
        },
      },
      (request) => listRequests(db, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/networks/:id/nominations',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: nominationRequestInputSchema,
          response: { 201: nominationDetailSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRequest(deps, request.actor, request.params.id, request.body)),
    );
    app.get(
      '/api/nominations/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: nominationDetailSchema } } },
      (request) => getRequest(db, request.actor, request.params.id),
    );
    app.patch(
      '/api/nominations/:id',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: updateNominationRequestSchema,
          response: { 200: nominationDetailSchema },
        },
      },
      (request) => updateRequest(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/nominations/:id/candidates',
      { schema: { tags, params: idParamsSchema, body: nominateSchema, response: { 200: nominationDetailSchema } } },
      (request) => nominate(db, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/nominations/:id/candidates/:lrgId',
      { schema: { tags, params: candidateParamsSchema, response: { 200: nominationDetailSchema } } },
      (request) => withdraw(db, request.actor, request.params.id, request.params.lrgId),
    );
    app.post(
      '/api/nominations/:id/choose',
      { schema: { tags, params: idParamsSchema, body: chooseSchema, response: { 200: nominationDetailSchema } } },
      (request) => choose(db, request.actor, request.params.id, request.body),
    );
  };
}
