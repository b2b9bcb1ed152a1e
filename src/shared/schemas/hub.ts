import { z } from 'zod';
import { localeSchema } from './common';
import { systemsOfGovernment } from './state-profile';

/**
 * What the parts of a knowledge hub share (decision 034): the kinds of thing its one search finds,
 * who may read them, and the facets every part files its things under. Each part (profiles and
 * networks, practices, community, federation, self-assessment) keeps its own payloads beside this.
 */
export const hubDocumentKinds = ['practice', 'profile', 'network', 'thread', 'event'] as const;
export type HubDocumentKind = (typeof hubDocumentKinds)[number];
/** `public`: anyone, without an account; `accounts`: signed-in hub accounts only. */
export const hubVisibilities = ['public', 'accounts'] as const;
export type HubVisibility = (typeof hubVisibilities)[number];
export const hubMemberStatuses = ['active', 'withdrawn'] as const;

/**
 * The themes of HRC resolution 51/33's practice sharing: what a practice, a discussion space or a
 * self-assessment question is about. Stored as these codes, labelled in six languages (`hubThemes.*`).
 */
export const hubThemes = [
  'mandate',
  'coordination',
  'linkage',
  'information',
  'engagement_lrg',
  'engagement_nhri',
  'engagement_civil_society',
  'engagement_parliament',
] as const;
export type HubTheme = (typeof hubThemes)[number];
export const hubThemeSchema = z.enum(hubThemes);

/** The level of government a practice comes from. */
export const governmentLevels = ['national', 'regional', 'local'] as const;
export type GovernmentLevel = (typeof governmentLevels)[number];

export const hubMemberSchema = z.object({
  id: z.uuid(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
  acronym: z.string().nullable(),
  systemOfGovernment: z.enum(systemsOfGovernment).nullable(),
  status: z.enum(hubMemberStatuses),
});
export type HubMember = z.infer<typeof hubMemberSchema>;

/** One row of the hub's search table, as the module publishing a thing writes it (lib/hub-index.ts). */
export const hubDocumentSchema = z.object({
  kind: z.enum(hubDocumentKinds),
  refId: z.uuid(),
  locale: localeSchema,
  visibility: z.enum(hubVisibilities),
  title: z.string().min(1),
  summary: z.string(),
  body: z.string(),
  path: z.string().startsWith('/'),
  memberId: z.uuid().nullable(),
  countryCode: z.string().nullable(),
  systemOfGovernment: z.enum(systemsOfGovernment).nullable(),
  level: z.enum(governmentLevels).nullable(),
  themes: z.array(hubThemeSchema),
  networkIds: z.array(z.uuid()),
});
export type HubDocument = z.infer<typeof hubDocumentSchema>;
