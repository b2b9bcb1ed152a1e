import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentSchema,
  createAssignmentsResultSchema,
  createAssignmentsSchema,
  delegateSchema,
  localLevelsSchema,
  myAssignmentSchema,
  myAssignmentsQuerySchema,
} from '../../../shared/schemas/assignments';
import { idParamsSchema, okSchema, pageOf } from '../../../shared/schemas/common';
import { versionQuerySchema } from '../../../shared/schemas/register';
import type { Deps } from '../../deps';
import {
  createAssignments,
  delegateAssignment,
  listAssignments,
  listMyAssignments,
  setLocalLevels,
  withdrawAssignment,
} from './assignments.service';

export function assignmentsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['assignments'];
    app.get(
      '/api/recommendations/:id/assignments',
      { schema: { tags, params: idParamsSchema, response: { 200: z.array(assignmentSchema) } } },
      (request) => listAssignments(db, request.actor, request.params.id),
    );
    app.put(
      '/api/recommendations/:id/local-levels',
      { schema: { tags, params: idParamsSchema, body: localLevelsSchema, response: { 200: okSchema } } },
      async (request) => {
        await setLocalLevels(db, request.actor, request.params.id, request.body.levels);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/assignments/mine',
      { schema: { tags, querystring: myAssignmentsQuerySchema, response: { 200: pageOf(myAssignmentSchema) } } },
      (request) => listMyAssignments(db, request.actor, request.query),
    );
    app.post(
      '/api/assignments',
      { schema: { tags, body: createAssignmentsSchema, response: { 200: createAssignmentsResultSchema } } },
      (request) => createAssignments(db, request.actor, request.body),
    );
    app.post(
      '/api/assignments/:id/delegations',
      { schema: { tags, params: idParamsSchema, body: delegateSchema, response: { 201: z.object({ id: z.uuid() }) } } },
      async (request, reply) => {
        const id = await delegateAssignment(db, request.actor, request.params.id, request.body);
        return reply.code(201).send({ id });
      },
    );
    app.delete(
      '/api/assignments/:id',
      { schema: { tags, params: idParamsSchema, querystring: versionQuerySchema, response: { 200: okSchema } } },
      async (request) => {
        await withdrawAssignment(db, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
