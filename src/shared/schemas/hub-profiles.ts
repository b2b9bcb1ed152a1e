import { z } from 'zod';
import { localeSchema, pageQuerySchema, versionSchema } from './common';
import { hubMemberStatuses, hubNetworkKinds, perLanguage, profilePayloadSchema } from './hub';
import { systemsOfGovernment } from './state-profile';

// A knowledge hub's members (NMIRFs), their profiles as OHCHR's Knowledge Gateway lists them, and
// the networks they belong to (issue 19, items 1 and 3; decision 035). The forms, the routes and
// the demo seed share these shapes.

/** The five regions of the UN geoscheme (M49), for the members' filter. */
export const hubRegions = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export type HubRegion = (typeof hubRegions)[number];

const nameSchema = z.string().trim().min(1).max(300);

/** What a hub admin enters for a member. */
export const hubMemberInputSchema = z.object({
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: 'issues.hubProfiles.countryCode' })
    .transform((code) => code.toUpperCase()),
  name: nameSchema,
  /** The name in the UN languages where known. */
  nameI18n: perLanguage(300),
  acronym: z.string().trim().min(1).max(40).nullable(),
  systemOfGovernment: z.enum(systemsOfGovernment).nullable(),
});
export type HubMemberInput = z.infer<typeof hubMemberInputSchema>;
export const updateHubMemberSchema = hubMemberInputSchema.extend({ version: versionSchema });
export const withdrawHubMemberSchema = z.object({ version: versionSchema });

export const hubMemberPersonSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  status: z.string(),
});
export type HubMemberPerson = z.infer<typeof hubMemberPersonSchema>;

export const hubMemberViewSchema = z.object({
  id: z.uuid(),
  countryCode: z.string(),
  countryName: z.string(),
  name: z.string(),
  nameI18n: z.partialRecord(localeSchema, z.string()),
  acronym: z.string().nullable(),
  systemOfGovernment: z.enum(systemsOfGovernment).nullable(),
  status: z.enum(hubMemberStatuses),
  version: z.number().int(),
  profilePublished: z.boolean(),
  networkIds: z.array(z.uuid()),
});
export type HubMemberView = z.infer<typeof hubMemberViewSchema>;

export const hubMemberListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(hubMemberStatuses).optional(),
});
export type HubMemberListQuery = z.infer<typeof hubMemberListQuerySchema>;

/** Someone acting for a member: an existing hub account, or a person invited in the same step. */
export const addHubMemberPersonSchema = z.union([
  z.object({ userId: z.uuid() }),
  z.object({
    invite: z.object({
      email: z.email().max(254),
      name: z.string().trim().min(1).max(200),
      locale: localeSchema,
    }),
  }),
]);
export type AddHubMemberPersonInput = z.infer<typeof addHubMemberPersonSchema>;

/** A profile as its editors read and write it: the shared payload, with its state. */
export const hubProfileViewSchema = profilePayloadSchema.extend({
  memberId: z.uuid(),
  published: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** May the reader edit, publish and unpublish it. */
  canEdit: z.boolean(),
});
export type HubProfileView = z.infer<typeof hubProfileViewSchema>;
export const updateHubProfileSchema = profilePayloadSchema.extend({ version: versionSchema });
export type UpdateHubProfileInput = z.infer<typeof updateHubProfileSchema>;
export const publishHubProfileSchema = z.object({ published: z.boolean(), version: versionSchema });

/** The members a signed-in account acts for ("our profile"). */
export const myHubMembersSchema = z.object({ items: z.array(hubMemberViewSchema) });

export const hubNetworkInputSchema = z.object({
  kind: z.enum(hubNetworkKinds),
  name: nameSchema,
  nameI18n: perLanguage(300),
  descriptionI18n: perLanguage(5000),
  website: z.url({ protocol: /^https?$/ }).nullable(),
  /** The members in the network (all of them: the list replaces the one stored). */
  memberIds: z.array(z.uuid()).max(500),
});
export type HubNetworkInput = z.infer<typeof hubNetworkInputSchema>;
export const updateHubNetworkSchema = hubNetworkInputSchema.extend({ version: versionSchema });
export const hubNetworkViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(hubNetworkKinds),
  name: z.string(),
  nameI18n: z.partialRecord(localeSchema, z.string()),
  descriptionI18n: z.partialRecord(localeSchema, z.string()),
  website: z.string().nullable(),
  memberIds: z.array(z.uuid()),
  version: z.number().int(),
});
export type HubNetworkView = z.infer<typeof hubNetworkViewSchema>;

/** The public members page's filters (query string). */
export const hubPublicMembersQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  region: z.enum(hubRegions).optional().catch(undefined),
  system: z.enum(systemsOfGovernment).optional().catch(undefined),
  network: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type HubPublicMembersQuery = z.infer<typeof hubPublicMembersQuerySchema>;
