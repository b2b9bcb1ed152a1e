import { randomBytes } from 'node:crypto';
import { adminOnly, type Rule } from './access-matrix.expectations';
import {
  educationDelegates,
  educationWriters,
  someoneElses,
  type WriteCase,
  type WriteCtx,
} from './access-matrix.writes.world';
import type { Client } from './app';
import { signInAs } from './app';
import { makeAssignment, makeCluster, makeRecommendations, makeReview, makeUser } from './factories';
import { readFixture } from './fixtures';

/**
 * Write cases of the register (recommendations, links, clusters, saved views), assignments,
 * calls for input, taxonomies and bodies, and imports. See `access-matrix.writes.test.ts`.
 */
const unique = () => randomBytes(4).toString('hex');
const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

/** A fresh draft call to Labour on a fresh Labour recommendation. */
async function freshCall(ctx: WriteCtx) {
  const { recommendation } = await ctx.labourRecommendation();
  const call = await ctx.as('POST', '/api/calls', {
    title: `Follow-up ${unique()}`,
    message: 'Please tell us what your ministry has done since the last review.',
    deadline: nextYear,
    recommendationIds: [recommendation],
    entityIds: [ctx.p.entity],
  });
  return { call: call.id as string, version: String(call.version), recommendation };
}

async function freshTerm(ctx: WriteCtx, taxonomy = 'theme') {
  const term = await ctx.as('POST', `/api/taxonomies/${taxonomy}/terms`, {
    code: `matrix-${unique()}`,
    label: { en: `Matrix term ${unique()}` },
  });
  return { term: String(term.id), version: String(term.version ?? 1) };
}

// The world's own import again: its plan finds every recommendation unchanged, so applying it
// moves the import's status and nothing of the register (each case the same, however many run).
const thematicList = () => readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
const thematicListName = 'slovenia-upr-cycle2-thematic-list.docx';

/** A call is answered by the entity's writing seats (focal points, members); its validator reads; others do not see it. */
const labourWriters: Rule = (p) => {
  if (!p) return 401;
  if (p.relation === 'own') return p.role === 'validator' ? 403 : 'ok';
  return p.role === 'admin' || p.role === 'coordinator' ? 403 : 404;
};

