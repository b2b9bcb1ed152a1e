import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/schemas/common';
import {
  assessmentHomeQuerySchema,
  assessmentHomeSchema,
  questionnaireQuerySchema,
  questionnaireSchema,
  resultsSchema,
  roundSchema,
  saveAnswersSchema,
  shareAssessmentSchema,
  sharedRoundsSchema,
  startRoundSchema,
  submitAssessmentSchema,
} from '../../../shared/schemas/hub-assessment';
import type { Deps } from '../../deps';
import { signedIn } from '../../lib/guards';
import {
  assessmentHome,
  getRound,
  listSharedRounds,
  questionnaireView,
  roundResults,
  saveAnswers,
  shareRound,
  startRound,
  submitRound,
} from './assessment.service';

/** A member's self-assessment (decision 039): thin routes, the rules in the service and policy. */
export function assessmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  const tags = ['hub'];
  return async (app) => {
    app.get(
      '/api/hub/assessment/questionnaire',
      { schema: { tags, querystring: questionnaireQuerySchema, response: { 200: questionnaireSchema } } },
      async (request) => {
        signedIn(request.actor);
        return questionnaireView(request.query.version, request.query.locale ?? request.actor.locale);
      },
    );
    app.get(
      '/api/hub/assessment',
      { schema: { tags, querystring: assessmentHomeQuerySchema, response: { 200: assessmentHomeSchema } } },
      (request) => assessmentHome(db, request.actor, request.query.member),
    );
    app.get('/api/hub/assessment/shared', { schema: { tags, response: { 200: sharedRoundsSchema } } }, (request) =>
      listSharedRounds(db, request.actor),
    );
    app.post(
      '/api/hub/assessment/rounds',
      { schema: { tags, body: startRoundSchema, response: { 201: roundSchema } } },
      async (request, reply) => reply.status(201).send(await startRound(db, request.actor, request.body.memberId)),
    );
    app.get(
      '/api/hub/assessment/rounds/:id',
      { schema: { tags, params: idParamsSchema, response: { 200: roundSchema } } },
      (request) => getRound(db, request.actor, request.params.id),
    );
    app.put(
      '/api/hub/assessment/rounds/:id/answers',
      { schema: { tags, params: idParamsSchema, body: saveAnswersSchema, response: { 200: roundSchema } } },
      (request) => saveAnswers(db, request.actor, request.params.id, request.body),
    );
    app.post(
      '/api/hub/assessment/rounds/:id/submit',
      { schema: { tags, params: idParamsSchema, body: submitAssessmentSchema, response: { 200: roundSchema } } },
      (request) => submitRound(db, request.actor, request.params.id, request.body.version),
    );
    app.put(
      '/api/hub/assessment/rounds/:id/sharing',
      { schema: { tags, params: idParamsSchema, body: shareAssessmentSchema, response: { 200: roundSchema } } },
      (request) => shareRound(db, request.actor, request.params.id, request.body),
    );
    app.get(
      '/api/hub/assessment/rounds/:id/results',
      { schema: { tags, params: idParamsSchema, response: { 200: resultsSchema } } },
      (request) => roundResults(db, request.actor, request.params.id, request.actor.locale),
    );
  };
}
