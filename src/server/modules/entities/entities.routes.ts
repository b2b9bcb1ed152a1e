import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, pageOf, pageQuerySchema } from '../../../shared/schemas/common';
import {
  addPersonSchema,
  changeSeatSchema,
  deleteEntityQuerySchema,
  entityDetailSchema,
  entityImportPlanSchema,
  entityImportQuerySchema,
  entityInputSchema,
  entityListQuerySchema,
  entityPersonSchema,
  entitySummarySchema,
  invitePersonSchema,
  personParamsSchema,
  updateEntitySchema,
} from '../../../shared/schemas/entities';
import type { Deps } from '../../deps';
import { sendKept } from '../../http/kept-answer';
import { acceptFileBodies, fileBody, uploadMaxBytes } from '../../lib/upload-body';
import { createEntity, deleteEntity, getEntity, listEntities, updateEntity } from './entities.service';
import { applyEntityImport, previewEntityImport, requireEntityImporter } from './entity-import.service';
import { addPerson, changeSeat, invitePerson, listPeople, removePerson } from './people.service';

/** Entities, their people, and their bulk import (the file is the raw request body). */
const entityListSchema = pageOf(entitySummarySchema);

export function entitiesRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  const maxBytes = uploadMaxBytes(deps.settings);
  return async (app) => {
    acceptFileBodies(app, maxBytes);
    const tags = ['entities'];
    app.get(
      '/api/entities',
      { schema: { tags, querystring: entityListQuerySchema, response: { 200: entityListSchema } } },
      async (request, reply) =>
        sendKept(request, reply, await listEntities(db, request.actor, request.query), entityListSchema),
    );
    app.post(
      '/api/entities',
      { schema: { tags, body: entityInputSchema, response: { 201: entityDetailSchema } } },
      async (request, reply) => reply.status(201).send(await createEntity(db, request.actor, request.body)),
    );
    for (const step of ['preview', 'apply'] as const) {
      app.post(
        `/api/entities/import/${step}`,
        {
          bodyLimit: maxBytes,
          config: { uploadPolicy: ({ actor }) => requireEntityImporter(actor) },
          schema: { tags, querystring: entityImportQuerySchema, response: { 200: entityImportPlanSchema } },
        },
        async (request) => {
          const { fileName } = request.query;
          const run = step === 'preview' ? previewEntityImport : applyEntityImport;
          return run(db, request.actor, fileName, fileBody(request.body, fileName));
        },
      );
    }
    app.get(
      '/api/entities/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: entityDetailSchema } } },
      (request) => getEntity(db, request.actor, request.params.id),
    );
    app.put(
      '/api/entities/:id',
      { schema: { tags, params: idParamsSchema, body: updateEntitySchema, response: { 200: entityDetailSchema } } },
      (request) => updateEntity(db, request.actor, request.params.id, request.body),
    );
    app.delete(
      '/api/entities/:id',
      { schema: { tags, params: idParamsSchema, querystring: deleteEntityQuerySchema, response: { 200: okSchema } } },
      async (request) => {
        await deleteEntity(db, request.actor, request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
    app.get(
      '/api/entities/:id/people',
      {
        schema: {
          tags,
          params: idParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: pageOf(entityPersonSchema) },
        },
      },
      (request) => listPeople(db, request.actor, request.params.id, request.query),
    );
    app.post(
      '/api/entities/:id/people',
      { schema: { tags, params: idParamsSchema, body: addPersonSchema, response: { 201: entityPersonSchema } } },
      async (request, reply) =>
        reply.status(201).send(await addPerson(db, request.actor, request.params.id, request.body)),
    );
    app.post(
      '/api/entities/:id/people/invite',
      { schema: { tags, params: idParamsSchema, body: invitePersonSchema, response: { 201: entityPersonSchema } } },
      async (request, reply) =>
        reply.status(201).send(await invitePerson(deps, request.actor, request.params.id, request.body)),
    );
    app.patch(
      '/api/entities/:id/people/:userId',
      { schema: { tags, params: personParamsSchema, body: changeSeatSchema, response: { 200: entityPersonSchema } } },
      (request) => changeSeat(db, request.actor, request.params.id, request.params.userId, request.body.seat),
    );
    app.delete(
      '/api/entities/:id/people/:userId',
      { schema: { tags, params: personParamsSchema, response: { 200: okSchema } } },
      async (request) => {
        await removePerson(db, request.actor, request.params.id, request.params.userId);
        return { ok: true as const };
      },
    );
  };
}
