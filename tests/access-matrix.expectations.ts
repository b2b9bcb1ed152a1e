import { annexPdf, type Persona } from './access-matrix.world';

/**
 * What each registered route answers, per person (role × entity relation) and for anonymous
 * callers: 'ok' (2xx or 3xx), or the refusal (401 signed out, 403 not allowed, 404 unknown or
 * outside the scope: decision 020; 409 a state that refuses the request; 200 a request answered
 * whose every item is refused, as bulk steps answer, which must change nothing). The key is the route as Fastify registers it, method and
 * url; a HEAD route answers as its GET (Fastify adds it) and needs no row of its own.
 * A route that has no row here fails `tests/access-matrix.test.ts`: say who may use it.
 */
export type Outcome = 'ok' | 200 | 400 | 401 | 403 | 404 | 409;
export type Rule = (persona: Persona | null) => Outcome;

export interface Expectation {
  /** For the target record (Labour's), and for writes: a payload the schema accepts. */
  rule: Rule;
  /** For a foreign record (another entity's; routes with one, see access-matrix.fill.ts). */
  foreign?: Rule;
  /** A query the route needs, `{name}` filled from the world's parameters. */
  query?: string;
  /** A write's payload, valid for its schema (undefined: none): its refusals are then exercised too. */
  body?: (params: Record<string, string>) => unknown;
}

const bound = (p: Persona) => p.relation !== 'none';
const secretariatRoles = new Set(['admin', 'coordinator']);

/** Anyone, signed in or not. */
export const open: Rule = () => 'ok';
/** Nobody: the one 404 page, signed in or not (an unknown public id). */
export const nowhere: Rule = () => 404;
/** Anyone signed in. */
export const signedIn: Rule = (p) => (p ? 'ok' : 401);
/** A route that answers 404 for every signed-in person (an id that no one may see or that does not exist). */
export const unknownToAll: Rule = (p) => (p ? 404 : 401);
/** The NMIRF secretariat only. */
export const secretariat: Rule = (p) => (!p ? 401 : secretariatRoles.has(p.role) ? 'ok' : 403);
export const adminOnly: Rule = (p) => (!p ? 401 : p.role === 'admin' ? 'ok' : 403);
/** The secretariat; for others, the record does not exist. */
export const secretariatElse404: Rule = (p) => (!p ? 401 : secretariatRoles.has(p.role) ? 'ok' : 404);
/** The secretariat and the consulted (stakeholders). */
export const secretariatAndConsulted: Rule = (p) =>
  !p ? 401 : secretariatRoles.has(p.role) || p.role === 'stakeholder' ? 'ok' : 403;
/** A Labour record in scope for Labour and the region it delegated to; 404 for Education (decision 020). */
export const labourScope: Rule = (p) => (!p ? 401 : bound(p) && p.relation === 'other' ? 404 : 'ok');
/** An Education record: 404 for Labour and its region. */
export const educationScope: Rule = (p) => (!p ? 401 : bound(p) && p.relation !== 'other' ? 404 : 'ok');
/** A record nobody is assigned: 404 for every person bound to entities. */
export const nobodysScope: Rule = (p) => (!p ? 401 : bound(p) ? 404 : 'ok');
/** Labour's own draft progress update: its people and the secretariat; 404 for everyone else. */
export const labourOnly: Rule = (p) =>
  !p ? 401 : secretariatRoles.has(p.role) || (bound(p) && p.relation === 'own') ? 'ok' : 404;
