import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * What a machine's token may do, acting as its owner: read_public reads only what is published
 * (nothing yet: the public portal will add it), read_scoped reads what the owner may read, write
 * also writes what the owner may write.
 */
export const apiTokenScopes = ['read_public', 'read_scoped', 'write', 'federate'] as const;
export const apiTokenScopeSchema = z.enum(apiTokenScopes);
/**
 * The scopes an admin gives on the API tokens page. `federate` (decision 038) is issued only with
 * a hub's federation link for one member's instance and reaches only the federation routes.
 */
export const apiTokenCreatableScopes = ['read_public', 'read_scoped', 'write'] as const;
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

export const apiTokenStatuses = ['active', 'expired', 'revoked'] as const;
export const apiTokenStatusSchema = z.enum(apiTokenStatuses);
export type ApiTokenStatus = z.infer<typeof apiTokenStatusSchema>;

/** The lifetimes an admin picks from: a token never lives longer than a year. */
export const apiTokenLifetimes = [7, 30, 90, 180, 365] as const;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(200).meta({ example: 'Ministry of Justice data warehouse' }),
  scope: z.enum(apiTokenCreatableScopes).meta({ example: 'read_scoped' }),
  /** The account the token acts as; empty: the admin's own. */
  ownerEmail: z
    .union([z.literal(''), z.email().max(254)])
    .optional()
    .transform((value) => value?.trim().toLowerCase() || undefined)
    .meta({ example: 'focal.point@justice.example.org' }),
  expiresInDays: z.coerce
    .number()
    .int()
    .refine((days) => (apiTokenLifetimes as readonly number[]).includes(days), {
      message: `one of ${apiTokenLifetimes.join(', ')}`,
    })
    .meta({ example: 90 }),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The token's first characters, to tell tokens apart; the rest is never shown again. */
  prefix: z.string().meta({ example: 'imp_Xk3f' }),
  scope: apiTokenScopeSchema,
  status: apiTokenStatusSchema,
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The answer to a creation: the only time the token itself is shown. */
export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().meta({ example: 'imp_Xk3fQ0b…' }),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenQuerySchema = pageQuerySchema.extend({ status: apiTokenStatusSchema.optional() });
export type ApiTokenQuery = z.infer<typeof apiTokenQuerySchema>;
