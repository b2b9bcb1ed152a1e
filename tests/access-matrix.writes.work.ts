import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from './access-matrix.expectations';
import { annexPdf } from './access-matrix.world';
import {
  educationDelete,
  educationEdit,
  educationWriters,
  type WriteCase,
  type WriteCtx,
} from './access-matrix.writes.world';
import type { Client } from './app';
import { makeRecommendations, makeReview } from './factories';

/**
 * Write cases of the work on recommendations: reports, indicators and observations, progress
 * updates and their evidence, follow-up grades, the calendar, actions and their documents, and
 * one's notification settings. See `access-matrix.writes.test.ts`.
 */
const unique = () => randomBytes(4).toString('hex');
const whoXlsx = () =>
  readFileSync(
    join(
      import.meta.dirname,
      '../src/server/modules/indicators/fixtures/who-maternal-mortality-ratio-sdg-3-1-1-2023.xlsx',
    ),
  );

const secretariat = (p: { role: string }) => p.role === 'admin' || p.role === 'coordinator';
/** A report the secretariat keeps: to everyone else a draft does not exist (they cannot read it). */
const reportKeepers: Rule = (p) => (!p ? 401 : secretariat(p) ? 'ok' : 404);
/** A report open for consultation: the consulted comment; the secretariat reads but does not; others do not see it. */
const consulted: Rule = (p) => (!p ? 401 : p.role === 'stakeholder' ? 'ok' : secretariat(p) ? 403 : 404);
/** The secretariat answers and resolves comments; the consulted see them but may not. */
const answersComments: Rule = (p) => (!p ? 401 : secretariat(p) ? 'ok' : p.role === 'stakeholder' ? 403 : 404);
/** Observations of Labour's indicator: the secretariat, and Labour's focal points and contributors. */
const labourObservers: Rule = (p) =>
  !p ? 401 : secretariat(p) || (p.relation === 'own' && p.role !== 'validator') ? 'ok' : 403;
/** A new progress update of Labour: its writing seats only (the secretariat validates, never writes). */
const labourReporters: Rule = (p) => (!p ? 401 : p.relation === 'own' && p.role !== 'validator' ? 'ok' : 403);
/** Labour's draft: its writing seats; its validator and the secretariat read it (403); others do not see it. */
const labourDraft: Rule = (p) => {
  if (!p) return 401;
  if (p.relation === 'own') return p.role === 'validator' ? 403 : 'ok';
  return secretariat(p) ? 403 : 404;
};
/** Labour's submitted update: the validator's step; its writers and the secretariat read it (403); others do not see it. */
const labourValidatorStep: Rule = (p) => {
  if (!p) return 401;
  if (p.relation === 'own') return p.role === 'validator' ? 'ok' : 403;
  return secretariat(p) ? 403 : 404;
};

