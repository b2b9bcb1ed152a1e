import type { ModulePage } from './nav';

/**
 * The knowledge hub's signed-in pages (decision 034): profiles, practices, community and
 * self-assessment, shown to hub accounts by their capabilities. Part of the one registry in nav.ts.
 */
export const hubPages: readonly ModulePage[] = [
  {
    path: '/self-assessment',
    labelKey: 'hubAssessment.nav',
    shownTo: 'hubAssessment:fill',
    section: 'main',
    load: () => import('./features/hub-assessment/assessment-page'),
  },
  {
    path: '/self-assessment/:id',
    labelKey: 'hubAssessment.navRound',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-assessment/round-page'),
  },
  {
    path: '/self-assessment/:id/results',
    labelKey: 'hubAssessment.navResults',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-assessment/results-page'),
  },
  {
    path: '/hub-practices',
    labelKey: 'hubPractices.app.mine',
    shownTo: 'hubPractices:share',
    section: 'main',
    load: () => import('./features/hub-practices/practices-page'),
  },
  {
    path: '/hub-practices/queue',
    labelKey: 'hubPractices.app.queue',
    shownTo: 'hubPractices:moderate',
    section: 'main',
    load: () => import('./features/hub-practices/queue-page'),
  },
  {
    path: '/hub-practices/:id',
    labelKey: 'hubPractices.app.practice',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-practices/practice-page'),
  },
  {
    path: '/our-profile',
    labelKey: 'hubProfiles.nav.ourProfile',
    shownTo: 'hubProfiles:editOwn',
    section: 'main',
    load: () => import('./features/hub-profiles/our-profile-page'),
  },
  {
    path: '/hub-admin/members',
    labelKey: 'hubProfiles.nav.members',
    shownTo: 'hubMembers:manage',
    section: 'admin',
    load: () => import('./features/hub-profiles/members-admin-page'),
  },
  {
    path: '/hub-admin/networks',
    labelKey: 'hubProfiles.nav.networks',
    shownTo: 'hubNetworks:manage',
    section: 'admin',
    load: () => import('./features/hub-profiles/networks-admin-page'),
  },
  {
    path: '/community',
    labelKey: 'hubCommunity.nav.spaces',
    shownTo: 'hubCommunity:join',
    section: 'main',
    load: () => import('./features/hub-community/spaces-page'),
  },
  {
    path: '/community/spaces/:id',
    labelKey: 'hubCommunity.nav.space',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-community/space-page'),
  },
  {
    path: '/community/threads/:id',
    labelKey: 'hubCommunity.thread',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-community/thread-page'),
  },
  {
    path: '/community/follows',
    labelKey: 'hubCommunity.nav.follows',
    shownTo: 'hubCommunity:join',
    section: 'main',
    load: () => import('./features/hub-community/follows-page'),
  },
  {
    path: '/community/events',
    labelKey: 'hubCommunity.nav.events',
    shownTo: 'hubCommunity:join',
    section: 'main',
    load: () => import('./features/hub-community/events-page'),
  },
  {
    path: '/community/events/new',
    labelKey: 'hubCommunity.events.new',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-community/event-form-page'),
  },
  {
    path: '/community/events/:id',
    labelKey: 'hubCommunity.nav.event',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-community/event-page'),
  },
  {
    path: '/community/events/:id/edit',
    labelKey: 'hubCommunity.events.edit',
    shownTo: 'linked',
    section: 'main',
    load: () => import('./features/hub-community/event-form-page'),
  },
  {
    path: '/community/moderation',
    labelKey: 'hubCommunity.nav.moderation',
    shownTo: 'hubCommunity:moderate',
    section: 'main',
    load: () => import('./features/hub-community/moderation-page'),
  },
];