/** Writes an action of Labour: the secretariat, Labour's planning seats; readers 403; out of scope 404. */
export const editLabourAction: Rule = (p) => {
  if (!p) return 401;
  if (secretariatRoles.has(p.role)) return 'ok';
  if (bound(p) && p.relation === 'other') return 404;
  return p.relation === 'own' && (p.role === 'focal_point' || p.role === 'contributor') ? 'ok' : 403;
};
/** Deletes an action: the secretariat; readers 403; out of scope 404. */
export const deleteLabourAction: Rule = (p) => {
  if (!p) return 401;
  if (secretariatRoles.has(p.role)) return 'ok';
  return bound(p) && p.relation === 'other' ? 404 : 403;
};
/** Delegates Labour's assignment: the secretariat and Labour's focal points; readers 403; Education 404. */
export const delegateLabour: Rule = (p) => {
  if (!p) return 401;
  if (secretariatRoles.has(p.role)) return 'ok';
  if (bound(p) && p.relation === 'other') return 404;
  return p.relation === 'own' && p.role === 'focal_point' ? 'ok' : 403;
};
/** The secretariat's, on a Labour record: 404 for Education (out of scope), 403 for the rest. */
export const secretariatInLabourScope: Rule = (p) => {
  if (!p) return 401;
  if (secretariatRoles.has(p.role)) return 'ok';
  return bound(p) && p.relation === 'other' ? 404 : 403;
};
/** Has a "to validate" queue: the secretariat and validators, whatever their seat. */
export const withQueue: Rule = (p) => (!p ? 401 : secretariatRoles.has(p.role) || p.role === 'validator' ? 'ok' : 403);
/** Routes of the sign-in flow: answer anyone (their own validation decides). */
export const publicFlow: Rule = () => 'ok';

const get = (rule: Rule, extra: Partial<Expectation> = {}): Expectation => ({ rule, ...extra });
const write = (rule: Rule, body?: Expectation['body'], query?: string): Expectation => ({
  rule,
  ...(body ? { body } : {}),
  ...(query ? { query } : {}),
});
const noBody = () => undefined;