const client = (ctx: WriteCtx, name: string) => ctx.world.clients.get(name) as Client;
async function ok(who: Client, method: 'POST' | 'PUT', url: string, body?: unknown) {
  const response = await who.request(method, url, body);
  if (response.statusCode >= 300) throw new Error(`arrange ${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A fresh draft progress update by Labour's focal point on a fresh Labour recommendation. */
async function freshUpdate(ctx: WriteCtx, step?: 'submitted' | 'endorsed') {
  const { recommendation } = await ctx.labourRecommendation();
  const focal = client(ctx, 'focal_point/own');
  let update = await ok(focal, 'POST', '/api/progress-updates', {
    recommendationId: recommendation,
    entityId: ctx.p.entity,
    narrative: '<p>Inspections doubled.</p>',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
  });
  if (step) update = await ok(focal, 'POST', `/api/progress-updates/${update.id}/submit`, { version: update.version });
  if (step === 'endorsed')
    update = await ok(client(ctx, 'validator/own'), 'POST', `/api/progress-updates/${update.id}/approve`, {
      version: update.version,
    });
  return { update: update.id as string, version: String(update.version), recommendation };
}

/**
 * Region North's validated progress update on the recommendation Labour delegated to it: an LRG's
 * contribution, which the reports' annex lists. Made once (no case changes it).
 */
let regionContribution: Promise<void> | undefined;
function contributeFromRegion(ctx: WriteCtx): Promise<void> {
  regionContribution ??= (async () => {
    let update = await ok(client(ctx, 'focal_point/delegated'), 'POST', '/api/progress-updates', {
      recommendationId: ctx.p.recommendation,
      entityId: ctx.p.region,
      narrative: '<p>Region North opened two labour advice centres.</p>',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
    });
    update = await ok(client(ctx, 'focal_point/delegated'), 'POST', `/api/progress-updates/${update.id}/submit`, {
      version: update.version,
    });
    update = await ok(client(ctx, 'validator/delegated'), 'POST', `/api/progress-updates/${update.id}/approve`, {
      version: update.version,
    });
    await ok(client(ctx, 'coordinator'), 'POST', `/api/progress-updates/${update.id}/approve`, {
      version: update.version,
    });
  })();
  return regionContribution;
}

/** A fresh report (draft) of the UPR; with version 1 saved and open for consultation when asked. */
async function freshReport(ctx: WriteCtx, consultation = false) {
  const report = await ctx.as('POST', '/api/reports', {
    bodyCode: 'UPR',
    type: 'upr_mid_term',
    title: `Report ${unique()}`,
  });
  const section = report.sections[0]?.id as string;
  if (!consultation)
    return {
      report: report.id as string,
      version: String(report.version),
      section,
      sectionVersion: String(report.sections[0]?.version),
    };
  await ctx.as('POST', `/api/reports/${report.id}/versions`, { note: 'for consultation' });
  const fresh = await ctx.as('GET', `/api/reports/${report.id}`);
  await ctx.as('POST', `/api/reports/${report.id}/consultation`, { versionNumber: 1, version: fresh.version });
  return { report: report.id as string, version: String(fresh.version + 1), section };
}

async function freshComment(ctx: WriteCtx) {
  const fresh = await freshReport(ctx, true);
  const comment = await ok(client(ctx, 'stakeholder'), 'POST', `/api/reports/${fresh.report}/comments`, {
    sectionId: fresh.section,
    paragraph: 0,
    body: 'Name the budget of the labour inspectorate.',
  });
  return { ...fresh, comment: comment.id as string };
}

async function freshIndicator(ctx: WriteCtx, who = false) {
  const fields = who
    ? {
        ...indicatorFields(ctx),
        title: 'Maternal mortality ratio',
        type: 'outcome',
        unit: 'per 100 000 live births',
        sdgCodes: ['3.1.1'],
        dimensions: [{ key: 'sex', values: ['female'] }],
        byPlace: true,
      }
    : indicatorFields(ctx);
  const indicator = await ctx.as('POST', '/api/indicators', fields);
  return { indicator: indicator.id as string, version: String(indicator.version) };
}
const indicatorFields = (ctx: WriteCtx) => ({
  code: `LAB-${unique()}`,
  title: 'Labour inspections a year',
  type: 'process',
  unit: 'inspections',
  frequency: 'annual',
  ownerEntityId: ctx.p.entity,
});
const observation = { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 1200 };

async function freshObservation(ctx: WriteCtx) {
  const fresh = await freshIndicator(ctx);
  const made = await ctx.as('POST', `/api/indicators/${fresh.indicator}/observations`, observation);
  return { ...fresh, observation: made.id as string, observationVersion: String(made.version) };
}

async function freshEvent(ctx: WriteCtx) {
  const event = await ctx.as('POST', '/api/calendar/events', eventFields());
  return { event: event.id as string, version: String(event.version) };
}
const eventFields = () => ({
  kind: 'other',
  title: `Inter-ministerial meeting ${unique()}`,
  startsOn: '2026-03-01',
  endsOn: null,
  bodyCode: null,
  status: null,
  notes: null,
});

const upload = (ctx: WriteCtx, url: string, who: Client) =>
  ctx.world.test.app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/octet-stream' },
    payload: annexPdf(),
  });

export const workCases: Record<string, WriteCase> = {
  'POST /api/reports': {
    url: () => '/api/reports',
    body: () => ({ bodyCode: 'UPR', type: 'upr_mid_term', title: 'Another report' }),
    changes: ['reports', 'report_sections'],
  },
  'PATCH /api/reports/:id': {
    arrange: (ctx) => freshReport(ctx),
    url: (p) => `/api/reports/${p.report}`,
    body: (p) => ({ title: 'Renamed report', wordLimit: 10_700, annexWordLimit: null, version: Number(p.version) }),
    changes: ['reports'],
    rule: reportKeepers,
  },
  'PUT /api/reports/:id/sections/:sectionId': {
    arrange: (ctx) => freshReport(ctx),
    url: (p) => `/api/reports/${p.report}/sections/${p.section}`,
    body: (p) => ({
      heading: 'Introduction',
      body: '<p>Since the last review…</p>',
      version: Number(p.sectionVersion),
    }),
    changes: ['report_sections'],
    rule: reportKeepers,
  },
  'PUT /api/reports/:id/annex/:entityId': {
    arrange: async (ctx) => {
      await contributeFromRegion(ctx);
      return freshReport(ctx);
    },
    url: (p) => `/api/reports/${p.report}/annex/${p.region}`,
    body: (p) => ({ included: false, version: Number(p.version) }),
    changes: ['reports'],
    rule: reportKeepers,
  },
  'POST /api/reports/:id/versions': {
    arrange: (ctx) => freshReport(ctx),
    url: (p) => `/api/reports/${p.report}/versions`,
    body: () => ({ note: 'draft for the ministries' }),
    changes: ['report_versions'],
    rule: reportKeepers,
  },
  'POST /api/reports/:id/consultation': {
    arrange: async (ctx) => {
      const fresh = await freshReport(ctx);
      await ctx.as('POST', `/api/reports/${fresh.report}/versions`, { note: 'for consultation' });
      return { ...fresh, version: String((await ctx.as('GET', `/api/reports/${fresh.report}`)).version) };
    },
    url: (p) => `/api/reports/${p.report}/consultation`,
    body: (p) => ({ versionNumber: 1, version: Number(p.version) }),
    changes: ['reports'],
    rule: reportKeepers,
  },
  'POST /api/reports/:id/comments': {
    arrange: (ctx) => freshReport(ctx, true),
    url: (p) => `/api/reports/${p.report}/comments`,
    body: (p) => ({ sectionId: p.section, paragraph: 0, body: 'Name the budget of the labour inspectorate.' }),
    changes: ['report_comments'],
    rule: consulted,
  },
  'POST /api/reports/:id/comments/:commentId/replies': {
    arrange: freshComment,
    url: (p) => `/api/reports/${p.report}/comments/${p.comment}/replies`,
    body: () => ({ body: 'Added in section 2.' }),
    changes: ['report_comments'],
    rule: answersComments,
  },
  'PATCH /api/reports/:id/comments/:commentId': {
    arrange: freshComment,
    url: (p) => `/api/reports/${p.report}/comments/${p.comment}`,
    body: () => ({ resolved: true }),
    changes: ['report_comments'],
    rule: answersComments,
  },
  'POST /api/reports/:id/approve': {
    arrange: async (ctx) => {
      const fresh = await freshReport(ctx);
      await ctx.as('POST', `/api/reports/${fresh.report}/versions`, { note: 'final' });
      return { ...fresh, version: String((await ctx.as('GET', `/api/reports/${fresh.report}`)).version) };
    },
    url: (p) => `/api/reports/${p.report}/approve`,
    body: (p) => ({ version: Number(p.version) }),
    changes: ['reports'],
    rule: reportKeepers,
  },
  'POST /api/indicators': {
    url: () => '/api/indicators',
    body: (p) => ({ ...indicatorFields({ p } as WriteCtx) }),
    changes: ['indicators'],
  },
  'PUT /api/indicators/:id': {
    arrange: (ctx) => freshIndicator(ctx),
    url: (p) => `/api/indicators/${p.indicator}`,
    body: (p) => ({ version: Number(p.version), fields: { ...indicatorFields({ p } as WriteCtx), title: 'Renamed' } }),
    changes: ['indicators'],
  },
  'DELETE /api/indicators/:id': {
    arrange: (ctx) => freshIndicator(ctx),
    url: (p) => `/api/indicators/${p.indicator}?version=${p.version}`,
    changes: ['indicators'],
  },
  'POST /api/indicators/:id/observations': {
    arrange: (ctx) => freshIndicator(ctx),
    url: (p) => `/api/indicators/${p.indicator}/observations`,
    body: () => observation,
    changes: ['observations'],
    rule: labourObservers,
  },
  'PUT /api/indicators/:id/observations/:observationId': {
    arrange: (ctx) => freshObservation(ctx),
    url: (p) => `/api/indicators/${p.indicator}/observations/${p.observation}`,
    body: (p) => ({ version: Number(p.observationVersion), fields: { ...observation, value: 1300 } }),
    changes: ['observations'],
    rule: labourObservers,
  },
  'DELETE /api/indicators/:id/observations/:observationId': {
    arrange: (ctx) => freshObservation(ctx),
    url: (p) => `/api/indicators/${p.indicator}/observations/${p.observation}?version=${p.observationVersion}`,
    changes: ['observations'],
    rule: labourObservers,
  },
  'POST /api/indicators/:id/observations/import/preview': {
    arrange: (ctx) => freshIndicator(ctx, true),
    url: (p) => `/api/indicators/${p.indicator}/observations/import/preview?fileName=who-mmr.xlsx`,
    body: () => whoXlsx(),
    changes: [],
    why: 'a dry run: it shows the plan and writes nothing',
    check: async (_ctx, _p, response) => (response.body.includes('"create":1') ? undefined : 'no plan shown'),
    rule: labourObservers,
  },
  'POST /api/indicators/:id/observations/import/apply': {
    arrange: (ctx) => freshIndicator(ctx, true),
    url: (p) => `/api/indicators/${p.indicator}/observations/import/apply?fileName=who-mmr.xlsx`,
    body: () => whoXlsx(),
    changes: ['observations'],
    rule: labourObservers,
  },
  'PUT /api/me/notifications/indicators': {
    freshPerson: true,
    url: () => '/api/me/notifications/indicators',
    body: () => ({ indicatorsByEmail: false }),
    changes: ['notification_preferences'],
  },
  'POST /api/progress-updates': {
    arrange: (ctx) => ctx.labourRecommendation(),
    url: () => '/api/progress-updates',
    body: (p) => ({
      recommendationId: p.recommendation,
      entityId: p.entity,
      narrative: '<p>Inspections doubled.</p>',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    }),
    changes: ['progress_updates'],
    rule: labourReporters,
    foreign: {
      arrange: (ctx) => ctx.educationRecommendation(),
      url: () => '/api/progress-updates',
      body: (p) => ({
        recommendationId: p.recommendation,
        entityId: p.foreignEntity,
        narrative: '<p>Curricula revised.</p>',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      }),
      changes: ['progress_updates'],
      // Education's writing seats; the secretariat, Education's validator and readers 403; Labour and its region 404.
      rule: (p) =>
        !p ? 401 : p.relation === 'other' ? (p.role === 'validator' ? 403 : 'ok') : p.relation === 'none' ? 403 : 404,
    },
  },
  'PUT /api/progress-updates/:id': {
    arrange: (ctx) => freshUpdate(ctx),
    url: (p) => `/api/progress-updates/${p.update}`,
    body: (p) => ({
      narrative: '<p>Inspections tripled.</p>',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      version: Number(p.version),
    }),
    changes: ['progress_updates'],
    rule: labourDraft,
    foreign: {
      arrange: async (ctx) => {
        const { recommendation } = await ctx.educationRecommendation();
        const update = await ok(client(ctx, 'focal_point/other'), 'POST', '/api/progress-updates', {
          recommendationId: recommendation,
          entityId: ctx.p.foreignEntity,
          narrative: '<p>Curricula revised.</p>',
          periodStart: '2025-01-01',
          periodEnd: '2025-12-31',
        });
        return { update: update.id, version: String(update.version) };
      },
      url: (p) => `/api/progress-updates/${p.update}`,
      body: (p) => ({
        narrative: '<p>Curricula revised twice.</p>',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        version: Number(p.version),
      }),
      changes: ['progress_updates'],
      rule: educationWriters,
    },
  },
  'POST /api/progress-updates/:id/submit': {
    arrange: (ctx) => freshUpdate(ctx),
    url: (p) => `/api/progress-updates/${p.update}/submit`,
    body: (p) => ({ version: Number(p.version) }),
    changes: ['progress_updates', 'progress_update_events'],
    rule: labourDraft,
  },
  'POST /api/progress-updates/:id/approve': {
    arrange: (ctx) => freshUpdate(ctx, 'submitted'),
    url: (p) => `/api/progress-updates/${p.update}/approve`,
    body: (p) => ({ version: Number(p.version) }),
    changes: ['progress_updates', 'progress_update_events'],
    rule: labourValidatorStep,
  },
  'POST /api/progress-updates/:id/return': {
    arrange: (ctx) => freshUpdate(ctx, 'submitted'),
    url: (p) => `/api/progress-updates/${p.update}/return`,
    body: (p) => ({ version: Number(p.version), comment: 'Please add the figures.' }),
    changes: ['progress_updates', 'progress_update_events'],
    rule: labourValidatorStep,
  },
  'POST /api/progress-updates/:id/attachments': {
    arrange: (ctx) => freshUpdate(ctx),
    url: (p) => `/api/progress-updates/${p.update}/attachments?fileName=evidence.pdf`,
    body: () => annexPdf(),
    changes: ['attachments'],
    rule: labourDraft,
  },
  'POST /api/actions/:id/attachments': {
    arrange: (ctx) => ctx.labourAction(),
    url: (p) => `/api/actions/${p.action}/attachments?fileName=plan.pdf`,
    body: () => annexPdf(),
    changes: ['attachments'],
    foreign: {
      arrange: (ctx) => ctx.educationAction(),
      url: (p) => `/api/actions/${p.action}/attachments?fileName=plan.pdf`,
      body: () => annexPdf(),
      changes: ['attachments'],
      rule: educationEdit,
    },
  },
  'DELETE /api/attachments/:id': {
    arrange: async (ctx) => {
      const fresh = await ctx.labourAction();
      const file = await upload(
        ctx,
        `/api/actions/${fresh.action}/attachments?fileName=plan.pdf`,
        client(ctx, 'coordinator'),
      );
      if (file.statusCode !== 201) throw new Error(`arrange attachment: ${file.body}`);
      return { ...fresh, attachment: file.json().id };
    },
    url: (p) => `/api/attachments/${p.attachment}`,
    changes: ['attachments'],
    foreign: {
      arrange: async (ctx) => {
        const fresh = await ctx.educationAction();
        const file = await upload(
          ctx,
          `/api/actions/${fresh.action}/attachments?fileName=plan.pdf`,
          client(ctx, 'coordinator'),
        );
        if (file.statusCode !== 201) throw new Error(`arrange attachment: ${file.body}`);
        return { ...fresh, attachment: file.json().id };
      },
      url: (p) => `/api/attachments/${p.attachment}`,
      changes: ['attachments'],
      rule: educationEdit,
    },
  },
  'PUT /api/follow-up/:id/grade': {
    arrange: async (ctx) => {
      const review = await makeReview(ctx.db, { body_code: 'CCPR' });
      const [rec] = await makeRecommendations(ctx.db, review, [{ follow_up: true, follow_up_due: '2020-06-30' }]);
      return { recommendation: rec?.id as string };
    },
    url: (p) => `/api/follow-up/${p.recommendation}/grade`,
    body: () => ({ grade: 'B', gradedAt: '2021-03-01', gradeDocument: 'CCPR/C/131/2/Add.1', version: 1 }),
    changes: ['recommendations'],
  },
  'POST /api/calendar/events': {
    url: () => '/api/calendar/events',
    body: () => eventFields(),
    changes: ['calendar_events'],
  },
  'PUT /api/calendar/events/:id': {
    arrange: freshEvent,
    url: (p) => `/api/calendar/events/${p.event}`,
    body: (p) => ({ ...eventFields(), version: Number(p.version) }),
    changes: ['calendar_events'],
  },
  'DELETE /api/calendar/events/:id': {
    arrange: freshEvent,
    url: (p) => `/api/calendar/events/${p.event}?version=${p.version}`,
    changes: ['calendar_events'],
  },
  'POST /api/calendar/recompute': {
    // A fresh review with a date: the calendar derives its due dates from it.
    arrange: async (ctx) => ({
      review: (await makeReview(ctx.db, { body_code: 'UPR', review_date: '2025-11-05' })).id,
    }),
    url: () => '/api/calendar/recompute',
    changes: ['calendar_events'],
  },
  'PUT /api/calendar/settings': {
    arrange: async (ctx) => ({ version: String((await ctx.as('GET', '/api/calendar/settings')).version) }),
    url: () => '/api/calendar/settings',
    body: (p) => ({ remindDays: [30, 7, 1], version: Number(p.version) }),
    changes: ['calendar_settings'],
  },
  'PUT /api/calendar/preferences': {
    freshPerson: true,
    url: () => '/api/calendar/preferences',
    body: () => ({ remindersByEmail: false }),
    changes: ['notification_preferences'],
  },
  'POST /api/calendar/feed': {
    freshPerson: true,
    url: () => '/api/calendar/feed',
    changes: ['calendar_feed_tokens'],
  },
  'DELETE /api/calendar/feed': {
    freshPerson: true,
    arrange: async (_ctx, who) => {
      if (who) await ok(who, 'POST', '/api/calendar/feed');
      return {};
    },
    url: () => '/api/calendar/feed',
    changes: ['calendar_feed_tokens'],
  },
  'POST /api/actions': {
    arrange: (ctx) => ctx.labourRecommendation(),
    url: () => '/api/actions',
    body: (p) => ({
      title: 'Labour inspection plan',
      responsibleEntityId: p.entity,
      recommendationIds: [p.recommendation],
    }),
    changes: ['actions'],
    // Labour's action: the secretariat and Labour's planning seats (not its validator).
    rule: labourObservers,
  },
  'PUT /api/actions/:id': {
    arrange: (ctx) => ctx.labourAction(),
    url: (p) => `/api/actions/${p.action}`,
    body: (p) => ({
      title: 'Labour inspection plan, amended',
      responsibleEntityId: p.entity,
      recommendationIds: [p.recommendation],
      version: 1,
    }),
    changes: ['actions'],
    foreign: {
      arrange: (ctx) => ctx.educationAction(),
      url: (p) => `/api/actions/${p.action}`,
      body: (p) => ({
        title: 'Schools plan, amended',
        responsibleEntityId: p.foreignEntity,
        recommendationIds: [p.recommendation],
        version: 1,
      }),
      changes: ['actions'],
      rule: educationEdit,
    },
  },
  'DELETE /api/actions/:id': {
    arrange: (ctx) => ctx.labourAction(),
    url: (p) => `/api/actions/${p.action}?version=1`,
    changes: ['actions'],
    foreign: {
      arrange: (ctx) => ctx.educationAction(),
      url: (p) => `/api/actions/${p.action}?version=1`,
      changes: ['actions'],
      rule: educationDelete,
    },
  },
  'PUT /api/me/notifications/actions': {
    freshPerson: true,
    url: () => '/api/me/notifications/actions',
    body: () => ({ actionsByEmail: false }),
    changes: ['notification_preferences'],
  },
};