async function freshImport(ctx: WriteCtx) {
  const response = await ctx.world.test.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${thematicListName}`,
    headers: {
      cookie: ctx.world.clients.get('coordinator')?.cookie ?? '',
      'x-csrf-token': ctx.world.clients.get('coordinator')?.csrfToken ?? '',
      'content-type': 'application/octet-stream',
    },
    payload: thematicList(),
  });
  if (response.statusCode !== 201) throw new Error(`arrange import: ${response.body}`);
  return { import: response.json().importId as string };
}

export const registerCases: Record<string, WriteCase> = {
  'POST /api/recommendations/batch': {
    arrange: async (ctx) => ({ ...(await ctx.labourRecommendation()), ...(await freshTerm(ctx)) }),
    url: () => '/api/recommendations/batch',
    body: (p) => ({ ids: [p.recommendation], addThemeIds: [Number(p.term)] }),
    changes: ['recommendations'],
  },
  'PATCH /api/recommendations/:id': {
    arrange: (ctx) => ctx.labourRecommendation(),
    url: (p) => `/api/recommendations/${p.recommendation}`,
    body: () => ({ position: 'supported', version: 1 }),
    changes: ['recommendations'],
  },
  'POST /api/recommendations/:id/links': {
    arrange: async (ctx) => {
      const { recommendation } = await ctx.labourRecommendation();
      const other = await ctx.labourRecommendation();
      return { recommendation, other: other.recommendation };
    },
    url: (p) => `/api/recommendations/${p.recommendation}/links`,
    body: (p) => ({ otherId: p.other, kind: 'related' }),
    changes: ['recommendation_links'],
  },
  'DELETE /api/recommendations/:id/links/:otherId': {
    arrange: async (ctx) => {
      const { recommendation } = await ctx.labourRecommendation();
      const other = await ctx.labourRecommendation();
      await ctx.as('POST', `/api/recommendations/${recommendation}/links`, {
        otherId: other.recommendation,
        kind: 'related',
      });
      return { recommendation, other: other.recommendation };
    },
    url: (p) => `/api/recommendations/${p.recommendation}/links/${p.other}`,
    changes: ['recommendation_links'],
  },
  'PATCH /api/clusters/:id': {
    arrange: async (ctx) => {
      const { recommendation } = await ctx.labourRecommendation();
      return { cluster: (await makeCluster(ctx.db, [recommendation])).id };
    },
    url: (p) => `/api/clusters/${p.cluster}`,
    body: () => ({ name: `Renamed cluster ${unique()}`, version: 1 }),
    changes: ['clusters'],
  },
  'DELETE /api/clusters/:id': {
    arrange: async (ctx) => {
      const { recommendation } = await ctx.labourRecommendation();
      return { cluster: (await makeCluster(ctx.db, [recommendation])).id };
    },
    url: (p) => `/api/clusters/${p.cluster}?version=1`,
    changes: ['clusters'],
  },
  'POST /api/clusters': {
    url: () => '/api/clusters',
    body: () => ({ name: `Another cluster ${unique()}` }),
    changes: ['clusters'],
  },
  'POST /api/saved-views': {
    url: () => '/api/saved-views',
    body: () => ({ name: `My view ${unique()}`, query: { q: 'labour' } }),
    changes: ['saved_views'],
  },
  'DELETE /api/saved-views/:id': {
    // One's own saved view: made by the person asked (others' views are theirs alone).
    arrange: async (_ctx, client) => {
      if (!client) return {};
      const view = await client.request('POST', '/api/saved-views', { name: `Mine ${unique()}`, query: { q: 'x' } });
      return { view: view.json().id };
    },
    url: (p) => `/api/saved-views/${p.view ?? p.unknown}`,
    changes: ['saved_views'],
    foreign: {
      arrange: async (ctx) => {
        const owner = await signInAs(ctx.world.test.app, (await makeUser(ctx.db, { role: 'viewer' })).email);
        const view = await owner.request('POST', '/api/saved-views', { name: `Theirs ${unique()}`, query: { q: 'x' } });
        return { view: view.json().id };
      },
      url: (p) => `/api/saved-views/${p.view}`,
      changes: ['saved_views'],
      rule: someoneElses,
    },
  },
  'PUT /api/recommendations/:id/local-levels': {
    arrange: (ctx) => ctx.labourRecommendation(),
    url: (p) => `/api/recommendations/${p.recommendation}/local-levels`,
    body: () => ({ levels: [1] }),
    changes: ['recommendations'],
  },
  'POST /api/assignments': {
    arrange: async (ctx) => {
      const review = await makeReview(ctx.db);
      const [rec] = await makeRecommendations(ctx.db, review);
      return { recommendation: rec?.id as string };
    },
    url: () => '/api/assignments',
    body: (p) => ({ recommendationIds: [p.recommendation], entityId: p.entity, role: 'lead' }),
    changes: ['assignments'],
  },
  'POST /api/assignments/:id/delegations': {
    // A Labour assignment not yet delegated: Labour's focal points hand it down to the region.
    arrange: async (ctx) => {
      const review = await makeReview(ctx.db);
      const [rec] = await makeRecommendations(ctx.db, review);
      return { assignment: (await makeAssignment(ctx.db, rec?.id as string, ctx.p.entity as string)).id };
    },
    url: (p) => `/api/assignments/${p.assignment}/delegations`,
    body: (p) => ({ entityId: p.region }),
    changes: ['assignments'],
    // Not delegated yet: the region has no part in it, so for its people it does not exist.
    rule: (p) => {
      if (!p) return 401;
      if (p.role === 'admin' || p.role === 'coordinator') return 'ok';
      if (p.relation === 'other' || p.relation === 'delegated') return 404;
      return p.relation === 'own' && p.role === 'focal_point' ? 'ok' : 403;
    },
    foreign: {
      arrange: (ctx) => ctx.educationRecommendation(),
      url: (p) => `/api/assignments/${p.assignment}/delegations`,
      body: (p) => ({ entityId: p.region }),
      changes: ['assignments'],
      rule: educationDelegates,
    },
  },
  'DELETE /api/assignments/:id': {
    arrange: (ctx) => ctx.labourRecommendation(),
    url: (p) => `/api/assignments/${p.assignment}?version=1`,
    changes: ['assignments'],
  },
  'POST /api/calls': {
    arrange: (ctx) => ctx.labourRecommendation(),
    url: () => '/api/calls',
    body: (p) => ({
      title: 'Another call',
      message: 'Please tell us what was done.',
      deadline: nextYear,
      recommendationIds: [p.recommendation],
      entityIds: [p.entity],
    }),
    changes: ['calls'],
  },
  'PATCH /api/calls/:id': {
    arrange: freshCall,
    url: (p) => `/api/calls/${p.call}`,
    body: (p) => ({
      title: 'Renamed call',
      message: 'Please tell us what was done.',
      deadline: nextYear,
      version: Number(p.version),
    }),
    changes: ['calls'],
  },
  'DELETE /api/calls/:id': {
    arrange: freshCall,
    url: (p) => `/api/calls/${p.call}?version=${p.version}`,
    changes: ['calls'],
  },
  'POST /api/calls/:id/send': {
    arrange: freshCall,
    url: (p) => `/api/calls/${p.call}/send`,
    body: (p) => ({ version: Number(p.version) }),
    changes: ['calls', 'inbox_items', 'call_reminders'],
  },
  'POST /api/calls/:id/reminders': {
    arrange: async (ctx) => {
      const fresh = await freshCall(ctx);
      await ctx.as('POST', `/api/calls/${fresh.call}/send`, { version: Number(fresh.version) });
      return fresh;
    },
    url: (p) => `/api/calls/${p.call}/reminders`,
    changes: ['call_reminders'],
  },
  'POST /api/calls/:id/recommendations': {
    arrange: async (ctx) => {
      const fresh = await freshCall(ctx);
      const other = await ctx.labourRecommendation();
      return { ...fresh, other: other.recommendation };
    },
    url: (p) => `/api/calls/${p.call}/recommendations`,
    body: (p) => ({ recommendationIds: [p.other] }),
    changes: ['calls'],
  },
  'DELETE /api/calls/:id/recommendations/:recommendationId': {
    arrange: async (ctx) => {
      const fresh = await freshCall(ctx);
      const other = await ctx.labourRecommendation();
      await ctx.as('POST', `/api/calls/${fresh.call}/recommendations`, { recommendationIds: [other.recommendation] });
      return { ...fresh, other: other.recommendation };
    },
    url: (p) => `/api/calls/${p.call}/recommendations/${p.other}`,
    changes: ['calls'],
  },
  'POST /api/calls/:id/entities': {
    arrange: async (ctx) => {
      const fresh = await freshCall(ctx);
      await makeAssignment(ctx.db, fresh.recommendation, ctx.p.foreignEntity as string, { role: 'supporting' });
      return fresh;
    },
    url: (p) => `/api/calls/${p.call}/entities`,
    body: (p) => ({ entityIds: [p.foreignEntity] }),
    changes: ['calls'],
  },
  'DELETE /api/calls/:id/entities/:entityId': {
    arrange: freshCall,
    url: (p) => `/api/calls/${p.call}/entities/${p.entity}`,
    changes: ['calls'],
  },
  'PUT /api/calls/:id/entities/:entityId/answers': {
    // A sent call: Labour answers from its inbox.
    arrange: async (ctx) => {
      const fresh = await freshCall(ctx);
      await ctx.as('POST', `/api/calls/${fresh.call}/send`, { version: Number(fresh.version) });
      return fresh;
    },
    url: (p) => `/api/calls/${p.call}/entities/${p.entity}/answers`,
    body: (p) => ({
      items: [{ recommendationId: p.recommendation, narrative: 'Inspections doubled.', version: null }],
    }),
    changes: ['progress_updates'],
    rule: labourWriters,
    foreign: {
      // A sent call to Education: Labour's people may not answer for it.
      arrange: async (ctx) => {
        const { recommendation } = await ctx.educationRecommendation();
        const call = await ctx.as('POST', '/api/calls', {
          title: `Follow-up ${unique()}`,
          message: 'Please tell us what your ministry has done since the last review.',
          deadline: nextYear,
          recommendationIds: [recommendation],
          entityIds: [ctx.p.foreignEntity],
        });
        await ctx.as('POST', `/api/calls/${call.id}/send`, { version: call.version });
        return { call: call.id, recommendation };
      },
      url: (p) => `/api/calls/${p.call}/entities/${p.foreignEntity}/answers`,
      body: (p) => ({
        items: [{ recommendationId: p.recommendation, narrative: 'Curricula revised.', version: null }],
      }),
      changes: ['progress_updates'],
      rule: educationWriters,
    },
  },
  'PUT /api/me/notifications': {
    freshPerson: true,
    url: () => '/api/me/notifications',
    body: () => ({ callsByEmail: false }),
    changes: ['notification_preferences'],
  },
  'POST /api/bodies': {
    url: () => '/api/bodies',
    body: () => ({ code: `MX-${unique().toUpperCase()}`, mechanism: 'other', name: { en: 'Matrix committee' } }),
    changes: ['bodies'],
    rule: adminOnly,
  },
  'PATCH /api/bodies/:code': {
    arrange: async (ctx) => {
      const code = `MX-${unique().toUpperCase()}`;
      const admin = ctx.world.clients.get('admin') as Client;
      const made = await admin.request('POST', '/api/bodies', {
        code,
        mechanism: 'other',
        name: { en: 'Matrix committee' },
      });
      if (made.statusCode >= 300) throw new Error(`arrange body: ${made.body}`);
      return { code };
    },
    url: (p) => `/api/bodies/${p.code}`,
    body: () => ({ mechanism: 'other', name: { en: 'Matrix committee, renamed' }, version: 1 }),
    changes: ['bodies'],
    rule: adminOnly,
  },
  'POST /api/taxonomies': {
    url: () => '/api/taxonomies',
    body: () => ({ code: `plan_${unique()}`, name: { en: 'National action plan chapters' } }),
    changes: ['taxonomies'],
  },
  'POST /api/taxonomies/:code/terms': {
    url: () => '/api/taxonomies/theme/terms',
    body: () => ({ code: `matrix-${unique()}`, label: { en: 'Matrix term' } }),
    changes: ['taxonomy_terms'],
  },
  'PATCH /api/terms/:id': {
    arrange: (ctx) => freshTerm(ctx),
    url: (p) => `/api/terms/${p.term}`,
    body: (p) => ({ label: { en: `Renamed term ${unique()}` }, version: Number(p.version) }),
    changes: ['taxonomy_terms'],
  },
  'POST /api/terms/:id/merge': {
    arrange: async (ctx) => {
      const from = await freshTerm(ctx);
      const into = await freshTerm(ctx);
      return { ...from, into: into.term };
    },
    url: (p) => `/api/terms/${p.term}/merge`,
    body: (p) => ({ into: Number(p.into), version: Number(p.version) }),
    changes: ['taxonomy_terms'],
    rule: adminOnly,
  },
  'POST /api/terms/merge': {
    arrange: async (ctx) => {
      const from = await freshTerm(ctx);
      const into = await freshTerm(ctx);
      return { ...from, into: into.term };
    },
    url: () => '/api/terms/merge',
    body: (p) => ({ into: Number(p.into), terms: [{ id: Number(p.term), version: Number(p.version) }] }),
    changes: ['taxonomy_terms'],
    rule: adminOnly,
  },
  'DELETE /api/terms/:id': {
    arrange: (ctx) => freshTerm(ctx),
    url: (p) => `/api/terms/${p.term}?version=${p.version}`,
    changes: ['taxonomy_terms'],
  },
  'POST /api/imports': {
    url: () => `/api/imports?fileName=${thematicListName}`,
    body: () => thematicList(),
    changes: ['imports'],
  },
  'POST /api/imports/:id/preview': {
    arrange: freshImport,
    url: (p) => `/api/imports/${p.import}/preview`,
    body: () => ({}),
    changes: [],
    why: 'the dry run again (with other options): it shows the plan and writes nothing',
    check: async (_ctx, _p, response) => (response.body.includes('"counts"') ? undefined : 'no plan shown'),
  },
  'POST /api/imports/:id/apply': {
    arrange: freshImport,
    url: (p) => `/api/imports/${p.import}/apply`,
    body: () => ({}),
    changes: ['imports'],
    check: async (ctx, p) => {
      const row = await ctx.db
        .selectFrom('imports')
        .select('status')
        .where('id', '=', p.import as string)
        .executeTakeFirst();
      return row?.status === 'applied' ? undefined : `the import is ${row?.status}`;
    },
  },
  // Publication on the portal (decision 032): the secretariat's.
  'PUT /api/publication/:subject/:id': {
    arrange: async (ctx) => ctx.labourRecommendation(),
    url: (p) => `/api/publication/recommendation/${p.recommendation}`,
    body: () => ({ published: true }),
    changes: ['publications', 'audit_events'],
  },
  'POST /api/publication/reviews/:id/validated-updates': {
    arrange: async (ctx) => {
      const { recommendation } = await ctx.labourRecommendation();
      const { db } = ctx.world.test.handle;
      const row = await db
        .selectFrom('recommendations')
        .select(['review_id'])
        .where('id', '=', recommendation)
        .executeTakeFirstOrThrow();
      const labour = await db
        .selectFrom('entities')
        .select('id')
        .where('name', '=', 'Ministry of Labour')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('progress_updates')
        .values({ recommendation_id: recommendation, entity_id: labour.id, narrative: 'Done.', status: 'validated' })
        .execute();
      return { review: row.review_id };
    },
    url: (p) => `/api/publication/reviews/${p.review}/validated-updates`,
    changes: ['publications', 'audit_events'],
  },
};
