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

export const hubNetworkKinds = ['international', 'regional', 'language'] as const;
export const practiceStatuses = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

/** A text given per language: at least one language, each at most `max` characters. */
export function perLanguage(max: number) {
  return z.partialRecord(localeSchema, z.string().trim().max(max));
}

/**
 * A practice's content as a member writes it and as a national instance sends it to a hub
 * (federation): the form, the route and the signed request share this one shape. `body` is
 * HTML the server sanitises before storing.
 */
export const practiceTextSchema = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(2000),
  body: z.string().max(200_000),
});
export const practicePayloadSchema = z.object({
  level: z.enum(governmentLevels),
  themes: z.array(hubThemeSchema).min(1).max(hubThemes.length),
  /** One entry per language the practice is written in; at least one. */
  texts: z
    .partialRecord(localeSchema, practiceTextSchema)
    .refine((texts) => Object.keys(texts).length > 0, { message: 'at least one language' }),
  contact: z.string().trim().max(300).nullable(),
  links: z.array(z.object({ url: z.url({ protocol: /^https?$/ }), label: z.string().trim().min(1).max(200) })).max(20),
  /** Where the facts come from (a public document, its address). */
  source: z.string().trim().max(500).nullable(),
});
export type PracticePayload = z.infer<typeof practicePayloadSchema>;

/** A member's profile as the Knowledge Gateway lists it; texts per language. */
export const profilePayloadSchema = z.object({
  mandate: perLanguage(10_000),
  legalBasis: perLanguage(5_000),
  composition: perLanguage(5_000),
  secretariat: perLanguage(5_000),
  focalPoints: perLanguage(5_000),
  established: z.number().int().min(1945).max(2100).nullable(),
  website: z.url({ protocol: /^https?$/ }).nullable(),
  source: z.string().trim().max(500).nullable(),
});
export type ProfilePayload = z.infer<typeof profilePayloadSchema>;
