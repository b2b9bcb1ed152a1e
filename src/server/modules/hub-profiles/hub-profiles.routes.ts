import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common';
import {
  addHubMemberPersonSchema,
  hubMemberInputSchema,
  hubMemberListQuerySchema,
  hubMemberPersonSchema,
  hubMemberViewSchema,
  hubNetworkInputSchema,
  hubNetworkViewSchema,
  hubProfileViewSchema,
  myHubMembersSchema,
  publishHubProfileSchema,
  updateHubMemberSchema,
  updateHubNetworkSchema,
  updateHubProfileSchema,
  withdrawHubMemberSchema,
} from '../../../shared/schemas/hub-profiles';
import type { Deps } from '../../deps';
import {
  addHubMemberPerson,
  createHubMember,
  getHubMember,
  listHubCountries,
  listHubMemberPeople,
  listHubMembers,
  myHubMembers,
  removeHubMemberPerson,
  setHubMemberStatus,
  updateHubMember,
} from './members.service';
import {
  getHubProfile,
  listHubNetworks,
  publishHubProfile,
  saveHubNetwork,
  updateHubProfile,
} from './profiles.service';

/** A hub's members, their profiles and its networks, for signed-in hub accounts (decision 035). */
export function hubProfilesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['hub'];
    const people = z.object({ items: z.array(hubMemberPersonSchema) });
    app.get(
      '/api/hub/countries',
      {
        schema: {
          tags,
          response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
        },
      },
      (request) => listHubCountries(deps, request.actor),
    );
    app.get(
      '/api/hub/members',
      { schema: { tags, querystring: hubMemberListQuerySchema, response: { 200: pageOf(hubMemberViewSchema) } } },
      (request) => listHubMembers(deps, request.actor, request.query),
    );
    app.get('/api/hub/members/mine', { schema: { tags, response: { 200: myHubMembersSchema } } }, (request) =>
      myHubMembers(deps, request.actor),
    );
    app.post(
      '/api/hub/members',
      { schema: { tags, body: hubMemberInputSchema, response: { 201: hubMemberViewSchema } } },
      async (request, reply) => reply.status(201).send(await createHubMember(deps, request.actor, request.body)),
    );
    app.get(
      '/api/hub/members/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: hubMemberViewSchema } } },
      (request) => getHubMember(deps, request.actor, request.params.id),
    );
    app.put(
      '/api/hub/members/:id',
      { schema: { tags, params: idParamsSchema, body: updateHubMemberSchema, response: { 200: hubMemberViewSchema } } },
      (request) => updateHubMember(deps, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/hub/members/:id/withdraw',
      {
        schema: { tags, params: idParamsSchema, body: withdrawHubMemberSchema, response: { 200: hubMemberViewSchema } },
      },
      (request) => setHubMemberStatus(deps, request.actor, request.params.id, 'withdrawn', request.body.version),
    );
    app.post(
      '/api/hub/members/:id/reinstate',
      {
        schema: { tags, params: idParamsSchema, body: withdrawHubMemberSchema, response: { 200: hubMemberViewSchema } },
      },
      (request) => setHubMemberStatus(deps, request.actor, request.params.id, 'active', request.body.version),
    );
    app.get(
      '/api/hub/members/:id/people',
      { schema: { tags, params: idParamsSchema, response: { 200: people } } },
      async (request) => ({ items: await listHubMemberPeople(deps, request.actor, request.params.id) }),
    );
    app.post(
      '/api/hub/members/:id/people',
      { schema: { tags, params: idParamsSchema, body: addHubMemberPersonSchema, response: { 200: people } } },
      async (request) => ({ items: await addHubMemberPerson(deps, request.actor, request.params.id, request.body) }),
    );
    app.delete(
      '/api/hub/members/:id/people/:userId',
      { schema: { tags, params: idParamsSchema.extend({ userId: z.uuid() }), response: { 200: people } } },
      async (request) => ({
        items: await removeHubMemberPerson(deps, request.actor, request.params.id, request.params.userId),
      }),
    );
    app.get(
      '/api/hub/members/:id/profile',
      { schema: { tags, params: idParamsSchema, response: { 200: hubProfileViewSchema } } },
      (request) => getHubProfile(deps, request.actor, request.params.id),
    );
    app.put(
      '/api/hub/members/:id/profile',
      {
        schema: { tags, params: idParamsSchema, body: updateHubProfileSchema, response: { 200: hubProfileViewSchema } },
      },
      (request) => updateHubProfile(deps, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/hub/members/:id/profile/publication',
      {
        schema: {
          tags,
          params: idParamsSchema,
          body: publishHubProfileSchema,
          response: { 200: hubProfileViewSchema },
        },
      },
      (request) => publishHubProfile(deps, request.actor, request.params.id, request.body),
    );
    app.get(
      '/api/hub/networks',
      { schema: { tags, response: { 200: z.object({ items: z.array(hubNetworkViewSchema) }) } } },
      (request) => listHubNetworks(deps, request.actor),
    );
    app.post(
      '/api/hub/networks',
      { schema: { tags, body: hubNetworkInputSchema, response: { 201: hubNetworkViewSchema } } },
      async (request, reply) => reply.status(201).send(await saveHubNetwork(deps, request.actor, null, request.body)),
    );
    app.put(
      '/api/hub/networks/:id',
      {
        schema: { tags, params: idParamsSchema, body: updateHubNetworkSchema, response: { 200: hubNetworkViewSchema } },
      },
      (request) => saveHubNetwork(deps, request.actor, request.params.id, request.body),
    );
  };
}
