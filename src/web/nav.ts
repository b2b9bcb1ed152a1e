import type { ComponentType } from 'react';
import type { Role } from '../shared/schemas/identity';

/**
 * The one registry of signed-in pages. routes.tsx builds the router from it and the shell builds
 * the navigation from it, so a module adds a page in one place: its path, the catalogue key of its
 * label, the roles that see it in the navigation, and a lazy loader (each page is its own chunk).
 * The server still decides what each role may read: a URL typed by hand answers FORBIDDEN there.
 */
export interface ModulePage {
  path: string;
  labelKey: string;
  /** Who sees it in the navigation: 'everyone' signed in, or these roles. */
  roles: readonly Role[] | 'everyone';
  section: NavSection;
  load: () => Promise<{ default: ComponentType }>;
}

/** Navigation groups, in display order. */
export const navSections = [
  { id: 'main', labelKey: 'nav.section.main' },
  { id: 'register', labelKey: 'nav.section.register' },
  { id: 'admin', labelKey: 'nav.section.admin' },
] as const;
export type NavSection = (typeof navSections)[number]['id'];

const managers: readonly Role[] = ['admin', 'coordinator'];
/** Pages reached from other pages (a record, a step), never listed in the navigation. */
const linkedOnly: readonly Role[] = [];

export const modulePages: readonly ModulePage[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/home/home-page'),
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/identity/settings-page'),
  },
  {
    path: '/inbox',
    labelKey: 'nav.inbox',
    roles: ['focal_point', 'validator', 'contributor'],
    section: 'main',
    load: () => import('./features/calls/inbox-page'),
  },
  {
    path: '/inbox/:callId/:entityId',
    labelKey: 'nav.answer',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/calls/answer-page'),
  },
  {
    path: '/calendar',
    labelKey: 'nav.calendar',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/calendar/calendar-page'),
  },
  {
    path: '/calls',
    labelKey: 'nav.calls',
    roles: managers,
    section: 'main',
    load: () => import('./features/calls/calls-page'),
  },
  {
    path: '/calls/new',
    labelKey: 'nav.newCall',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/calls/call-new-page'),
  },
  {
    path: '/calls/:id',
    labelKey: 'nav.call',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/calls/call-page'),
  },
  {
    path: '/reports',
    labelKey: 'nav.reports',
    roles: ['admin', 'coordinator', 'stakeholder'],
    section: 'main',
    load: () => import('./features/reports/reports-page'),
  },
  {
    path: '/reports/new',
    labelKey: 'nav.newReport',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/reports/report-new-page'),
  },
  {
    path: '/reports/:id',
    labelKey: 'nav.report',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/reports/report-page'),
  },
  {
    path: '/reports/:id/versions',
    labelKey: 'nav.reportVersions',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/reports/report-versions-page'),
  },
  {
    path: '/reports/:id/consultation',
    labelKey: 'nav.reportConsultation',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/reports/report-consultation-page'),
  },
  {
    path: '/actions',
    labelKey: 'nav.actions',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/actions/actions-page'),
  },
  {
    path: '/actions/new',
    labelKey: 'nav.newAction',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/actions/action-new-page'),
  },
  {
    path: '/actions/:id',
    labelKey: 'nav.action',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/actions/action-page'),
  },
  {
    path: '/indicators',
    labelKey: 'nav.indicators',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/indicators/indicators-page'),
  },
  {
    path: '/indicators/new',
    labelKey: 'nav.newIndicator',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/indicators/indicator-new-page'),
  },
  {
    path: '/indicators/:id',
    labelKey: 'nav.indicator',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/indicators/indicator-page'),
  },
  {
    path: '/indicators/:id/edit',
    labelKey: 'nav.editIndicator',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/indicators/indicator-edit-page'),
  },
  {
    path: '/indicators/:id/import',
    labelKey: 'nav.indicatorImport',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/indicators/observation-import-page'),
  },
  {
    path: '/progress/to-validate',
    labelKey: 'nav.toValidate',
    roles: ['admin', 'coordinator', 'validator'],
    section: 'main',
    load: () => import('./features/progress/queue-page'),
  },
  {
    path: '/progress/new',
    labelKey: 'nav.progressNew',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/progress/progress-new-page'),
  },
  {
    path: '/progress/:id',
    labelKey: 'nav.progress',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/progress/progress-page'),
  },
  {
    path: '/follow-up',
    labelKey: 'nav.followUp',
    roles: 'everyone',
    section: 'register',
    load: () => import('./features/progress/follow-up-page'),
  },
  {
    path: '/register',
    labelKey: 'nav.register',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/register/register-page'),
  },
  {
    path: '/register/:id',
    labelKey: 'nav.recommendation',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/register/recommendation-page'),
  },
  {
    path: '/reviews',
    labelKey: 'nav.reviews',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/register/reviews-page'),
  },
  {
    path: '/reviews/:id',
    labelKey: 'nav.review',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/register/review-page'),
  },
  {
    path: '/dashboards',
    labelKey: 'nav.dashboards',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/dashboards/dashboards-page'),
  },
  {
    path: '/peers',
    labelKey: 'nav.peers',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/peers/peers-page'),
  },
  {
    path: '/entities',
    labelKey: 'nav.entities',
    roles: 'everyone',
    section: 'main',
    load: () => import('./features/entities/entities-page'),
  },
  {
    path: '/entities/import',
    labelKey: 'nav.entitiesImport',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/entities/entities-import-page'),
  },
  {
    path: '/entities/:id',
    labelKey: 'nav.entity',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/entities/entity-page'),
  },
  {
    path: '/nominations/:id',
    labelKey: 'nav.nomination',
    roles: linkedOnly,
    section: 'main',
    load: () => import('./features/entities/nomination-page'),
  },
  {
    path: '/imports/new',
    labelKey: 'nav.import',
    roles: managers,
    section: 'register',
    load: () => import('./features/imports/import-wizard-page'),
  },
  {
    path: '/imports',
    labelKey: 'nav.importHistory',
    roles: linkedOnly,
    section: 'register',
    load: () => import('./features/imports/imports-page'),
  },
  {
    path: '/clusters',
    labelKey: 'nav.clusters',
    roles: managers,
    section: 'register',
    load: () => import('./features/register/clusters-page'),
  },
  {
    path: '/taxonomies',
    labelKey: 'nav.taxonomies',
    roles: managers,
    section: 'register',
    load: () => import('./features/taxonomies/taxonomies-page'),
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    roles: managers,
    section: 'admin',
    load: () => import('./features/admin/users-page'),
  },
  {
    path: '/admin/invitations',
    labelKey: 'nav.invitations',
    roles: managers,
    section: 'admin',
    load: () => import('./features/admin/invitations-page'),
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.audit',
    roles: ['admin'],
    section: 'admin',
    load: () => import('./features/admin/audit-page'),
  },
  {
    path: '/admin/outbox',
    labelKey: 'nav.outbox',
    roles: ['admin'],
    section: 'admin',
    load: () => import('./features/admin/outbox-page'),
  },
];

/** Links outside the client (server pages) shown in a section, by role. */
export const externalLinks: readonly { href: string; labelKey: string; roles: readonly Role[]; section: NavSection }[] =
  [{ href: '/api/docs', labelKey: 'nav.apiDocs', roles: ['admin'], section: 'admin' }];

export function navFor(role: Role) {
  return navSections
    .map(({ id: section, labelKey }) => ({
      section,
      labelKey,
      pages: modulePages.filter(
        (page) => page.section === section && (page.roles === 'everyone' || page.roles.includes(role)),
      ),
      links: externalLinks.filter((link) => link.section === section && link.roles.includes(role)),
    }))
    .filter((group) => group.pages.length > 0 || group.links.length > 0);
}
