import type { ComponentType } from 'react';
import type { Capability } from '../shared/schemas/identity';
import { hubPages } from './nav-hub';

/**
 * The one registry of signed-in pages. routes.tsx builds the router from it and the shell builds
 * the navigation from it, so a module adds a page in one place: its path, the catalogue key of its
 * label, the capability that shows it in the navigation, and a lazy loader (each page is its own chunk).
 * The server still decides what each person may read: a URL typed by hand answers FORBIDDEN there.
 */
export interface ModulePage {
  path: string;
  labelKey: string;
  /**
   * Who sees it in the navigation: 'everyone' signed in, those having a capability (sent by the
   * server with the session), or no one ('linked': reached from a record or a step).
   */
  shownTo: 'everyone' | 'linked' | Capability;
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

export const modulePages: readonly ModulePage[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    shownTo: 'everyone',
    section: 'main',
    load: () => import('./features/home/home-page'),
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    shownTo: 'everyone',
    section: 'main',
    load: () => import('./features/identity/settings-page'),
  },
  {
    path: '/inbox',
    labelKey: 'nav.inbox',
    shownTo: 'calls:inbox',
    section: 'main',
    load: () => import('./features/calls/inbox-page'),
  },
  {
    path: '/inbox/:callId/:entityId',
    labelKey: 'nav.answer',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/calls/answer-page'),
  },
  // The knowledge hub's practices library (decision 036): a member's practices, the moderators' queue.
  {
    path: '/calendar',
    labelKey: 'nav.calendar',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/calendar/calendar-page'),
  },
  {
    path: '/calls',
    labelKey: 'nav.calls',
    shownTo: 'calls:manage',
    section: 'main',
    load: () => import('./features/calls/calls-page'),
  },
  {
    path: '/calls/new',
    labelKey: 'nav.newCall',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/calls/call-new-page'),
  },
  {
    path: '/calls/:id',
    labelKey: 'nav.call',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/calls/call-page'),
  },
  {
    path: '/reports',
    labelKey: 'nav.reports',
    shownTo: 'reports:list',
    section: 'main',
    load: () => import('./features/reports/reports-page'),
  },
  {
    path: '/reports/new',
    labelKey: 'nav.newReport',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/reports/report-new-page'),
  },
  {
    path: '/reports/:id',
    labelKey: 'nav.report',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/reports/report-page'),
  },
  {
    path: '/reports/:id/versions',
    labelKey: 'nav.reportVersions',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/reports/report-versions-page'),
  },
  {
    path: '/reports/:id/consultation',
    labelKey: 'nav.reportConsultation',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/reports/report-consultation-page'),
  },
  {
    path: '/actions',
    labelKey: 'nav.actions',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/actions/actions-page'),
  },
  {
    path: '/actions/new',
    labelKey: 'nav.newAction',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/actions/action-new-page'),
  },
  {
    path: '/actions/:id',
    labelKey: 'nav.action',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/actions/action-page'),
  },
  {
    path: '/indicators',
    labelKey: 'nav.indicators',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/indicators/indicators-page'),
  },
  {
    path: '/indicators/new',
    labelKey: 'nav.newIndicator',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/indicators/indicator-new-page'),
  },
  {
    path: '/indicators/:id',
    labelKey: 'nav.indicator',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/indicators/indicator-page'),
  },
  {
    path: '/indicators/:id/edit',
    labelKey: 'nav.editIndicator',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/indicators/indicator-edit-page'),
  },
  {
    path: '/indicators/:id/import',
    labelKey: 'nav.indicatorImport',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/indicators/observation-import-page'),
  },
  {
    path: '/progress/to-validate',
    labelKey: 'nav.toValidate',
    shownTo: 'progress:toValidate',
    section: 'main',
    load: () => import('./features/progress/queue-page'),
  },
  {
    path: '/progress/new',
    labelKey: 'nav.progressNew',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/progress/progress-new-page'),
  },
  {
    path: '/progress/:id',
    labelKey: 'nav.progress',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/progress/progress-page'),
  },
  {
    path: '/follow-up',
    labelKey: 'nav.followUp',
    shownTo: 'national:read',
    section: 'register',
    load: () => import('./features/progress/follow-up-page'),
  },
  {
    path: '/register',
    labelKey: 'nav.register',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/register/register-page'),
  },
  {
    path: '/register/:id',
    labelKey: 'nav.recommendation',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/register/recommendation-page'),
  },
  {
    path: '/reviews',
    labelKey: 'nav.reviews',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/register/reviews-page'),
  },
  {
    path: '/reviews/:id',
    labelKey: 'nav.review',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/register/review-page'),
  },
  {
    path: '/dashboards',
    labelKey: 'nav.dashboards',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/dashboards/dashboards-page'),
  },
  {
    path: '/peers',
    labelKey: 'nav.peers',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/peers/peers-page'),
  },
  {
    path: '/entities',
    labelKey: 'nav.entities',
    shownTo: 'national:read',
    section: 'main',
    load: () => import('./features/entities/entities-page'),
  },
  {
    path: '/entities/import',
    labelKey: 'nav.entitiesImport',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/entities/entities-import-page'),
  },
  {
    path: '/entities/:id',
    labelKey: 'nav.entity',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/entities/entity-page'),
  },
  {
    path: '/nominations/:id',
    labelKey: 'nav.nomination',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/entities/nomination-page'),
  },
  {
    path: '/imports/new',
    labelKey: 'nav.import',
    shownTo: 'imports:import',
    section: 'register',
    load: () => import('./features/imports/import-wizard-page'),
  },
  {
    path: '/imports',
    labelKey: 'nav.importHistory',
    shownTo: 'linked',
    section: 'register',
    load: () => import('./features/imports/imports-page'),
  },
  {
    path: '/clusters',
    labelKey: 'nav.clusters',
    shownTo: 'register:manageClusters',
    section: 'register',
    load: () => import('./features/register/clusters-page'),
  },
  {
    path: '/taxonomies',
    labelKey: 'nav.taxonomies',
    shownTo: 'taxonomies:manage',
    section: 'register',
    load: () => import('./features/taxonomies/taxonomies-page'),
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    shownTo: 'users:list',
    section: 'admin',
    load: () => import('./features/admin/users-page'),
  },
  {
    path: '/admin/invitations',
    labelKey: 'nav.invitations',
    shownTo: 'users:invite',
    section: 'admin',
    load: () => import('./features/admin/invitations-page'),
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.audit',
    shownTo: 'audit:list',
    section: 'admin',
    load: () => import('./features/admin/audit-page'),
  },
  {
    path: '/admin/outbox',
    labelKey: 'nav.outbox',
    shownTo: 'outbox:list',
    section: 'admin',
    load: () => import('./features/admin/outbox-page'),
  },
  {
    path: '/admin/hub-link',
    labelKey: 'federation.nav.hubLink',
    shownTo: 'federation:hubLink',
    section: 'admin',
    load: () => import('./features/federation/hub-link-page'),
  },
  {
    path: '/shared-practices',
    labelKey: 'federation.nav.shared',
    shownTo: 'federation:share',
    section: 'main',
    load: () => import('./features/federation/shared-practices-page'),
  },
  {
    path: '/admin/federation-links',
    labelKey: 'federation.nav.links',
    shownTo: 'federation:links',
    section: 'admin',
    load: () => import('./features/federation/federation-links-page'),
  },
  {
    path: '/admin/api-tokens',
    labelKey: 'nav.apiTokens',
    shownTo: 'apiTokens:manage',
    section: 'admin',
    load: () => import('./features/admin/api-tokens-page'),
  },
  // The hub's community of practice (decision 037).
  ...hubPages,
];

/** Links outside the client (server pages) shown in a section to those having a capability. */
export const externalLinks: readonly { href: string; labelKey: string; shownTo: Capability; section: NavSection }[] = [
  { href: '/api/docs', labelKey: 'nav.apiDocs', shownTo: 'installation:apiDocs', section: 'admin' },
];

/** The navigation for a person who has the capabilities `can` answers for. */
export function navFor(can: (capability: Capability) => boolean) {
  const shown = (shownTo: ModulePage['shownTo']) => shownTo === 'everyone' || (shownTo !== 'linked' && can(shownTo));
  return navSections
    .map(({ id: section, labelKey }) => ({
      section,
      labelKey,
      pages: modulePages.filter((page) => page.section === section && shown(page.shownTo)),
      links: externalLinks.filter((link) => link.section === section && can(link.shownTo)),
    }))
    .filter((group) => group.pages.length > 0 || group.links.length > 0);
}
