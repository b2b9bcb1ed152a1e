import { z } from 'zod';
import { localeSchema, pageQuerySchema, versionSchema } from './common';

/** The roles of a national instance (an NMIRF and the entities it works with). */
export const nationalRoles = [
  'admin',
  'coordinator',
  'focal_point',
  'validator',
  'contributor',
  'stakeholder',
  'viewer',
] as const;
/**
 * The roles of a knowledge hub (`INSTANCE_MODE=hub`, decision 034): its administrators, the
 * moderators of its community, people of member NMIRFs, and readers who sign in to take part in
 * events and read the members' spaces. An account holds one role of its instance's side only.
 */
export const hubRoles = ['hub_admin', 'moderator', 'member', 'reader'] as const;
export const roles = [...nationalRoles, ...hubRoles] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
export type NationalRole = (typeof nationalRoles)[number];
export type HubRole = (typeof hubRoles)[number];
const hubRoleSet: ReadonlySet<string> = new Set(hubRoles);
/** Whether a role belongs to a hub's side (an instance's accounts are all of one side). */
export function isHubRole(role: Role): role is HubRole {
  return hubRoleSet.has(role);
}

export const userStatuses = ['invited', 'active', 'disabled'] as const;
/** What a one-time emailed token is for. */
export const tokenKinds = ['invitation', 'password_reset'] as const;
export const userStatusSchema = z.enum(userStatuses);

const emailSchema = z
  .email()
  .max(254)
  .transform((value) => value.trim().toLowerCase());
/** NIST 800-63B: length over composition rules; a passphrase is welcome. */
export const passwordSchema = z.string().min(12).max(200);

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type SignInInput = z.infer<typeof signInSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: localeSchema,
  organisation: z.string().nullable(),
  version: versionSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const demoAccountSchema = z.object({
  email: z.string(),
  password: z.string(),
  role: roleSchema,
  name: z.string(),
  /** where the person works: tells the ministry's focal point from the municipality's */
  organisation: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

/**
 * What the signed-in person may do across a collection, decided by the server's policies and
 * sent with the session, so the web shows a page, a link or a button without knowing roles.
 * What they may do with one record comes with the record (its `can…` flags). Names are
 * `module:action`, a colon and not a dot, so the catalogue splitter (build/i18n-namespaces.ts)
 * never takes one for a message key.
 */
export const capabilityNames = [
  'actions:create',
  'apiTokens:manage',
  'assignments:assign',
  'assignments:mine',
  'audit:list',
  'calendar:edit',
  'calls:inbox',
  'calls:manage',
  'calls:track',
  'entities:manage',
  'hubMembers:list',
  'hubMembers:manage',
  'hubNetworks:manage',
  'hubProfiles:editOwn',
  'hubCommunity:events',
  'hubCommunity:join',
  'hubCommunity:moderate',
  'hubPractices:moderate',
  'hubPractices:share',
  'federation:hubLink',
  'federation:links',
  'federation:share',
  'hubAssessment:fill',
  'hubAssessment:readShared',
  'imports:import',
  'indicators:manage',
  'installation:apiDocs',
  'national:read',
  'outbox:list',
  'progress:grade',
  'progress:toValidate',
  'register:batchEdit',
  'register:edit',
  'register:manageClusters',
  'reports:create',
  'reports:list',
  'stateProfile:edit',
  'taxonomies:administer',
  'taxonomies:manage',
  'users:invite',
  'users:list',
  'users:update',
] as const;
export type Capability = (typeof capabilityNames)[number];
export const capabilitiesSchema = z.object({
  can: z.record(z.enum(capabilityNames), z.boolean()),
  /** The roles this person may give someone they invite. */
  invitableRoles: z.array(roleSchema),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

export const sessionResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  /** null when no one is signed in. */
  capabilities: capabilitiesSchema.nullable(),
  csrfToken: z.string().nullable(),
  demoAccounts: z.array(demoAccountSchema),
  /** The password was right and a code from the authenticator (or a recovery code) comes next. */
  secondFactorRequired: z.boolean().optional(),
  /** Single sign-on through an OpenID Connect provider, when configured: its name for the button. */
  singleSignOn: z.object({ name: z.string() }).nullable().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** Why a single sign-on came back to the sign-in page without a session (?sso=…). */
export const ssoRefusals = [
  'unknown_account',
  'account_disabled',
  'account_locked',
  'email_unverified',
  'failed',
  'unavailable',
] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const completePasswordResetSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema });
export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
export const inspectInvitationSchema = z.object({ token: z.string().min(20).max(200) });
/** What the invitee sees before accepting: who the account is for. */
export const invitationDetailsSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organisation: z.string().nullable(),
  locale: localeSchema,
  expiresAt: z.string(),
});
export type InvitationDetails = z.infer<typeof invitationDetailsSchema>;

export const updateMeSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: localeSchema.optional(),
  version: versionSchema,
});
export type UpdateMeInput = z.infer<typeof updateMeSchema>;

export const userSummarySchema = sessionUserSchema.extend({
  status: userStatusSchema,
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  /** Two-step sign-in (TOTP) is on for this person: the administrator may then reset it. */
  secondFactor: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const updateUserSchema = z.object({
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: versionSchema,
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const createInvitationSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  organisation: z.string().trim().max(200).optional(),
  locale: localeSchema,
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'expired', 'revoked']);
export const invitationSummarySchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: invitationStatusSchema,
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;
export const invitationListQuerySchema = pageQuerySchema.extend({ status: invitationStatusSchema.optional() });

/** One of a person's live sessions (a browser or device signed in), for the list and its revoke buttons. */
/** How a session was opened: the password, the password and a second-factor code, single sign-on. */
export const signInMethods = ['password', 'two_step', 'sso'] as const;
export type SignInMethod = (typeof signInMethods)[number];
export const sessionInfoSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
  method: z.enum(signInMethods),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export const revokedSessionsSchema = z.object({ revoked: z.number().int().min(0) });

/** A TOTP code from an authenticator app (6 digits), or one of the recovery codes (xxxxx-xxxxx). */
export const secondFactorSchema = z.object({ code: z.string().trim().min(6).max(20) });
export type SecondFactorInput = z.infer<typeof secondFactorSchema>;
export const totpStatusSchema = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int().min(0) });
export type TotpStatus = z.infer<typeof totpStatusSchema>;
/** What an authenticator app needs: the otpauth:// address (what a QR code would hold) and the secret to type in. */
export const totpSetupSchema = z.object({ uri: z.string(), secret: z.string() });
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export const totpEnableSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const disableTotpSchema = z.object({ password: z.string().min(1).max(200) });
/** New recovery codes: proven by the password or by a current code from the authenticator app. */
export const regenerateRecoveryCodesSchema = z
  .object({
    password: z.string().max(200).optional(),
    code: z.string().trim().max(6).optional(),
  })
  .refine((value) => Boolean(value.password || value.code), {
    message: 'give the password or a code from the app',
    path: ['password'],
  });
export type RegenerateRecoveryCodesInput = z.infer<typeof regenerateRecoveryCodesSchema>;
