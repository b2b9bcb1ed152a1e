import { randomBytes } from 'node:crypto';
import type { Rule } from './access-matrix.expectations';
import { annexPdf } from './access-matrix.world';
import { client, labourObservers, ok } from './access-matrix.writes.reports';
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
 * Write cases of the work on recommendations: progress
 * updates and their evidence, follow-up grades, the calendar, actions and their documents, and
 * one's notification settings. See `access-matrix.writes.test.ts`.
 */
const unique = () => randomBytes(4).toString('hex');
const secretariat = (p: { role: string }) => p.role === 'admin' || p.role === 'coordinator';
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

/**
 * A bulk step on Labour's submitted update: people with a queue are answered per item, and only
 * Labour's validator's item is taken (200 with the item refused, nothing changed, for the others).
 */
const bulkLabourValidatorStep: Rule = (p) => {
  if (!p) return 401;
  if (!(secretariat(p) || p.role === 'validator')) return 403;
  return p.relation === 'own' && p.role === 'validator' ? 'ok' : 200;
};

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

/** A fresh action with a document the coordinator attached to it: the action and the attachment. */
async function attachedTo(ctx: WriteCtx, fresh: { action: string; recommendation: string }) {
  const file = await upload(
    ctx,
    `/api/actions/${fresh.action}/attachments?fileName=plan.pdf`,
    client(ctx, 'coordinator'),
  );
  if (file.statusCode !== 201) throw new Error(`arrange attachment: ${file.body}`);
  return { ...fresh, attachment: file.json().id as string };
}

export const workCases: Record<string, WriteCase> = {
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
      // Education's writing seats; everyone else 403: a seat in the entity the update is for is
      // checked first, so the out-of-scope recommendation is never read (no existence oracle).
      rule: (p) => (!p ? 401 : p.relation === 'other' && p.role !== 'validator' ? 'ok' : 403),
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
  'POST /api/progress-updates/bulk/approve': {
    arrange: (ctx) => freshUpdate(ctx, 'submitted'),
    url: () => '/api/progress-updates/bulk/approve',
    body: (p) => ({ items: [{ id: p.update, version: Number(p.version) }] }),
    changes: ['progress_updates', 'progress_update_events'],
    rule: bulkLabourValidatorStep,
  },
  'POST /api/progress-updates/bulk/return': {
    arrange: (ctx) => freshUpdate(ctx, 'submitted'),
    url: () => '/api/progress-updates/bulk/return',
    body: (p) => ({ items: [{ id: p.update, version: Number(p.version) }], comment: 'Please add the figures.' }),
    changes: ['progress_updates', 'progress_update_events'],
    rule: bulkLabourValidatorStep,
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
    arrange: async (ctx) => attachedTo(ctx, await ctx.labourAction()),
    url: (p) => `/api/attachments/${p.attachment}`,
    changes: ['attachments'],
    foreign: {
      arrange: async (ctx) => attachedTo(ctx, await ctx.educationAction()),
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
