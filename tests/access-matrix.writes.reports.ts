import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from './access-matrix.expectations';
import type { WriteCase, WriteCtx } from './access-matrix.writes.world';
import type { Client } from './app';

/**
 * Write cases of reports (drafting, versions, consultation and its comments, approval) and of
 * indicators and their observations. See `access-matrix.writes.test.ts`.
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
export const labourObservers: Rule = (p) =>
  !p ? 401 : secretariat(p) || (p.relation === 'own' && p.role !== 'validator') ? 'ok' : 403;
/** A new progress update of Labour: its writing seats only (the secretariat validates, never writes). */
export const client = (ctx: WriteCtx, name: string) => ctx.world.clients.get(name) as Client;
export async function ok(who: Client, method: 'POST' | 'PUT', url: string, body?: unknown) {
  const response = await who.request(method, url, body);
  if (response.statusCode >= 300) throw new Error(`arrange ${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
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
        // National, as the WHO file: a by-place indicator would let every LRG seat import its own place.
        byPlace: false,
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

export const reportCases: Record<string, WriteCase> = {
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
};