export const expectations: Record<string, Expectation> = {
  // The API reference and health probes.
  'GET /api/docs': get(signedIn),
  'GET /api/docs/static/index.html': get(signedIn),
  'GET /api/docs/static/swagger-initializer.js': get(signedIn),
  'GET /api/docs/json': get(signedIn),
  'GET /api/docs/yaml': get(signedIn),
  // swagger-ui's own scripts and styles: nothing of the API in them
  'GET /api/docs/static/*': get(open),
  'GET /health': get(open),
  // The public portal (decision 032): pages for anyone; its ids here are unknown ones (404 for all).
  'GET /public': get(open),
  'GET /public/:locale': get(open),
  'GET /public/:locale/': get(open),
  'GET /public/:locale/recommendations': get(open),
  'GET /public/:locale/recommendations/:id': get(nowhere),
  'GET /public/:locale/documents/:symbol/:paragraph': get(nowhere),
  'GET /public/:locale/reviews/:id': get(nowhere),
  'GET /public/:locale/entities/:id': get(nowhere),
  'GET /public/:locale/mechanisms/:mechanism': get(nowhere),
  'GET /public/:locale/themes/:theme': get(nowhere),
  'GET /public/:locale/sdgs/:goal': get(nowhere),
  'GET /public/:locale/*': get(nowhere),
  'GET /public/:locale/data/recommendations.json': get(open),
  'GET /public/:locale/data/recommendations.csv': get(open),
  'GET /public/:locale/data/recommendations.xlsx': get(open),
  'GET /public/:locale/data/changes.json': get(open),
  'GET /public/:locale/data/changes.atom': get(open),
  // Open data of progress and indicators, the data dictionary page, widgets and their snippet page (decision 040).
  'GET /public/:locale/data': get(open),
  'GET /public/:locale/data/progress.json': get(open),
  'GET /public/:locale/data/progress.csv': get(open),
  'GET /public/:locale/data/progress.xlsx': get(open),
  'GET /public/:locale/data/indicators.json': get(open),
  'GET /public/:locale/data/indicators.csv': get(open),
  'GET /public/:locale/data/indicators.xlsx': get(open),
  'GET /public/:locale/widgets': get(open),
  'GET /public/:locale/widgets/entities/:id': get(nowhere),
  'GET /public/:locale/widgets/reviews/:id': get(nowhere),
  'GET /public/:locale/widgets/themes/:id': get(nowhere),
  // What is public, for everyone signed in within their scope; coordinators decide it.
  'GET /api/publication/:subject/:id': get(labourScope),
  'PUT /api/publication/:subject/:id': write(secretariat, () => ({ published: null })),
  'POST /api/publication/reviews/:id/validated-updates': write(secretariat, noBody),
  'GET /ready': get(open),
  'GET /api/openapi.json': get(signedIn),
  // Session, accounts, invitations.
  'GET /api/session': get(open),
  'POST /api/session': write(publicFlow),
  // Signing out is idempotent: answered to anyone.
  'DELETE /api/session': write(open),
  'POST /api/password-resets': write(publicFlow),
  'POST /api/password-resets/complete': write(publicFlow),
  'POST /api/invitations/accept': write(publicFlow),
  'POST /api/invitations/inspect': write(publicFlow),
  'PATCH /api/me': write(signedIn),
  // Single sign-on (decision 022): off in the matrix's app, where both answer 404 to everyone.
  'GET /api/sso/start': get(() => 404),
  'GET /api/sso/callback': get(() => 404),
  // Where one is signed in, and the second factor (decision: identity module, issue 14).
  'GET /api/me/sessions': get(signedIn),
  'DELETE /api/me/sessions': write(signedIn),
  'DELETE /api/me/sessions/:id': write(signedIn),
  'GET /api/me/totp': get(signedIn),
  'POST /api/me/totp/setup': write(signedIn),
  'POST /api/me/totp/enable': write(signedIn),
  'POST /api/me/totp/disable': write(signedIn),
  'POST /api/me/totp/recovery-codes': write(signedIn),
  // The code step of a two-step sign-in: only a session waiting for its code may use it.
  'POST /api/session/second-factor': write(signedIn),
  'GET /api/admin/users/:id/sessions': get(adminOnly),
  'DELETE /api/admin/users/:id/sessions': write(adminOnly),
  'DELETE /api/admin/users/:id/totp': write(adminOnly),
  'GET /api/me/activity': get(signedIn),
  'GET /api/admin/users': get(secretariat),
  'PATCH /api/admin/users/:id': write(adminOnly),
  'GET /api/admin/invitations': get(secretariat),
  'POST /api/admin/invitations': write(secretariat),
  // An unknown invitation or nomination is unknown to all (no one learns more by asking).
  'DELETE /api/admin/invitations/:id': write(unknownToAll, noBody),
  'GET /api/admin/audit': get(adminOnly),
  'GET /api/admin/outbox': get(adminOnly),
  'POST /api/admin/outbox/:id/retry': write(adminOnly, noBody),
  'GET /api/admin/api-tokens': get(adminOnly),
  // Federation (decision 038): the admin links the instance to a hub; the secretariat shares.
  'GET /api/federation/link': get(secretariat),
  'POST /api/federation/link/key': write(adminOnly, noBody),
  'PUT /api/federation/link': write(adminOnly, () => ({
    hubUrl: 'https://hub.example.org',
    token: 'imp_matrix-token-0123456789abc',
    version: 1,
  })),
  'POST /api/federation/link/unlink': write(adminOnly, () => ({ version: 1 })),
  'GET /api/federation/shares': get(secretariat),
  'POST /api/federation/shares/:id/retry': write(secretariat, noBody),
  'POST /api/federation/practices': write(secretariat, () => ({
    practice: {
      level: 'national',
      themes: ['coordination'],
      texts: { en: { title: 'Matrix', summary: '', body: '' } },
      contact: null,
      links: [],
      source: null,
    },
    shared: false,
  })),
  'GET /api/federation/practices/:id': get((p) => (!p ? 401 : secretariatRoles.has(p.role) ? 404 : 403)),
  'PUT /api/federation/practices/:id': write(secretariat, () => ({
    ...{
      practice: {
        level: 'national',
        themes: ['coordination'],
        texts: { en: { title: 'Matrix', summary: '', body: '' } },
        contact: null,
        links: [],
        source: null,
      },
      shared: false,
    },
    version: 1,
  })),
  'GET /api/federation/profile': get(secretariat),
  'PUT /api/federation/profile': write(secretariat, () => ({
    profile: {
      mandate: {},
      legalBasis: {},
      composition: {},
      secretariat: {},
      focalPoints: {},
      established: null,
      website: null,
      source: null,
    },
    shared: false,
    version: null,
  })),
  'PUT /api/federation/statistics': write(secretariat, () => ({ shared: false, version: null })),
  'POST /api/admin/api-tokens': write(adminOnly, () => ({ name: 'Matrix', scope: 'read_scoped', expiresInDays: 30 })),
  'POST /api/admin/api-tokens/:id/revoke': write(adminOnly, noBody),
  'GET /api/state-profile': get(signedIn),
  'PUT /api/state-profile': write(secretariat),
  // Entities and their people (a directory every signed-in person reads).
  'GET /api/entities': get(signedIn),
  'POST /api/entities': write(secretariat),
  'POST /api/entities/import/preview': write(secretariat),
  'POST /api/entities/import/apply': write(secretariat),
  'GET /api/entities/:id': get(signedIn, { foreign: signedIn }),
  'PUT /api/entities/:id': write(secretariat),
  'DELETE /api/entities/:id': write(secretariat, noBody, 'version=1'),
  'GET /api/entities/:id/people': get(signedIn, { foreign: signedIn }),
  'POST /api/entities/:id/people': write(secretariat),
  'POST /api/entities/:id/people/invite': write(secretariat),
  'PATCH /api/entities/:id/people/:userId': write(secretariat),
  'DELETE /api/entities/:id/people/:userId': write(secretariat),
  'POST /api/networks/:id/members': write(secretariat),
  'DELETE /api/networks/:id/members/:memberId': write(secretariat, noBody),
  'GET /api/networks/:id/nominations': get(unknownToAll),
  'POST /api/networks/:id/nominations': write(secretariat),
  'GET /api/nominations/:id': get(unknownToAll),
  'PATCH /api/nominations/:id': write(secretariat),
  'POST /api/nominations/:id/candidates': write(secretariat),
  'DELETE /api/nominations/:id/candidates/:lrgId': write(unknownToAll, noBody),
  'POST /api/nominations/:id/choose': write(secretariat),
  // The register (scoped for people bound to entities).
  'GET /api/recommendations': get(signedIn),
  'GET /api/recommendations/export.csv': get(signedIn),
  'GET /api/recommendations/export.xlsx': get(signedIn),
  'POST /api/recommendations/batch': write(secretariat),
  'GET /api/recommendations/by-number': get(signedIn, { query: 'number=1' }),
  'GET /api/recommendations/:id': get(labourScope, { foreign: educationScope }),
  'PATCH /api/recommendations/:id': write(secretariat),
  'POST /api/recommendations/:id/links': write(secretariat),
  'DELETE /api/recommendations/:id/links/:otherId': write(secretariat, noBody),
  'GET /api/reviews': get(signedIn),
  'GET /api/reviews/:id': get(signedIn),
  'GET /api/clusters': get(signedIn),
  'GET /api/clusters/:id': get(labourScope, { foreign: nobodysScope }),
  'PATCH /api/clusters/:id': write(secretariat, () => ({ name: 'Renamed', version: 1 })),
  'DELETE /api/clusters/:id': write(secretariat, noBody, 'version=1'),
  'POST /api/clusters': write(secretariat, () => ({ name: 'Another cluster' })),
  'GET /api/saved-views': get(signedIn),
  'POST /api/saved-views': write(signedIn),
  'DELETE /api/saved-views/:id': write(signedIn),
  // Assignments and delegations.
  'GET /api/recommendations/:id/assignments': get(labourScope, { foreign: educationScope }),
  'PUT /api/recommendations/:id/local-levels': write(secretariat),
  'GET /api/assignments/mine': get(signedIn),
  'POST /api/assignments': write(secretariat, (p) => ({
    recommendationIds: [p.recommendation],
    entityId: p.foreignEntity,
    role: 'lead',
  })),
  'POST /api/assignments/:id/delegations': write(delegateLabour, (p) => ({ entityId: p.region })),
  'DELETE /api/assignments/:id': write(secretariatInLabourScope, noBody, 'version=1'),
  'GET /api/peers': get(signedIn),
  'GET /api/me/waiting': get(signedIn),
  // Dashboards (scoped in their queries).
  'GET /api/dashboards/status': get(signedIn),
  'GET /api/dashboards/overdue': get(signedIn),
  'GET /api/dashboards/trend': get(signedIn),
  // Calls for information: the secretariat's; entities answer from their inbox.
  'GET /api/calls': get(secretariat),
  'POST /api/calls': write(secretariat, (p) => ({
    title: 'Another call',
    message: 'Please tell us what was done.',
    deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
    recommendationIds: [p.recommendation],
    entityIds: [p.entity],
  })),
  'GET /api/calls/:id': get(secretariat),
  'PATCH /api/calls/:id': write(secretariat),
  'DELETE /api/calls/:id': write(secretariat, noBody, 'version=1'),
  'POST /api/calls/:id/send': write(secretariat, () => ({ version: 1 })),
  'POST /api/calls/:id/reminders': write(secretariat, noBody),
  'GET /api/calls/:id/recommendations': get(secretariat),
  'POST /api/calls/:id/recommendations': write(secretariat),
  'DELETE /api/calls/:id/recommendations/:recommendationId': write(secretariat, noBody),
  'GET /api/calls/:id/entities': get(secretariat),
  'POST /api/calls/:id/entities': write(secretariat),
  'DELETE /api/calls/:id/entities/:entityId': write(secretariat, noBody),
  'GET /api/calls/:id/tracker': get(secretariat),
  // A draft call has no answers yet: unknown to everyone.
  'GET /api/calls/:id/entities/:entityId/answers': get(unknownToAll),
  'PUT /api/calls/:id/entities/:entityId/answers': write(signedIn),
  'GET /api/inbox': get(signedIn),
  'GET /api/me/notifications': get(signedIn),
  'PUT /api/me/notifications': write(signedIn),
  // Reports: the secretariat's; the consulted see the list and a report open for consultation.
  'GET /api/reports': get(secretariatAndConsulted),
  'POST /api/reports': write(secretariat, () => ({ bodyCode: 'UPR', type: 'upr_mid_term', title: 'Another report' })),
  'GET /api/reports/:id': get(secretariatElse404),
  'PATCH /api/reports/:id': write(secretariat),
  'PUT /api/reports/:id/sections/:sectionId': write(secretariat),
  'PUT /api/reports/:id/annex/:entityId': write(secretariat),
  'GET /api/reports/:id/versions': get(secretariatElse404),
  'POST /api/reports/:id/versions': write(secretariat),
  // No version 1 yet: unknown to everyone.
  'GET /api/reports/:id/diff': get(unknownToAll, { query: 'from=1&to=1' }),
  'POST /api/reports/:id/consultation': write(secretariat),
  // Not open for consultation: 409 ("not open") to those who may read the report, unknown to the rest.
  'GET /api/reports/:id/consultation': get((p) => (!p ? 401 : secretariatRoles.has(p.role) ? 409 : 404)),
  'POST /api/reports/:id/comments': write(secretariatAndConsulted),
  'POST /api/reports/:id/comments/:commentId/replies': write(secretariat),
  'PATCH /api/reports/:id/comments/:commentId': write(secretariatAndConsulted),
  'POST /api/reports/:id/approve': write(secretariat),
  'GET /api/reports/:id/export.docx': get(secretariatElse404),
  'GET /api/reports/:id/export.pdf': get(secretariatElse404),
  // Indicators: read by everyone signed in (their linked recommendations scoped: decision 020).
  'GET /api/indicators': get(signedIn, { query: 'recommendationId={nobodysRecommendation}' }),
  'POST /api/indicators': write(secretariat),
  'GET /api/indicators/:id': get(signedIn),
  'PUT /api/indicators/:id': write(secretariat),
  'DELETE /api/indicators/:id': write(secretariat, noBody, 'version=1'),
  'GET /api/indicators/:id/observations': get(signedIn),
  'POST /api/indicators/:id/observations': write(signedIn),
  'PUT /api/indicators/:id/observations/:observationId': write(signedIn),
  'DELETE /api/indicators/:id/observations/:observationId': write(signedIn),
  'POST /api/indicators/:id/observations/import/preview': write(signedIn),
  'POST /api/indicators/:id/observations/import/apply': write(signedIn),
  'GET /api/indicators/:id/series/over-time': get(signedIn),
  'GET /api/indicators/:id/series/across-places': get(signedIn, {
    query: 'periodStart=2024-01-01&periodEnd=2024-12-31',
  }),
  'GET /api/indicators/:id/series/periods': get(signedIn),
  'GET /api/me/notifications/indicators': get(signedIn),
  'PUT /api/me/notifications/indicators': write(signedIn),
  // Progress updates: a draft is its entity's (and the secretariat's).
  'GET /api/progress-updates': get(signedIn),
  'GET /api/progress-updates/options': get(labourScope, { query: 'recommendationId={recommendation}' }),
  'POST /api/progress-updates': write(signedIn),
  'GET /api/progress-updates/:id': get(labourOnly),
  'PUT /api/progress-updates/:id': write(labourOnly),
  'POST /api/progress-updates/:id/submit': write(labourOnly, () => ({ version: 1 })),
  'POST /api/progress-updates/:id/approve': write(labourOnly, () => ({ version: 1 })),
  'POST /api/progress-updates/:id/return': write(labourOnly, () => ({ version: 1 })),
  // Steps in bulk: people with a queue (the secretariat, validators); each item is then refused on its own.
  'POST /api/progress-updates/bulk/approve': write(withQueue, (params) => ({
    items: [{ id: params.progressUpdate, version: 1 }],
  })),
  'POST /api/progress-updates/bulk/return': write(withQueue, (params) => ({
    items: [{ id: params.progressUpdate, version: 1 }],
    comment: 'Add the figures.',
  })),
  'GET /api/progress-updates/:id/attachments': get(labourOnly),
  'POST /api/progress-updates/:id/attachments': write(labourOnly),
  // Action documents: read as the action, changed by its editors (issue 14 part 4).
  'GET /api/actions/:id/attachments': get(labourScope, { foreign: educationScope }),
  'POST /api/actions/:id/attachments': write(editLabourAction, annexPdf, 'fileName=more.pdf'),
  'GET /api/attachments/:id/download': get(labourScope),
  'DELETE /api/attachments/:id': write(editLabourAction, noBody),
  'GET /api/follow-up': get(signedIn),
  'PUT /api/follow-up/:id/grade': write(secretariat),
  // The calendar of obligations: everyone reads; the secretariat keeps it.
  'GET /api/calendar/events': get(signedIn, { query: 'from=2026-01-01&to=2026-12-31' }),
  'POST /api/calendar/events': write(secretariat),
  'GET /api/calendar/events/:id': get(signedIn),
  'PUT /api/calendar/events/:id': write(secretariat),
  'DELETE /api/calendar/events/:id': write(secretariat, noBody, 'version=1'),
  'POST /api/calendar/recompute': write(secretariat, noBody),
  'GET /api/calendar/settings': get(signedIn),
  'PUT /api/calendar/settings': write(secretariat),
  'GET /api/calendar/preferences': get(signedIn),
  'PUT /api/calendar/preferences': write(signedIn),
  'GET /api/calendar/feed': get(signedIn),
  'POST /api/calendar/feed': write(signedIn),
  'DELETE /api/calendar/feed': write(signedIn),
  // A feed is read by its secret file name, without a session: an unknown name is 404.
  'GET /api/calendar/feed/:file': get(() => 404),
  // Actions (scoped: decision 020).
  'GET /api/actions': get(signedIn),
  'POST /api/actions': write(signedIn),
  'GET /api/actions/:id': get(labourScope, { foreign: educationScope }),
  'PUT /api/actions/:id': write(editLabourAction, (p) => ({
    title: 'Labour inspection plan, amended',
    responsibleEntityId: p.entity,
    recommendationIds: [p.recommendation],
    version: 1,
  })),
  'DELETE /api/actions/:id': write(deleteLabourAction, noBody, 'version=1'),
  'GET /api/me/notifications/actions': get(signedIn),
  'PUT /api/me/notifications/actions': write(signedIn),
  // Reference data.
  'GET /api/countries': get(signedIn),
  'GET /api/bodies': get(signedIn),
  'GET /api/bodies/records': get(signedIn),
  'POST /api/bodies': write(secretariat),
  'PATCH /api/bodies/:code': write(secretariat),
  'GET /api/taxonomies': get(signedIn),
  'POST /api/taxonomies': write(secretariat),
  'GET /api/taxonomies/:code/terms': get(signedIn),
  'GET /api/taxonomies/:code/variants': get(signedIn),
  'GET /api/taxonomies/:code/untranslated': get(signedIn),
  'POST /api/taxonomies/:code/terms': write(secretariat),
  'PATCH /api/terms/:id': write(secretariat),
  'POST /api/terms/:id/merge': write(secretariat),
  'POST /api/terms/merge': write(secretariat),
  'DELETE /api/terms/:id': write(secretariat, noBody, 'version=1'),
  // Imports: the secretariat's.
  'POST /api/imports': write(secretariat),
  'GET /api/imports': get(secretariat),
  'GET /api/imports/mappings': get(secretariat),
  'GET /api/imports/:id': get(secretariat),
  'POST /api/imports/:id/preview': write(secretariat),
  'POST /api/imports/:id/apply': write(secretariat),
  'GET /api/imports/:id/original': get(secretariat),
};
