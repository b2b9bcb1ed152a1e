import { z } from 'zod';
import { localeSchema } from './common';
import { practicePayloadSchema, profilePayloadSchema } from './hub';
import { mechanisms } from './register';

/**
 * Federation (issue 19 item 5, decision 038): a national instance publishes chosen practices, its
 * profile and aggregate statistics to a hub over signed requests. The hub checks each request's
 * body with these shapes, which the national instance's forms share.
 */

/** What a national instance shares: each is one item of its outbox-like list. */
export const federationShareKinds = ['practice', 'profile', 'statistics'] as const;
export type FederationShareKind = (typeof federationShareKinds)[number];

/** Where an item stands: not chosen; waiting to be sent; on the hub at its revision; failing, retried. */
export const federationShareStates = ['not_shared', 'pending', 'sent', 'failed'] as const;
export type FederationShareState = (typeof federationShareStates)[number];

/** A national instance's link to its hub: only a key so far, linked, or being unlinked (withdrawals queued). */
export const federationLinkStates = ['key_only', 'linked', 'unlinking'] as const;
export type FederationLinkState = (typeof federationLinkStates)[number];

/** A hub's federation link to a member's instance. */
export const federationLinkStatuses = ['active', 'revoked'] as const;

/** A label per language, as the national instance's taxonomy holds it. */
const labels = z.partialRecord(localeSchema, z.string().max(500));
const count = z.number().int().min(0).max(10_000_000);

/**
 * Aggregates of what the national public portal publishes (decision 032): never a record, never
 * a count that includes an unpublished one. Status counts only recommendations whose follow-up is public.
 */
export const statisticsPayloadSchema = z.object({
  /** Recommendations whose text is public. */
  total: count,
  byStatus: z.array(z.object({ code: z.string().min(1).max(60), label: labels, count })).max(100),
  byMechanism: z.array(z.object({ code: z.enum(mechanisms), count })).max(mechanisms.length),
  byTheme: z.array(z.object({ code: z.string().min(1).max(60), label: labels, count })).max(500),
  /** When the national instance counted them. */
  countedAt: z.iso.datetime(),
});
export type StatisticsPayload = z.infer<typeof statisticsPayloadSchema>;

/** Every signed request carries the item's revision: same twice changes nothing, older never wins. */
const revision = z.number().int().min(1).max(2_000_000_000);
export const inboundPracticeSchema = z.object({ revision, practice: practicePayloadSchema });
export const inboundProfileSchema = z.object({ revision, profile: profilePayloadSchema });
export const inboundStatisticsSchema = z.object({ revision, statistics: statisticsPayloadSchema });
export const inboundWithdrawalSchema = z.object({ revision });
/** The origin's reference of a practice: the national instance's id of it. */
export const originRefSchema = z.object({ ref: z.uuid() });

/** What the hub answers a push: whether it changed anything, and the revision it now holds. */
export const inboundResultSchema = z.object({
  outcome: z.enum(['stored', 'unchanged', 'stale', 'withdrawn']),
  revision: z.number().int(),
  hubId: z.uuid().nullable(),
});
export type InboundResult = z.infer<typeof inboundResultSchema>;

/** An Ed25519 public key as a JWK (RFC 8037), as the hub admin registers it. */
export const ed25519JwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'the 32-byte public key, base64url')
    .meta({ example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
  kid: z.string().min(1).max(200).optional(),
});
export type Ed25519Jwk = z.infer<typeof ed25519JwkSchema>;

// ---- National side ----

export const hubLinkSchema = z.object({
  state: z.enum(federationLinkStates),
  hubUrl: z.string().nullable(),
  keyId: z.string(),
  publicJwk: ed25519JwkSchema,
  linkedAt: z.string().nullable(),
  version: z.number().int(),
});
export type HubLink = z.infer<typeof hubLinkSchema>;

export const connectHubSchema = z.object({
  hubUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .meta({ example: 'https://hub.example.org' }),
  token: z
    .string()
    .trim()
    .regex(/^imp_[A-Za-z0-9_-]{20,}$/, 'the token the hub issued (imp_…)')
    .meta({ example: 'imp_Xk3fQ0b…' }),
  version: z.number().int().positive(),
});
export type ConnectHubInput = z.infer<typeof connectHubSchema>;

export const federationShareSchema = z.object({
  id: z.uuid(),
  kind: z.enum(federationShareKinds),
  /** A practice's title (in the first language it has), the profile's or statistics' name is the kind. */
  title: z.string(),
  shared: z.boolean(),
  state: z.enum(federationShareStates),
  revision: z.number().int(),
  sentRevision: z.number().int().nullable(),
  sentAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextTryAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FederationShare = z.infer<typeof federationShareSchema>;

export const sharedPracticeSchema = federationShareSchema.extend({ practice: practicePayloadSchema });
export type SharedPractice = z.infer<typeof sharedPracticeSchema>;

export const sharedPracticeInputSchema = z.object({ practice: practicePayloadSchema, shared: z.boolean() });
export const sharedPracticeUpdateSchema = sharedPracticeInputSchema.extend({ version: z.number().int().positive() });
export const sharedProfileSchema = federationShareSchema.extend({ profile: profilePayloadSchema });
export const sharedProfileInputSchema = z.object({
  profile: profilePayloadSchema,
  shared: z.boolean(),
  version: z.number().int().positive().nullable(),
});
export const shareChoiceSchema = z.object({ shared: z.boolean(), version: z.number().int().positive() });

export const federationOverviewSchema = z.object({
  link: hubLinkSchema.nullable(),
  shares: z.array(federationShareSchema),
});
export type FederationOverview = z.infer<typeof federationOverviewSchema>;

// ---- Hub side ----

export const federationLinkSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  countryCode: z.string(),
  instanceName: z.string(),
  keyId: z.string(),
  publicJwk: ed25519JwkSchema,
  status: z.enum(federationLinkStatuses),
  tokenPrefix: z.string().nullable(),
  createdAt: z.string(),
  lastReceivedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** How many published things came through it. */
  practices: z.number().int(),
});
export type FederationLink = z.infer<typeof federationLinkSchema>;

export const createFederationLinkSchema = z.object({
  memberId: z.uuid(),
  instanceName: z.string().trim().min(1).max(200).meta({ example: 'Implementa — Slovenia' }),
  publicJwk: ed25519JwkSchema,
  expiresInDays: z.coerce.number().int().min(1).max(365).default(365),
});
export type CreateFederationLinkInput = z.infer<typeof createFederationLinkSchema>;
export const createdFederationLinkSchema = z.object({ link: federationLinkSchema, token: z.string() });

/** Where a federated thing on the hub came from: "From <instance>, synced <time>". */
export const federationOriginSchema = z.object({
  instanceName: z.string(),
  receivedAt: z.string(),
  revision: z.number().int(),
});
export type FederationOrigin = z.infer<typeof federationOriginSchema>;

export const memberStatisticsSchema = z.object({
  memberId: z.uuid(),
  origin: federationOriginSchema,
  statistics: statisticsPayloadSchema,
});
export type MemberStatistics = z.infer<typeof memberStatisticsSchema>;
